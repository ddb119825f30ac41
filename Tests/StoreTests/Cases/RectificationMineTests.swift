import Domain
import Foundation
import XCTest

@testable import Store

/// A supervisor's 差评整改 我的 is what waits for them: every case on which `availability` opens a
/// supervisor's step to them (复核, 审批延期, 回访), and what is assigned to them. A handler's
/// application for an extension waited unseen: 我的 listed 待复核 and 待回访 only, while the
/// complaint 我的 shows a supervisor the extensions they decide.
final class RectificationMineTests: XCTestCase {
  var store: Store!
  let now = beijing("2026-11-26T09:30")

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
    let admin = try staff("tester")
    // The serving department's own supervisor, and a township's: neither decides the demo's
    // pending extension (吴霞 of 人社局 applied), for different reasons.
    for (login, org) in [("rsjdb", "RSJ"), ("wxzdb", "WXZ")] {
      try store.addStaff(
        Staff(login: login, name: "督办\(org)", org: org, roles: [.supervisor]), by: admin)
    }
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  /// The list (each case once) and its count, which must agree.
  func mine(_ login: String) throws -> [String] {
    let s = try staff(login)
    let ids = try store.myRectifications(for: s).map(\.id)
    XCTAssertEqual(Set(ids).count, ids.count, "\(login): a case listed twice")
    XCTAssertEqual(try store.myRectificationCount(for: s), ids.count, login)
    return ids
  }

  /// What `availability` says waits for `login`: the rule lives in Domain, the list follows it.
  func waiting(_ login: String) throws -> Set<String> {
    let s = try staff(login)
    let open = try store.db.fetchAll("SELECT id FROM rectification WHERE phase <> 'closed'") {
      $0.text(0)
    }
    let steps: [RectificationStep] = [.review, .decideExtension, .callBack]
    return Set(
      try open.filter { id in
        let state = try XCTUnwrap(try store.rectification(id))
        return state.work.assignee == s.login
          || steps.contains { store.availability($0, on: state, for: s, at: now) == nil }
      })
  }

  /// The demo's one pending application (人社局's, by 吴霞), found by its state's words.
  func pendingExtension() throws -> String {
    let ids = try store.db.fetchAll(
      "SELECT id FROM rectification WHERE state = ?", ["整改中(情况复杂,延期待审批)"]
    ) { $0.text(0) }
    XCTAssertEqual(ids.count, 1)
    return try XCTUnwrap(ids.first)
  }

  func testASupervisorsMineIsWhatAvailabilityOpensToThem() throws {
    let pending = try pendingExtension()
    XCTAssertTrue(try mine("chenjing").contains(pending), "the centre decides the extension")
    XCTAssertFalse(try mine("rsjdb").contains(pending), "not their own organisation's")
    XCTAssertFalse(try mine("wxzdb").contains(pending), "a township does not decide")
    for login in ["chenjing", "zhangmin", "rsjdb", "wxzdb", "wuxia", "zhouqiang"] {
      XCTAssertEqual(Set(try mine(login)), try waiting(login), login)
    }
    // Decided, it leaves 我的; the list and the count follow in the same transaction.
    try store.perform(
      RectificationCommand.decideExtension(approved: true, opinion: "同意延期"), on: pending,
      as: try staff("chenjing"))
    XCTAssertFalse(try mine("chenjing").contains(pending))
    XCTAssertEqual(Set(try mine("chenjing")), try waiting("chenjing"))
  }

  /// A supervisor who also handles sees a pending extension they are assigned to once, and
  /// a rebuild keeps the column the list reads.
  func testAnAssignedSupervisorSeesAPendingExtensionOnceAndARebuildKeepsIt() throws {
    let pending = try pendingExtension()
    let admin = try staff("tester")
    try store.changeRoles(login: "rsjdb", to: [.supervisor, .handler], by: admin)
    try store.performWork(
      .claim, on: pending, of: RectificationMachine.self, as: try staff("rsjdb"))
    XCTAssertEqual(try mine("rsjdb").filter { $0 == pending }, [pending])
    XCTAssertEqual(try mine("chenjing").filter { $0 == pending }, [pending])
    try store.rebuild()
    XCTAssertEqual(Set(try mine("chenjing")), try waiting("chenjing"))
    XCTAssertTrue(try mine("chenjing").contains(pending))
    XCTAssertEqual(try store.auditFindings(fast: true), [])
  }

  /// A database from before v30 gains the column in the migration, set from the rows (no
  /// re-fold): its pending extension is in the centre's 我的 at once, and `audit verify` agrees.
  func testTheMigrationMarksThePendingExtensionsOfAnExistingDatabase() throws {
    let pending = try pendingExtension()
    let path = store.db.path
    try store.db.execute(schemaV30Undone + "PRAGMA user_version = 29")
    store = try Store.open(path: path, clock: { beijing("2026-11-26T09:30") })
    XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
    XCTAssertEqual(
      try store.db.fetchAll("SELECT id FROM rectification WHERE extension_pending = 1") {
        $0.text(0)
      }, [pending])
    XCTAssertTrue(try mine("chenjing").contains(pending))
    XCTAssertEqual(try store.auditFindings(fast: true), [])
  }
}
