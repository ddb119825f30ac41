import Foundation
import XCTest

@testable import Domain
@testable import Store

/// 备注、认领、指派、转办 on every kind of case through the one `performWork`: each is an event
/// of the case's stream, folded by its machine, refused for anyone outside the organisation
/// working the case, and named by `audit verify` when the journal holds one written anyway.
final class CaseWorkStoreTests: XCTestCase {
  func staff(_ store: Store, _ login: String) throws -> Staff {
    try XCTUnwrap(try store.staff(login: login))
  }

  func openCase(_ store: Store, _ sql: String) throws -> String {
    try XCTUnwrap(try store.db.fetchOne(sql) { $0.text(0) })
  }

  func testANoteOnEveryKindOfCaseIsKeptInItsState() throws {
    let (store, _) = try makeDemo()
    let sunli = try staff(store, "sunli")
    let complaint = try openCase(
      store, "SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = 'SCJG'")
    let application = try openCase(
      store, "SELECT case_id FROM application WHERE is_open = 1 AND org = 'SCJG'")
    try store.performWork(
      .note(.phone, text: "  电话联系投诉人,约定周三现场核查 "), on: complaint, of: ComplaintMachine.self,
      as: sunli)
    try store.performWork(
      .note(.note, text: "材料原件已核验"), on: application, of: ApplicationMachine.self, as: sunli)
    let c = try XCTUnwrap(try store.caseState(ComplaintMachine.self, complaint))
    XCTAssertEqual(c.work.notes.map(\.text), ["电话联系投诉人,约定周三现场核查"])
    XCTAssertEqual(c.work.notes.first?.kind, .phone)
    XCTAssertEqual(c.work.notes.first?.by, "sunli")
    let a = try XCTUnwrap(try store.caseState(ApplicationMachine.self, application))
    XCTAssertEqual(a.work.notes.map(\.kind), [.note])
    XCTAssertEqual(try store.auditFindings(), [])
  }

