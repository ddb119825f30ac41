import Domain
import Foundation
import Store
import XCTest

/// The one entry point for a step on a case of any kind: the case re-read in the transaction,
/// the machine's availability and decision, the events appended, a refusal rolled back and
/// logged.
final class PerformTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
    store.clock = { beijing("2026-11-26T09:30") }
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  func draft() -> ComplaintDraft {
    ComplaintDraft(
      channel: .hotline, type: .complaint, urgency: .urgent, subject: "村口垃圾堆积发臭",
      content: "村口垃圾已一周未清运。", complainant: "李某", contact: "13912340000", concernedOrg: "WXZ")
  }

  func testAStepReturnsTheCaseBeforeAndAfterAndAppendsItsEvent() throws {
    let chenjing = try staff("chenjing")
    let id = try store.registerComplaint(draft(), by: chenjing)
    let before = try store.eventCount()
    let done = try store.perform(ComplaintCommand.dispatch(org: "WXZ"), on: id, as: chenjing)
    XCTAssertEqual(done.before.status, .awaitingDispatch)
    XCTAssertEqual(done.after.status, .handling)
    XCTAssertEqual(done.after.handlingOrgName, "王岘镇")
    XCTAssertEqual(try store.eventCount(), before + 1)
    XCTAssertEqual(try store.caseState(ComplaintMachine.self, id), done.after)
  }

  func testARefusedStepWritesNothingAndIsLoggedWithTheStepsAction() throws {
    let chenjing = try staff("chenjing")
    let id = try store.registerComplaint(draft(), by: chenjing)
    let before = try store.eventCount()
    // Availability refuses before any decision: a supervisor does not conclude.
    XCTAssertThrowsError(
      try store.perform(ComplaintCommand.conclude(.resolved, text: "已清运"), on: id, as: chenjing)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "陈静没有经办角色,不能办结投诉建议") }
    // The decision refuses what was entered: an organisation that does not exist.
    XCTAssertThrowsError(
      try store.perform(ComplaintCommand.dispatch(org: "NOPE"), on: id, as: chenjing)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "单位「NOPE」不存在") }
    XCTAssertEqual(try store.eventCount(), before)
    let logged = try store.refusals(limit: 2)
    XCTAssertEqual(logged.map(\.action), ["分派投诉建议", "办结投诉建议"])
    XCTAssertEqual(
      try store.availability(
        ComplaintStep.conclude, on: try XCTUnwrap(try store.caseState(ComplaintMachine.self, id)),
        for: chenjing,
        at: beijing("2026-11-26T09:30"))?.message, "陈静没有经办角色,不能办结投诉建议")
  }

  func testAnUnknownCaseOfEachKindIsRefusedInItsOwnWords() throws {
    let chenjing = try staff("chenjing")
    XCTAssertThrowsError(
      try store.perform(ComplaintCommand.split, on: "BYQ-2026-999999", as: chenjing)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "投诉建议 BYQ-2026-999999 不存在") }
    XCTAssertThrowsError(
      try store.perform(
        RectificationCommand.feedback(measures: "x"), on: "BYQ-2026-999999",
        as: chenjing)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "整改案件 BYQ-2026-999999 不存在") }
    XCTAssertThrowsError(
      try store.perform(ApplicationCommand.accept, on: "BYQ-2026-999999", as: chenjing)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "办件BYQ-2026-999999不存在") }
    XCTAssertThrowsError(
      try store.perform(CatalogChangeCommand.submit, on: "BYQ-2026-999999", as: chenjing)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "变更申请 BYQ-2026-999999 不存在") }
  }
}
