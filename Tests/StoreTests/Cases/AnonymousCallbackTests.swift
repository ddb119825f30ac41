import Domain
import Foundation
import XCTest

@testable import Store

/// An anonymous complaint, concluded, is closed with 无法回访 and its reason (第三十四条 calls
/// back by phone or SMS; the complainant left neither) instead of waiting in 待回访; it counts
/// as concluded (and on time) but not as called back, so 回访满意率 is of those reached.
final class AnonymousCallbackTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  /// A complaint registered at the district, dispatched to 人民路街道 and concluded there.
  func concluded(anonymous: Bool) throws -> String {
    let chenjing = try staff("chenjing")
    let id = try store.registerComplaint(
      ComplaintDraft(
        channel: .hotline, type: .complaint, urgency: .ordinary, subject: "路灯不亮",
        content: "人民路东段路灯连续一周不亮", complainant: anonymous ? "" : "钱女士",
        contact: anonymous ? "" : "13909431357", concernedOrg: "RMLJD",
        anonymousReason: anonymous ? "来电人不愿留下姓名和电话" : nil), by: try staff("liuyang"))
    try store.perform(ComplaintCommand.dispatch(org: "RMLJD"), on: id, as: chenjing)
    try store.perform(
      ComplaintCommand.conclude(.resolved, text: "已更换路灯"), on: id, as: try staff("gaofeng"))
    return id
  }

  func awaitingCallback() throws -> [String] {
    try store.complaintQueue(
      .callback, filter: ComplaintFilter(),
      scope: ComplaintQueueScope(
        staff: try staff("chenjing"), today: store.today, calendar: store.calendar)
    ).map(\.caseID)
  }

  func figures() throws -> ComplaintFigures {
    try store.complaintAnalysis(StatisticsPeriod(), by: .org, for: try staff("chenjing")).total
  }

  func testAnAnonymousComplaintIsClosedWithNoCallbackAndItsReason() throws {
    let before = try figures()
    let id = try concluded(anonymous: true)
    XCTAssertTrue(
      try awaitingCallback().contains(id))
    // Only a supervisor records it, as a callback.
    XCTAssertThrowsError(
      try store.perform(
        ComplaintCommand.noCallback(reason: "匿名"), on: id, as: try staff("gaofeng")))
    XCTAssertThrowsError(
      try store.perform(
        ComplaintCommand.noCallback(reason: "  "), on: id, as: try staff("chenjing"))
    ) { XCTAssertTrue("\($0)".contains("无法回访的原因"), "\($0)") }
    let done = try store.perform(
      ComplaintCommand.noCallback(reason: "匿名投诉,未留联系方式"), on: id, as: try staff("chenjing"))
    XCTAssertEqual(done.after.status, .closed)
    XCTAssertEqual(done.after.currentRound.noCallback?.reason, "匿名投诉,未留联系方式")
    XCTAssertNil(done.after.currentRound.callback)
    XCTAssertFalse(
      try awaitingCallback().contains(id))
    // The list row and 查找 say 无法回访, not 已回访 (its status title).
    let row = try XCTUnwrap(
      try store.complaintQueue(
        .all, filter: ComplaintFilter(),
        scope: ComplaintQueueScope(
          staff: try staff("chenjing"), today: store.today, calendar: store.calendar),
        limit: 1000
      ).first { $0.caseID == id })
    XCTAssertTrue(row.notCalledBack)
    XCTAssertEqual(row.status.title(notCalledBack: row.notCalledBack), "无法回访")
    let found = try store.find(
      try FindQuery.parse(id).get(), for: try staff("chenjing")
    ).cases
    XCTAssertEqual(found.first { $0.caseID == id }?.status, "无法回访")
    try store.rebuild()
    XCTAssertEqual(
      try store.db.fetchInt("SELECT no_callback FROM complaint WHERE case_id = ?", [id]), 1)
    let after = try figures()
    XCTAssertEqual(after.concluded, before.concluded + 1)
    XCTAssertEqual(after.onTime, before.onTime + 1)
    XCTAssertEqual(after.calledBack, before.calledBack, "无法回访 is not a callback")
    XCTAssertEqual(after.satisfactionRate, before.satisfactionRate)
    XCTAssertEqual(try store.auditFindings(), [])
  }

  func testANamedComplaintIsCalledBackNotClosedWithoutIt() throws {
    let id = try concluded(anonymous: false)
    XCTAssertThrowsError(
      try store.perform(
        ComplaintCommand.noCallback(reason: "打不通"), on: id, as: try staff("chenjing"))
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "\(id) 为实名投诉,应当回访") }
  }
}