  func testAnEmptyNoteAndANoteByAnotherOrganisationAreRefused() throws {
    let (store, _) = try makeDemo()
    let complaint = try openCase(
      store, "SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = 'SCJG'")
    XCTAssertThrowsError(
      try store.performWork(
        .note(.other, text: "  \n "), on: complaint, of: ComplaintMachine.self,
        as: try staff(store, "sunli"))
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "请填写进展内容") }
    XCTAssertThrowsError(
      try store.performWork(
        .note(.note, text: "看看"), on: complaint, of: ComplaintMachine.self,
        as: try staff(store, "wuxia"))
    ) { XCTAssertTrue(($0 as? Refusal)?.message.hasPrefix("只有区市场监督管理局的工作人员") == true, "\($0)") }
  }

  func testAssignmentStaysInsideTheOrganisationAndMakesTheCaseTheirs() throws {
    let (store, _) = try makeDemo()
    let chenjing = try staff(store, "chenjing")
    let complaint = try openCase(
      store, "SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = 'SCJG'")
    XCTAssertThrowsError(
      try store.performWork(
        .assign(to: "wuxia"), on: complaint, of: ComplaintMachine.self, as: chenjing)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "吴霞不是区市场监督管理局的工作人员;只能指派给承办单位内的人员") }
    // A handler may not assign; a supervisor may.
    XCTAssertThrowsError(
      try store.performWork(
        .assign(to: "zhouqiang"), on: complaint, of: ComplaintMachine.self,
        as: try staff(store, "sunli")))
    let done = try store.performWork(
      .assign(to: "zhouqiang"), on: complaint, of: ComplaintMachine.self, as: chenjing)
    XCTAssertEqual(done.after.handler, "zhouqiang")
    XCTAssertEqual(
      try store.db.fetchOne("SELECT handler FROM complaint WHERE case_id = ?", [complaint]) {
        $0.text(0)
      }, "zhouqiang")
    // Assigned, it is no longer for someone else to claim.
    XCTAssertThrowsError(
      try store.performWork(
        .claim, on: complaint, of: ComplaintMachine.self, as: try staff(store, "sunli"))
    ) { XCTAssertTrue(($0 as? Refusal)?.message.hasPrefix("本件已由 zhouqiang 经办") == true, "\($0)") }
    XCTAssertEqual(try store.auditFindings(), [])
  }

  func testAClaimedApplicationIsAmongTheClaimersCases() throws {
    let (store, _) = try makeDemo()
    let application = try openCase(
      store,
      """
      SELECT case_id FROM application WHERE is_open = 1 AND org = 'SCJG'
        AND case_id NOT IN (SELECT case_id FROM application_actor WHERE login = 'sunli')
      """)
    try store.performWork(
      .claim, on: application, of: ApplicationMachine.self, as: try staff(store, "sunli"))
    XCTAssertEqual(
      try store.db.fetchInt(
        "SELECT count(*) FROM application_actor WHERE case_id = ? AND login = 'sunli'",
        [application]), 1)
  }

  func testARedirectionMovesTheComplaintAndKeepsItsDeadline() throws {
    let (store, _) = try makeDemo()
    let complaint = try openCase(
      store, "SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = 'SCJG'")
    let before = try XCTUnwrap(try store.caseState(ComplaintMachine.self, complaint))
    XCTAssertThrowsError(
      try store.performWork(
        .redirect(org: "RSJ", reason: " "), on: complaint, of: ComplaintMachine.self,
        as: try staff(store, "chenjing"))
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "请填写转办理由") }
    let done = try store.performWork(
      .redirect(org: "RSJ", reason: "涉及劳动保障,属人社局职责"), on: complaint, of: ComplaintMachine.self,
      as: try staff(store, "chenjing"))
    XCTAssertEqual(done.after.handlingOrg, "RSJ")
    XCTAssertEqual(done.after.due, before.due)
    XCTAssertNil(done.after.handler)
    XCTAssertEqual(done.after.work.redirections.first?.from, "SCJG")
    XCTAssertEqual(
      try store.db.fetchOne("SELECT handling_org FROM complaint WHERE case_id = ?", [complaint]) {
        $0.text(0)
      }, "RSJ")
    XCTAssertEqual(try store.auditFindings(), [])
  }

  func testAnUrgencyCorrectionRecomputesTheDeadlineAndKeepsTheOldValue() throws {
    let (store, _) = try makeDemo()
    let complaint = try openCase(
      store,
      """
      SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = 'WXZ'
        AND urgency = 'ordinary'
      """)
    let before = try XCTUnwrap(try store.caseState(ComplaintMachine.self, complaint))
    XCTAssertEqual(before.rounds.count, 1)
    let limit = try store.ruleTable().limit(for: .urgent)
    let done = try store.performWork(
      .correct(field: "urgency", value: "urgent", reason: "来电人补充:路面塌陷有安全隐患"),
      on: complaint, of: ComplaintMachine.self, as: try staff(store, "zhengtao"))
    let round = try XCTUnwrap(done.after.rounds.first)
    XCTAssertEqual(done.after.registration.urgency, .urgent)
    XCTAssertEqual(round.limitDays, limit)
    XCTAssertEqual(
      round.due,
      store.foldContext.calendar.deadline(receivedAt: round.startedOn, workingDays: limit))
    XCTAssertEqual(done.after.work.corrections.first?.old, "ordinary")
    XCTAssertEqual(
      try store.db.fetchOne("SELECT due_date FROM complaint WHERE case_id = ?", [complaint]) {
        $0.text(0)
      }, round.due.iso)
    XCTAssertThrowsError(
      try store.performWork(
        .correct(field: "urgency", value: "urgent", reason: "再次"), on: complaint,
        of: ComplaintMachine.self, as: try staff(store, "zhengtao"))
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "紧急程度与原登记相同,无需更正") }
    XCTAssertEqual(try store.auditFindings(), [])
  }

  func testACorrectedIdNumberIsCheckedAgainAndAReasonIsRequired() throws {
    let (store, _) = try makeDemo()
    let application = try openCase(
      store,
      "SELECT case_id FROM application WHERE is_open = 1 AND org = 'SCJG' AND applicant_kind = 'person'"
    )
    let sunli = try staff(store, "sunli")
    XCTAssertThrowsError(
      try store.performWork(
        .correct(field: "idNumber", value: "110105194912310021", reason: "登记时录错"),
        on: application, of: ApplicationMachine.self, as: sunli)
    ) { XCTAssertTrue(($0 as? Refusal)?.message.contains("校验") == true, "\($0)") }
    XCTAssertThrowsError(
      try store.performWork(
        .correct(field: "idNumber", value: "11010519491231002x", reason: " "),
        on: application, of: ApplicationMachine.self, as: sunli)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "请填写更正理由") }
    let old = try XCTUnwrap(try store.caseState(ApplicationMachine.self, application)).applicant
    let done = try store.performWork(
      .correct(field: "idNumber", value: "11010519491231002x", reason: "登记时录错"),
      on: application, of: ApplicationMachine.self, as: sunli)
    XCTAssertEqual(done.after.applicant.idNumber, "11010519491231002X")
    XCTAssertEqual(done.after.work.corrections.first?.old, old.idNumber)
    XCTAssertEqual(
      try store.db.fetchOne("SELECT applicant_id FROM application WHERE case_id = ?", [application])
      {
        $0.text(0)
      }, "11010519491231002X")
  }

  /// A claim written in the journal by a handler of another organisation: audit verify judges it
  /// by the shared availability on the case as the events before it left it.
  func testAClaimByAnotherOrganisationsHandlerIsNamedByAudit() throws {
    let (store, _) = try makeDemo()
    let complaint = try openCase(
      store,
      "SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = 'SCJG'")
    try store.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: "complaint/\(complaint)", type: .caseAssigned,
            payload: #"{"assignee":"wuxia"}"#)
        ], origin: store.node.origin, node: "BYQ", actor: "wuxia",
        timestamp: Int64(Date().timeIntervalSince1970 * 1000), db: store.db)
    }
    let messages = try store.auditFindings().map(\.message)
    XCTAssertTrue(
      messages.contains {
        $0.hasPrefix("complaint/\(complaint) 的事件") && $0.contains("只有区市场监督管理局的工作人员可以认领案件")
      }, "\(messages)")
  }
}

