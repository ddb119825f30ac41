import Domain
import Foundation
import XCTest

@testable import Store

/// The statistics read a period's rows through an index, never the whole table.
final class StatisticsPlanTests: XCTestCase {
  func plan(_ store: Store, _ sql: String, _ args: [any SQLBindable]) throws -> String {
    try store.db.fetchAll("EXPLAIN QUERY PLAN " + sql, args) { $0.text(3) }
      .joined(separator: " | ")
  }

  func testRatingsByItemReadThePeriodThroughAnIndex() throws {
    let (store, _) = try makeDemo()
    let all = try plan(
      store, Store.itemSatisfactionSQL(ownOrganisation: false), ["2026-11-01", "2026-11-30"])
    XCTAssertTrue(all.contains("rating_by_date"), all)
    XCTAssertFalse(all.contains("SCAN r"), all)
    let own = try plan(
      store, Store.itemSatisfactionSQL(ownOrganisation: true), ["RSJ", "2026-11-01", "2026-11-30"])
    XCTAssertTrue(own.contains("rating_by_org"), own)
    XCTAssertFalse(own.contains("SCAN r"), own)
  }

  func testRatingsByItemGroupsAnItemOfOneOrganisation() throws {
    let (store, _) = try makeDemo()
    let rows = try store.satisfactionByItem(StatisticsPeriod(), for: districtSupervisor)
    XCTAssertEqual(rows.first?.itemCode, "ZW-ZZ-001", "most valid bad reviews, lowest rate first")
    let food = try XCTUnwrap(rows.first { $0.itemCode == "SC-XK-002" })
    XCTAssertEqual(food.figures.total, 11)
    XCTAssertEqual(food.figures.invalid, 1)
    XCTAssertEqual(
      rows.reduce(0) { $0 + $1.figures.total },
      try store.satisfaction(StatisticsPeriod(), for: districtSupervisor)
        .reduce(0) { $0 + $1.figures.total }, "every rating counted once")
    let handler = try XCTUnwrap(try store.staff(login: "wuxia"))
    XCTAssertEqual(
      Set(try store.satisfactionByItem(StatisticsPeriod(), for: handler).map(\.organisation)),
      ["RSJ"])
  }
}
