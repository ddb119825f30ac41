import Domain
import Foundation
import XCTest

@testable import Store

/// 关联案件 added after registration (`L`): found as F7 finds a case within the operator's
/// visibility, shown from both ends, removed from either end with a reason, kept in the
/// timeline; `audit verify` finds the projection equal to the journal's fold.
final class CaseLinkStoreTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  func complaint(of org: String) throws -> String {
    try XCTUnwrap(
      try store.db.fetchOne(
        "SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = ? ORDER BY case_id",
        [org]
      ) { $0.text(0) })
  }

  func application(of org: String) throws -> String {
    try XCTUnwrap(
      try store.db.fetchOne(
        "SELECT case_id FROM application WHERE org = ? ORDER BY case_id", [org]
      ) { $0.text(0) })
  }

  func testALinkAddedLaterShowsFromBothEndsAndIsRemovedFromTheOther() throws {
    let sunli = try staff("sunli")
    let k = try complaint(of: "SCJG")
    let a = try application(of: "SCJG")
    // The whole number without dashes, as F7 takes it.
    let done = try store.performWork(
      .link(to: FindKey.normalised(a).lowercased(), reason: "投诉所涉办件"), on: k,
      of: ComplaintMachine.self, as: sunli)
    XCTAssertEqual(done.after.work.links.map(\.caseID), [a])
    XCTAssertEqual(done.after.work.links.first?.kind, "application")
    XCTAssertEqual(try store.relatedCases(of: .complaint, k, for: sunli).linked.map(\.caseID), [a])
    XCTAssertEqual(
      try store.relatedCases(of: .application, a, for: sunli).linked.map(\.caseID), [k])
    // Linked once: not again, from either end.
    XCTAssertThrowsError(
      try store.performWork(
        .link(to: k, reason: "再关联"), on: a, of: ApplicationMachine.self, as: sunli)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "\(a) 与 \(k) 已经关联") }
    // Removed from the application's view: written on the complaint, which recorded it.
    try store.performWork(
      .unlink(case: k, reason: "关联有误"), on: a, of: ApplicationMachine.self, as: sunli)
    let after = try XCTUnwrap(try store.caseState(ComplaintMachine.self, k))
    XCTAssertEqual(after.work.links.first?.removal?.reason, "关联有误")
    XCTAssertEqual(ComplaintMachine.links(after), [])
    XCTAssertEqual(try store.relatedCases(of: .complaint, k, for: sunli).linked, [])
    XCTAssertEqual(try store.relatedCases(of: .application, a, for: sunli).linked, [])
    XCTAssertEqual(
      try Journal.events(stream: ComplaintMachine.stream(k), db: store.db).suffix(2).map(\.type),
      [.caseLinked, .caseUnlinked])
    XCTAssertEqual(try store.auditFindings(), [])
  }

  func testALinkIsRefusedWithoutAReasonToItselfAndOutsideWhatTheClerkSees() throws {
    let sunli = try staff("sunli")
    let k = try complaint(of: "SCJG")
    XCTAssertThrowsError(
      try store.performWork(
        .link(to: k, reason: "  "), on: k, of: ComplaintMachine.self, as: sunli)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "请填写关联理由") }
    XCTAssertThrowsError(
      try store.performWork(.link(to: k, reason: "自己"), on: k, of: ComplaintMachine.self, as: sunli)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "不能把案件关联到它自己") }
    XCTAssertThrowsError(
      try store.performWork(
        .link(to: "NOSUCH-9", reason: "理由"), on: k, of: ComplaintMachine.self, as: sunli)
    ) { XCTAssertTrue("\($0)".contains("找不到「NOSUCH-9」对应的案件"), "\($0)") }
    // A township clerk does not see another township's complaint: it cannot be named.
    let other = try complaint(of: "WXZ")
    XCTAssertThrowsError(
      try store.performWork(
        .link(to: other, reason: "理由"), on: k, of: ComplaintMachine.self, as: sunli)
    ) { XCTAssertTrue("\($0)".contains("(或无权查看)"), "\($0)") }
    // Nor may a clerk of another organisation link this one.
    XCTAssertThrowsError(
      try store.performWork(
        .link(to: other, reason: "理由"), on: k, of: ComplaintMachine.self,
        as: try staff("zhengtao")))
  }

  func testALinkNamedAtRegistrationIsRemoved() throws {
    let clerk = try staff("liuyang")
    let supervisor = try staff("chenjing")
    let id = try store.registerComplaint(
      ComplaintDraft(
        channel: .hotline, type: .complaint, urgency: .ordinary, subject: "路灯不亮",
        content: "人民路东段路灯连续一周不亮", complainant: "马晓燕", contact: "13993012345",
        concernedOrg: "SCJG", relatedCase: "BYQ-2026-000054"), by: clerk)
    try store.performWork(
      .unlink(case: "BYQ-2026-000054", reason: "登记时填错"), on: id, of: ComplaintMachine.self,
      as: supervisor)
    XCTAssertEqual(try store.relatedCases(of: .complaint, id, for: supervisor).linked, [])
    XCTAssertEqual(
      try store.relatedCases(of: .application, "BYQ-2026-000054", for: supervisor).linked
        .filter { $0.caseID == id }, [])
    XCTAssertEqual(try store.auditFindings(), [])
  }
}
