import Domain
import Foundation
import Store
import XCTest

/// A rectification awaiting verification runs to the end of the next working day: the deadline
/// index calls that 核实 (`verification`), not 办结 (`main`), so the 督办 list labels it truly.
final class RectificationDeadlineTests: XCTestCase {
  func testAVerificationDeadlineIsNotCalledTheConclusionDeadline() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rows = try store.db.fetchAll(
      "SELECT purpose, state FROM deadline WHERE kind = 'rectification' ORDER BY case_id"
    ) { [$0.text(0), $0.text(1)] }
    let verifying = rows.filter { $0[1] == "待核实" }
    XCTAssertFalse(verifying.isEmpty, "the demo has cases awaiting verification: \(rows)")
    XCTAssertTrue(verifying.allSatisfy { $0[0] == "verification" }, "\(rows)")
    XCTAssertTrue(rows.filter { $0[1] != "待核实" }.allSatisfy { $0[0] == "main" }, "\(rows)")
  }

  /// A database projected before (every rectification deadline `main`) is folded again when
  /// opened by this build.
  func testAnOlderDatabaseIsRefoldedOnOpen() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    try store.db.execute(schemaV30Undone + schemaV24Undone)
    try store.db.execute(
      """
      UPDATE deadline SET purpose = 'main' WHERE kind = 'rectification';
      DROP TABLE application_platform; DROP INDEX application_awaiting_prereview;
      DROP TABLE case_find;
      PRAGMA user_version = 10;
      """ + schemaV26Undone)
    let path = store.db.path
    let when = beijing("2026-11-26T09:30")
    let reopened = try Store.open(path: path, clock: { when })
    XCTAssertGreaterThan(
      try reopened.db.fetchInt(
        "SELECT count(*) FROM deadline WHERE kind = 'rectification' AND purpose = 'verification'"),
      0)
  }
}