/// 我的 follows assignment: a case assigned to a colleague leaves a handler's 我的; every case
/// waiting for dispatch is in a supervisor's, whoever registered it.
final class CaseWorkQueueTests: XCTestCase {
  func testMineFollowsAssignmentAndASupervisorsIncludesEveryCaseAwaitingDispatch() throws {
    let (store, _) = try makeDemo()
    func mine(_ login: String) throws -> [ComplaintRow] {
      let staff = try XCTUnwrap(try store.staff(login: login))
      return try store.complaintQueue(
        .mine, filter: ComplaintFilter(),
        scope: ComplaintQueueScope(
          staff: staff, today: try XCTUnwrap(CivilDate(iso: "2026-11-26")),
          calendar: store.foldContext.calendar))
    }
    let waiting = try store.db.fetchAll(
      "SELECT case_id FROM complaint WHERE status = 'awaitingDispatch'"
    ) { $0.text(0) }
    XCTAssertFalse(waiting.isEmpty)
    let zhangmin = try mine("zhangmin")
    for id in waiting { XCTAssertTrue(zhangmin.contains { $0.caseID == id }, id) }
    let complaint = try XCTUnwrap(
      try store.db.fetchOne(
        "SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = 'SCJG' AND handler IS NULL"
      ) { $0.text(0) })
    XCTAssertTrue(try mine("sunli").contains { $0.caseID == complaint })
    try store.performWork(
      .assign(to: "zhouqiang"), on: complaint, of: ComplaintMachine.self,
      as: try XCTUnwrap(try store.staff(login: "chenjing")))
    XCTAssertFalse(try mine("sunli").contains { $0.caseID == complaint })
    XCTAssertTrue(try mine("zhouqiang").contains { $0.caseID == complaint })
  }
}
