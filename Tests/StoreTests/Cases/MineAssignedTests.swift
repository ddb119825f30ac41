import Domain
import Foundation
import XCTest

@testable import Store

/// 我的 = assigned to me, on every kind of case (issue 19 item 3): an application or a
/// rectification case claimed (认领) or assigned (指派) is in its assignee's 我的 and nobody
/// else's; an application nobody was assigned stays in its registering clerk's while the intake
/// decision is theirs; a supervisor's rectification 我的 holds what waits for them (待复核,
/// 延期待审批, 待回访). The tab counts are the lists' lengths, and a rebuild keeps both.
final class MineAssignedTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  func mine(_ login: String) throws -> [String] {
    let s = try staff(login)
    let ids = try store.applicationQueue(.mine, for: s).map(\.caseID)
    XCTAssertEqual(try store.applicationQueueCounts(for: s)[.mine], ids.count, login)
    return ids
  }

  func myRectifications(_ login: String) throws -> [String] {
    let s = try staff(login)
    let ids = try store.myRectifications(for: s).map(\.id)
    XCTAssertEqual(try store.myRectificationCount(for: s), ids.count, login)
    return ids
  }

  func testAnApplicationIsInItsAssigneesMineOnly() throws {
    let id = try XCTUnwrap(
      try store.db.fetchOne(
        """
        SELECT case_id FROM application WHERE is_open = 1 AND org = 'SCJG'
          AND status NOT IN ('awaitingPreReview', 'awaitingAcceptance', 'awaitingSupplement')
        ORDER BY case_id
        """
      ) { $0.text(0) })
    XCTAssertFalse(try mine("sunli").contains(id))
    XCTAssertFalse(try mine("zhouqiang").contains(id))
    try store.performWork(.claim, on: id, of: ApplicationMachine.self, as: try staff("sunli"))
    XCTAssertTrue(try mine("sunli").contains(id))
    XCTAssertFalse(try mine("zhouqiang").contains(id))
    try store.performWork(
      .assign(to: "zhouqiang"), on: id, of: ApplicationMachine.self, as: try staff("chenjing"))
    XCTAssertFalse(try mine("sunli").contains(id), "taking a step is not being assigned")
    XCTAssertTrue(try mine("zhouqiang").contains(id))
    // The 督办 board names the assignee too.
    XCTAssertEqual(
      try store.db.fetchOne(
        "SELECT handler FROM deadline WHERE case_id = ? AND purpose = 'main'", [id]
      ) { $0.optionalText(0) }, "zhouqiang")
    try store.rebuild()
    XCTAssertEqual(try mine("zhouqiang").filter { $0 == id }, [id])
    XCTAssertEqual(try store.auditFindings(fast: true), [])
  }

  /// Registered at the desk, not yet accepted: the registering clerk's until someone is
  /// assigned (the intake decision is the desk's, as a complaint awaiting dispatch is).
  func testAnUnassignedRegistrationWaitingForIntakeIsTheRegistrars() throws {
    let waiting = try store.db.fetchAll(
      """
      SELECT case_id FROM application WHERE registered_by = 'liuyang'
        AND status IN ('awaitingAcceptance', 'awaitingSupplement') ORDER BY case_id
      """
    ) { $0.text(0) }
    let id = try XCTUnwrap(waiting.first)
    XCTAssertEqual(Set(try mine("liuyang")), Set(waiting))
    let org = try XCTUnwrap(
      try store.db.fetchOne("SELECT org FROM application WHERE case_id = ?", [id]) {
        $0.text(0)
      })
    let handler = try XCTUnwrap(try store.allStaff().first { $0.org == org && $0.has(.handler) })
    try store.performWork(
      .assign(to: handler.login), on: id, of: ApplicationMachine.self,
      as: try staff("chenjing"))
    XCTAssertFalse(try mine("liuyang").contains(id))
    XCTAssertTrue(try mine(handler.login).contains(id))
  }

  /// 我的 pages in its own order: the pages together are the whole list, each case once.
  func testMinePagesNeitherRepeatNorSkip() throws {
    let zhouqiang = try staff("zhouqiang")
    let chenjing = try staff("chenjing")
    let open = try store.db.fetchAll(
      "SELECT case_id FROM application WHERE is_open = 1 AND org = 'SCJG' ORDER BY case_id"
    ) { $0.text(0) }
    for id in open {
      try store.performWork(
        .assign(to: "zhouqiang"), on: id, of: ApplicationMachine.self, as: chenjing)
    }
    for sort in ApplicationSort.allCases {
      let whole = try store.applicationQueue(.mine, for: zhouqiang, sort: sort).map(\.caseID)
      let paged = try (0..<10).flatMap { i in
        try store.applicationQueue(.mine, for: zhouqiang, sort: sort, offset: i * 2, limit: 2)
      }.map(\.caseID)
      XCTAssertEqual(paged, whole, "\(sort)")
      XCTAssertEqual(Set(whole), Set(open))
    }
  }

  func testARectificationCaseIsInItsAssigneesMineAndASupervisorsWaitsForThem() throws {
    let waiting = try store.db.fetchAll(
      """
      SELECT id FROM rectification
        WHERE phase IN ('awaitingReview', 'awaitingCallback') OR extension_pending = 1
      """
    ) { $0.text(0) }
    XCTAssertFalse(waiting.isEmpty)
    XCTAssertEqual(Set(try myRectifications("chenjing")), Set(waiting))
    let (id, org) = try XCTUnwrap(
      try store.db.fetchOne(
        """
        SELECT id, org FROM rectification
          WHERE phase IN ('verifying', 'rectifying') AND extension_pending = 0 ORDER BY id
        """
      ) { ($0.text(0), $0.text(1)) })
    let handler = try XCTUnwrap(try store.allStaff().first { $0.org == org && $0.has(.handler) })
    XCTAssertFalse(try myRectifications(handler.login).contains(id))
    try store.performWork(.claim, on: id, of: RectificationMachine.self, as: handler)
    XCTAssertEqual(try myRectifications(handler.login), [id])
    XCTAssertEqual(
      try store.db.fetchOne("SELECT handler FROM deadline WHERE case_id = ?", [id]) {
        $0.optionalText(0)
      }, handler.login)
    XCTAssertFalse(try myRectifications("chenjing").contains(id))
    try store.rebuild()
    XCTAssertEqual(try myRectifications(handler.login), [id])
    XCTAssertEqual(Set(try myRectifications("chenjing")), Set(waiting))
  }

  /// A supervisor or a lead who is also a handler takes a case on 指派's key: assigning
  /// themselves is the claim, under the claim's rule (their own organisation only).
  func testASupervisorOrLeadWhoHandlesClaimsThroughAssignment() throws {
    let admin = try staff("tester")
    let ids = try store.db.fetchAll(
      "SELECT case_id FROM application WHERE is_open = 1 AND org = 'SCJG' ORDER BY case_id"
    ) { $0.text(0) }
    XCTAssertGreaterThanOrEqual(ids.count, 2)
    for (id, roles) in zip(ids, [[.handler, .supervisor], [.handler, .lead]] as [Set<Role>]) {
      try store.changeRoles(login: "sunli", to: roles, by: admin)
      let sunli = try staff("sunli")
      let before = try XCTUnwrap(try store.caseState(ApplicationMachine.self, id))
      XCTAssertNil(
        store.workAvailability(
          .claim, on: before, of: ApplicationMachine.self, for: sunli, at: Date()))
      let done = try store.performWork(
        .assign(to: "sunli"), on: id, of: ApplicationMachine.self, as: sunli)
      XCTAssertEqual(done.after.work.assignee, "sunli")
      XCTAssertEqual(done.after.work.assignments.last?.claimed, true)
      XCTAssertTrue(try mine("sunli").contains(id))
      // Taken already: the claim's own refusal.
      XCTAssertThrowsError(
        try store.performWork(.assign(to: "sunli"), on: id, of: ApplicationMachine.self, as: sunli)
      ) { XCTAssertEqual(($0 as? Refusal)?.message, "本件已由你经办") }
      try store.performWork(
        .assign(to: "zhouqiang"), on: id, of: ApplicationMachine.self, as: try staff("chenjing"))
    }
    // A supervisor who handles for another organisation may assign, not claim.
    try store.changeRoles(login: "zhengtao", to: [.handler, .supervisor], by: admin)
    XCTAssertThrowsError(
      try store.performWork(
        .assign(to: "zhengtao"), on: ids[0], of: ApplicationMachine.self, as: try staff("zhengtao"))
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "只有区市场监督管理局的工作人员可以认领案件") }
    XCTAssertEqual(try store.auditFindings(), [])
  }
}
