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

  func testComplaintAnalysisReadsThePeriodThroughTheRegistrationIndex() throws {
    let (store, _) = try makeDemo()
    for own in [false, true] {
      let args: [any SQLBindable] = ["2026-11-01", "2026-11-30"] + (own ? ["WXZ"] : [])
      let p = try plan(store, Store.complaintFactsSQL(ownOrganisation: own), args)
      // One organisation's may go by its handling index instead: an index either way.
      XCTAssertTrue(p.contains(own ? "USING INDEX" : "complaint_by_registered"), p)
      XCTAssertFalse(p.contains("SCAN"), p)
    }
  }

  func testTheDemoComplaintsShowSomethingToAnalyse() throws {
    let (store, _) = try makeDemo()
    let all = try store.complaintAnalysis(StatisticsPeriod(), by: .org, for: districtSupervisor)
    XCTAssertGreaterThanOrEqual(all.total.registered, 30)
    XCTAssertGreaterThan(all.total.reopened, 0)
    XCTAssertGreaterThan(all.total.unsatisfied, 0)
    XCTAssertEqual(
      Set(all.rejections.map(\.reason)), [.otherProcedure, .alreadyConcluded], "reasons from events"
    )
    XCTAssertTrue(all.terms.map(\.text).contains("低保"), "\(all.terms)")
    XCTAssertTrue(
      all.repeats.contains { $0.maskedContact == "139****5678" && $0.caseIDs.count == 3 },
      "\(all.repeats)")
    XCTAssertEqual(all.groups.first?.title, "区政务服务中心", "the directory's order")
    let handler = try XCTUnwrap(try store.staff(login: "zhengtao"))
    let own = try store.complaintAnalysis(StatisticsPeriod(), by: .type, for: handler)
    XCTAssertEqual(
      own.total.registered,
      all.groups.first { $0.key == "WXZ" }?.figures.registered, "a handler sees their own")
  }
}
