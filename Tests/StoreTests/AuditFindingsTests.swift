import Foundation
import XCTest

@testable import Domain
@testable import Store

/// `audit verify` checks what it certifies: a sound demo has no finding; an event written in
/// the name of someone who was not staff, an edited projection and a dropped guard are named.
final class AuditFindingsTests: XCTestCase {
  func testASoundDatabaseHasNoFinding() throws {
    let (store, _) = try makeDemo()
    XCTAssertEqual(try store.auditFindings(), [])
  }

  func testACaseEventBySomeoneWhoWasNotStaffIsNamed() throws {
    let (store, _) = try makeDemo()
    try store.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [EventDraft(stream: "complaint/BYQ-2026-999999", type: "complaint.noted", payload: "{}")],
        origin: store.node.origin, node: "BYQ", actor: "mallory", timestamp: 1, db: store.db)
    }
    let seq = try lastSeq(store)
    let messages = try store.auditFindings().map(\.message)
    XCTAssertTrue(
      messages.contains(
        "complaint/BYQ-2026-999999 的事件(BYQ.1 第 \(seq) 号)无权写入: 操作人 mallory 在事件发生时不是本区的工作人员"
      ), "\(messages)")
  }

  func testAnEditedStaffRowAndADroppedTriggerAreNamed() throws {
    let (store, _) = try makeDemo()
    try store.db.execute(
      """
      UPDATE staff SET roles = 'admin,counter' WHERE login = 'liuyang';
      DROP TRIGGER journal_no_update;
      """)
    let findings = try store.auditFindings()
    XCTAssertTrue(
      findings.contains(
        AuditFinding(
          "staff 表与事件日志不一致: liuyang 的 roles 为「admin,counter」,按事件日志应为「counter」",
          fix: "zwfw rebuild")), "\(findings)")
    XCTAssertTrue(findings.contains { $0.message == "触发器 journal_no_update 缺失(已被删除)" })
    XCTAssertEqual(
      try store.db.fetchOne("SELECT roles FROM staff WHERE login = 'liuyang'") { $0.text(0) },
      "admin,counter", "the audit's own rebuild is rolled back")
  }

  /// A clerk's journal entry that makes them admin (a `staff.rolesChanged` written with the
  /// `sqlite3` shell, folded into the projection by a rebuild) is named, as is a catalog change
  /// by someone without the catalog role; the demo's own shared data is sound.
  func testSharedDataWrittenBySomeoneWithoutTheRoleIsNamed() throws {
    let (store, _) = try makeDemo()
    try store.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: "staff/liuyang", type: .staffRolesChanged,
            payload: #"{"roles":["admin","counter"]}"#),
          EventDraft(
            stream: "catalogchange/BYQBG-2026-999999", type: .catalogChangeApproved,
            payload: "{}"),
        ], origin: store.node.origin, node: "BYQ", actor: "liuyang",
        timestamp: Int64(Date().timeIntervalSince1970 * 1000), db: store.db)
    }
    let seq = try lastSeq(store)
    let messages = try store.auditFindings().map(\.message)
    XCTAssertTrue(
      messages.contains(
        "staff/liuyang 的事件(BYQ.1 第 \(seq - 1) 号)无权写入: 刘洋没有系统管理角色,不能管理工作人员"),
      "\(messages)")
    XCTAssertTrue(
      messages.contains {
        $0.hasPrefix("catalogchange/BYQBG-2026-999999 的事件(BYQ.1 第 \(seq) 号)无权写入: 刘洋没有")
      },
      "\(messages)")
  }

  /// A conclusion written in the journal by a handler of another organisation than the one
  /// handling the complaint: every handler may conclude, but not this case — judged on the case
  /// as the events before it left it, as an import judges a township's step.
  func testAComplaintStepByAnotherOrganisationsHandlerIsNamed() throws {
    let (store, _) = try makeDemo()
    let id = try XCTUnwrap(
      try store.db.fetchOne(
        "SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = 'SCJG'"
      ) { $0.text(0) })
    try store.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: "complaint/\(id)", type: "complaint.concluded",
            payload: #"{"kind":"resolved","text":"已处理"}"#)
        ], origin: store.node.origin, node: "BYQ", actor: "wuxia",
        timestamp: Int64(Date().timeIntervalSince1970 * 1000), db: store.db)
    }
    let seq = try lastSeq(store)
    let messages = try store.auditFindings().map(\.message)
    XCTAssertTrue(
      messages.contains {
        $0.hasPrefix("complaint/\(id) 的事件(BYQ.1 第 \(seq) 号)无权写入: 只有区市场监督管理局的工作人员")
      }, "\(messages)")
  }

  private func lastSeq(_ store: Store) throws -> Int {
    try store.db.fetchInt("SELECT max(seq) FROM journal WHERE origin = 'BYQ.1'")
  }
}

extension AuditFindingsTests {
  /// A step recorded in the name of staff who could not have taken it here (a counter clerk
  /// deciding) is named, as `Permission.check` words it.
  func testAStepWhoseActorLackedTheActionIsNamed() throws {
    let (store, _) = try makeDemo()
    let caseID = try XCTUnwrap(
      try store.db.fetchOne("SELECT case_id FROM application ORDER BY case_id LIMIT 1") {
        $0.text(0)
      })
    // After everything else, when 刘洋 was long on the staff (as a counter clerk only).
    let ms = Int64(try store.db.fetchInt("SELECT max(ts) FROM journal") + 1)
    try store.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: ApplicationMachine.stream(caseID), type: .applicationDecided,
            body: DecisionPayload(decision: .approved, reason: "越权"))
        ], origin: store.node.origin, node: "BYQ", actor: "liuyang", timestamp: ms, db: store.db)
    }
    let seq = try store.db.fetchInt("SELECT max(seq) FROM journal WHERE origin = 'BYQ.1'")
    let messages = try store.auditFindings().map(\.message)
    XCTAssertTrue(
      messages.contains {
        $0.hasPrefix("application/\(caseID) 的事件(BYQ.1 第 \(seq) 号)无权写入: 刘洋没有")
      }, "\(messages)")
  }
}
