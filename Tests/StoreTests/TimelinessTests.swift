import Domain
import Foundation
import Store
import XCTest

/// 按时办结率 by organisation and period (第四十七、四十九条).
final class TimelinessTests: XCTestCase {
  var store: Store!
  var dir: URL!

  override func setUpWithError() throws { (store, dir) = try makeDemo() }

  func scjg(_ staff: Staff) throws -> TimelinessFigures {
    let rows = try store.timeliness(.month(of: store.today), today: store.today, for: staff)
    return try XCTUnwrap(rows.first { $0.organisation == "SCJG" }).figures
  }

  func testALateConclusionLowersTheRateAndLeavesTheOverdueCount() throws {
    let supervisor = try store.demoStaff("chenjing")
    let clerk = try store.demoStaff("zhouqiang")
    let before = try scjg(supervisor)
    XCTAssertEqual(before.late, 0)
    // Due 11-25, decided and concluded on 11-26.
    let late = "BYQ-2026-000056"
    try store.perform(ApplicationCommand.decide(.approved, reason: ""), on: late, as: clerk)
    try store.perform(
      ApplicationCommand.conclude(
        ConclusionInput(certificateName: "食品经营许可证", certificateNumber: "JY1")), on: late, as: clerk)
    let after = try scjg(supervisor)
    XCTAssertEqual(after.applicationsConcluded, before.applicationsConcluded + 1)
    XCTAssertEqual(after.applicationsOnTime, before.applicationsOnTime)
    XCTAssertEqual(after.late, 1)
    XCTAssertEqual(after.overdueNow, before.overdueNow - 1)
    XCTAssertLessThan(try XCTUnwrap(after.onTimeRate), 1)
    XCTAssertEqual(
      try store.timeliness(.month(of: store.today), today: store.today, for: clerk).map(
        \.organisation), ["SCJG"], "a clerk sees the figures of their own organisation")
    let live = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
  }

  func testTheCSVHasATotalLineAndOpensInExcel() throws {
    let path = dir.appendingPathComponent("ontime.csv").path
    let n = try store.exportTimeliness(
      StatisticsPeriod(), today: store.today, for: try store.demoStaff("chenjing"), to: path)
    let data = try XCTUnwrap(FileManager.default.contents(atPath: path))
    XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark for Excel")
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    XCTAssertTrue(text.hasPrefix("单位代码,单位名称,统计期间,办结总数"), text)
    let lines = text.split(separator: "\r\n")
    XCTAssertEqual(lines.count, n + 2)
    XCTAssertTrue(lines.last?.hasPrefix(",合计,全部,") ?? false, String(lines.last ?? ""))
  }

  /// Schema v7 added a projected column; an older database is re-folded at its next open.
  func testAPendingRefoldRunsAtTheNextOpenAndOnlyOnce() throws {
    let path = store.db.path
    let live = try store.projectionDump()
    try store.db.run("UPDATE application SET on_time = NULL")
    try store.db.run("INSERT INTO refold_pending (id) VALUES (1)")
    store = nil
    let reopened = try Store.open(path: path, clock: { beijing("2026-11-26T09:30") })
    XCTAssertEqual(try reopened.projectionDump(), live)
    XCTAssertEqual(try reopened.db.fetchInt("SELECT count(*) FROM refold_pending"), 0)
  }
}
