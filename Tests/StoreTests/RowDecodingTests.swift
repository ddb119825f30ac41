import Domain
import Foundation
import XCTest

@testable import Store

/// Rows are read by column name; a row that cannot be read is an error naming its table, its
/// key and the column, never a row dropped from a queue.
final class RowDecodingTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  /// Corrupts a projected row behind the journal's back, as only a test (or a damaged file) can.
  func corrupt(_ sql: String, _ args: [any SQLBindable]) throws {
    try store.db.run(sql, args)
    XCTAssertEqual(store.db.changes, 1)
  }

  func assertUnreadable(
    _ table: String, _ key: String, _ column: String, _ body: () throws -> some Any,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
      guard case .unreadableRow(let t, let k, let c, _) = error as? StoreError else {
        return XCTFail("\(error)", file: file, line: line)
      }
      XCTAssertEqual([t, k, c], [table, key, column], file: file, line: line)
      let message = (error as? StoreError)?.userMessage ?? ""
      XCTAssertTrue(message.contains(key) && message.contains("zwfw rebuild"), message)
    }
  }

  func testACorruptRectificationFailsItsQueueNamingTheCase() throws {
    let rows = try store.rectifications(phase: nil, for: districtSupervisor)
    let victim = try XCTUnwrap(rows.first?.id)
    try corrupt("UPDATE rectification SET opened_on = '2026-13-45' WHERE id = ?", [victim])
    assertUnreadable("rectification", victim, "opened_on") {
      try store.rectifications(phase: nil, for: districtSupervisor)
    }
  }

  func testACorruptComplaintFailsItsQueueNamingTheCase() throws {
    let scope = ComplaintQueueScope(
      staff: districtSupervisor, today: store.today, calendar: store.calendar)
    let all = try store.complaintQueue(.all, filter: ComplaintFilter(), scope: scope)
    let victim = try XCTUnwrap(all.first { $0.due != nil }?.caseID)
    try corrupt("UPDATE complaint SET due_date = 'soon' WHERE case_id = ?", [victim])
    assertUnreadable("complaint", victim, "due_date") {
      try store.complaintQueue(.all, filter: ComplaintFilter(), scope: scope)
    }
  }

  func testNullWhereAValueBelongsIsAnError() throws {
    let victim = try XCTUnwrap(try store.deadlines(org: "SCJG", for: districtSupervisor).first)
    assertUnreadable("deadline", victim.stream, "due_date") {
      try store.db.fetchAll(
        DeadlineRow.self,
        """
        SELECT stream, purpose, kind, case_id, org, handler, title, state, NULL AS due_date, paused
        FROM deadline WHERE stream = ? AND purpose = ?
        """, [victim.stream, victim.purpose])
    }
  }

  func testColumnsAreReadByNameWhateverTheirOrder() throws {
    let row = try XCTUnwrap(
      try store.db.fetchOne(
        DeadlineRow.self,
        """
        SELECT paused, due_date, state, title, handler, org, case_id, kind, purpose, stream
        FROM deadline ORDER BY stream, purpose LIMIT 1
        """))
    let again = try XCTUnwrap(
      try store.db.fetchOne(
        DeadlineRow.self,
        """
        SELECT stream, purpose, kind, case_id, org, handler, title, state, due_date, paused
        FROM deadline ORDER BY stream, purpose LIMIT 1
        """))
    XCTAssertEqual(row, again)
    XCTAssertThrowsError(
      try store.db.fetchOne(DeadlineRow.self, "SELECT stream, purpose FROM deadline LIMIT 1"))
  }

  /// 查找 reads each case found by name: a corrupt one is an error naming it, not a case missing
  /// from what was found (nor, for an unknown confidentiality, a case shown as not confidential).
  func testACorruptCaseFailsTheSearchThatFindsIt() throws {
    let staff = try XCTUnwrap(try store.staff(login: "chenjing"))
    let query = try FindQuery.parse("BYQ-2026-000074").get()
    XCTAssertEqual(try store.find(query, for: staff).cases.map(\.caseID), ["BYQ-2026-000074"])
    // What a CHECK keeps out, a damaged file can still hold.
    try store.db.execute("PRAGMA ignore_check_constraints = ON")
    try corrupt(
      "UPDATE complaint SET confidentiality = 'x' WHERE case_id = ?", ["BYQ-2026-000074"])
    assertUnreadable("complaint", "BYQ-2026-000074", "confidentiality") {
      try store.find(query, for: staff)
    }
  }

  /// What a peer holds, per origin: a mark whose number is not one is an error naming the
  /// origin, never a mark at 0 (the peer would be sent its whole chain again).
  func testAChainMarkThatIsNotANumberIsAnError() throws {
    try store.db.run(
      "INSERT INTO sync_peer_mark (peer, origin, seq, hash) VALUES ('WXZ', 'WXZ-1', 'x', '')")
    assertUnreadable("sync_peer_mark", "WXZ-1", "seq") {
      try SyncBookkeeping(db: store.db).marks(of: "WXZ")
    }
  }
}

/// Only the hot statements stay prepared: a query whose text varies with the clerk's search
/// leaves nothing behind in the connection's cache.
final class StatementCacheTests: XCTestCase {
  func testQueriesPrepareAndFinalizeHotStatementsStay() throws {
    let (store, _) = try makeDemo()
    let scope = ComplaintQueueScope(
      staff: districtSupervisor, today: store.today, calendar: store.calendar)
    let before = store.db.cachedStatementCount
    for word in ["砂石厂", "医保", "8点半取号", "不存在的词"] {
      _ = try store.complaintQueue(.all, filter: ComplaintFilter(search: word), scope: scope)
      _ = try store.complaintCounts(filter: ComplaintFilter(search: word), scope: scope)
    }
    _ = try store.rectifications(phase: .awaitingCallback, for: districtSupervisor)
    XCTAssertEqual(store.db.cachedStatementCount, before, "queries are not cached")
    XCTAssertEqual(store.db.busyStatementCount, 0)
    let staff = try XCTUnwrap(try store.staff(login: "zhouqiang"))
    let id = try XCTUnwrap(
      try store.complaintQueue(.all, filter: ComplaintFilter(), scope: scope)
        .first { $0.confidentiality == .commercialSecret }?.caseID)
    try store.perform(ComplaintCommand.viewContent, on: id, as: staff)
    let afterStep = store.db.cachedStatementCount
    XCTAssertGreaterThan(afterStep, before, "a step's journal and projection writes are cached")
    try store.perform(ComplaintCommand.viewContent, on: id, as: staff)
    XCTAssertEqual(store.db.cachedStatementCount, afterStep, "and reused")
  }
}
