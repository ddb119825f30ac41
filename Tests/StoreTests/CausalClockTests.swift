import Domain
import Foundation
import XCTest

@testable import Store

/// Every event is stamped by the causal clock: at least the wall clock, and after every event
/// this node wrote or imported. A clock that runs behind can no longer record a step that sorts
/// before what it follows and so silently does nothing.
final class CausalClockTests: XCTestCase {
  var store: Store!
  var dir: URL!
  var now = beijing("2026-11-26T09:30")

  override func setUpWithError() throws {
    (store, dir) = try makeDemo()
    store.clock = { [unowned self] in self.now }
  }

  override func tearDown() {
    store = nil
    try? FileManager.default.removeItem(at: dir)
  }

  /// 张伟's walk-in of the demo, registered today at 09:15 and awaiting acceptance.
  func awaitingCase() throws -> String {
    try XCTUnwrap(
      try store.db.fetchOne(
        "SELECT case_id FROM application WHERE applicant_name = '张伟' AND status = 'awaitingAcceptance'"
      ) { $0.text(0) })
  }

  func testABackDatedStepSortsAfterTheRegistrationAndTakesEffect() throws {
    let caseID = try awaitingCase()
    let liuyang = try XCTUnwrap(try store.staff(login: "liuyang"))
    let registered = try XCTUnwrap(try store.events(stream: "application/\(caseID)").first)
    now = beijing("2026-11-26T08:00")
    let accepted = try store.perform(ApplicationCommand.accept, on: caseID, as: liuyang)
    XCTAssertEqual(accepted.application.status, .accepted)
    XCTAssertEqual(accepted.application.notices.count, 1)
    XCTAssertThrowsError(try store.perform(ApplicationCommand.accept, on: caseID, as: liuyang))
    let events = try store.events(stream: "application/\(caseID)")
    XCTAssertEqual(events.first, registered)
    let step = try XCTUnwrap(events.last)
    XCTAssertGreaterThan(step.timestamp, registered.timestamp)
    XCTAssertGreaterThan(step.date, now, "stamped after what it follows, not at the slow clock")
    XCTAssertEqual(try store.openConflicts(), [])
    try store.rebuild()
    let after = try XCTUnwrap(try store.application(caseID: caseID))
    XCTAssertEqual(after.status, .accepted)
    XCTAssertEqual(after.notices.count, 1)
  }

  func testAStepItsOwnFoldCannotApplyIsRefusedAndDrawsNoNumber() throws {
    // The demo's way of writing its past lets a step land before the registration; the safety
    // net then refuses it instead of saving a step that does nothing.
    let caseID = try awaitingCase()
    let liuyang = try XCTUnwrap(try store.staff(login: "liuyang"))
    func counters() throws -> [String] {
      try store.db.fetchAll("SELECT prefix, year, last FROM case_counter ORDER BY 1, 2") {
        "\($0.text(0)) \($0.int(1)) \($0.int(2))"
      }
    }
    let before = try counters()
    store.scriptedHistory = true
    now = beijing("2026-11-26T08:00")
    XCTAssertThrowsError(try store.perform(ApplicationCommand.accept, on: caseID, as: liuyang)) {
      XCTAssertNotNil($0 as? Refusal, "\($0)")
    }
    store.scriptedHistory = false
    XCTAssertEqual(try store.application(caseID: caseID)?.status, .awaitingAcceptance)
    XCTAssertEqual(try store.openConflicts(), [])
    XCTAssertEqual(try counters(), before, "the refused step drew no notice number")
    now = beijing("2026-11-26T09:40")
    let accepted = try store.perform(ApplicationCommand.accept, on: caseID, as: liuyang)
    XCTAssertEqual(accepted.application.notices.count, 1)
    XCTAssertNotEqual(try counters(), before)
  }

  func testDisablingAtAnEarlierClockThanTheAdditionDisables() throws {
    let admin = try XCTUnwrap(try store.staff(login: "tester"))
    now = beijing("2026-11-26T10:00")
    try store.addStaff(
      Staff(login: "tst1", name: "测试", org: "ZWZX", roles: [.counter]), by: admin)
    now = beijing("2026-11-26T09:00")
    try store.setDisabled(login: "tst1", true, by: admin)
    XCTAssertEqual(try store.staff(login: "tst1")?.disabled, true)
    try store.rebuild()
    XCTAssertEqual(try store.staff(login: "tst1")?.disabled, true)
  }

  func testAProductionNodeFarBehindItsLatestEventRefusesToStart() throws {
    let path = dir.appendingPathComponent("prod.db").path
    var wall = beijing("2026-11-26T12:00")
    let node = try Store.create(
      path: path,
      node: NodeIdentity(code: "BYQ", name: "白银区", district: "BYQ", isDistrict: true),
      clock: { wall })
    try node.initialiseDistrict(
      organisation: Organisation(code: "ZWZX", name: "政务服务中心", kind: .district),
      admin: Staff(login: "admin", name: "管理员", org: "ZWZX", roles: [.admin]),
      holidays: try repositoryShare.read("holidays.tsv"), actor: "admin")
    wall = beijing("2026-11-26T10:30")
    XCTAssertNil(try node.clockProblem(), "an hour and a half behind still starts")
    XCTAssertNoThrow(try node.checkClock())
    wall = beijing("2026-11-26T09:30")
    let problem = try XCTUnwrap(try node.clockProblem())
    XCTAssertTrue(problem.contains("2026-11-26 09:30"), problem)
    XCTAssertTrue(problem.contains("2026-11-26 12:00"), problem)
    XCTAssertThrowsError(try node.checkClock())
    XCTAssertNil(try store.clockProblem(), "a demo node moves its clock on purpose")
    XCTAssertNil(
      try node.clockProblem(at: beijing("2026-11-26T11:00")), "doctor judges the clock it is given")
  }

  /// An import moves the clock on past what it brings, but a production node does not take
  /// events stamped far ahead of its own clock: every later step would be stamped after them.
  func testAnImportMovesTheClockOnButNotFarAheadOfTheWallClock() throws {
    let path = dir.appendingPathComponent("prod.db").path
    let wall = beijing("2026-11-26T09:00")
    let node = try Store.create(
      path: path,
      node: NodeIdentity(code: "WXZ", name: "王岘镇", district: "BYQ", isDistrict: false),
      clock: { wall })
    let ms = Int64(wall.timeIntervalSince1970 * 1000)
    try node.db.inTransaction(.immediate) {
      try node.advanceCausalClock(importing: ms + 3600 * 1000)
    }
    XCTAssertEqual(try node.latestEventTime(), wall.addingTimeInterval(3600))
    XCTAssertThrowsError(
      try node.db.inTransaction(.immediate) {
        try node.advanceCausalClock(importing: ms + 3 * 3600 * 1000)
      }
    ) {
      let message = ($0 as? Refusal)?.message ?? "\($0)"
      XCTAssertTrue(message.contains("2026-11-26 12:00"), message)
      XCTAssertTrue(message.contains("2026-11-26 09:00"), message)
    }
    XCTAssertEqual(try node.latestEventTime(), wall.addingTimeInterval(3600), "nothing moved")
  }
}
