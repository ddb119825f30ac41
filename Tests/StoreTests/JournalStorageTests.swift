import Domain
import Foundation
import XCTest

@testable import Store

/// Schema v28: the journal is a rowid table, so a case's timeline costs one short lookup per
/// event however many events the journal holds (issue 26), and a database made before it has
/// its events copied over whole.
final class JournalStorageTests: XCTestCase {
  /// Whether `journal` is a `WITHOUT ROWID` table (`PRAGMA table_list`'s `wr`).
  func withoutRowid(_ store: Store) throws -> Bool {
    try store.db.fetchInt("SELECT wr FROM pragma_table_list WHERE name = 'journal'") == 1
  }

  func everyEvent(_ store: Store) throws -> [String] {
    try store.db.fetchAll("SELECT \(Journal.columns) FROM journal ORDER BY origin, seq") {
      $0.dumpTexts.joined(separator: "\t")
    }
  }

  func assertAppendOnly(_ store: Store, file: StaticString = #filePath, line: UInt = #line) {
    for sql in ["UPDATE journal SET actor = 'x'", "DELETE FROM journal"] {
      XCTAssertThrowsError(try store.db.execute(sql), sql, file: file, line: line) {
        XCTAssertTrue("\($0)".contains("append-only"), "\($0)", file: file, line: line)
      }
    }
  }

  func testTheJournalIsARowidTableKeyedByOriginAndSeq() throws {
    let (store, _) = try makeDemo()
    XCTAssertFalse(try withoutRowid(store))
    // The primary key still refuses a second event at the same place in a chain.
    XCTAssertThrowsError(
      try store.db.execute(
        "INSERT INTO journal SELECT \(Journal.columns) FROM journal ORDER BY origin, seq LIMIT 1"))
    assertAppendOnly(store)
  }

  /// A database whose journal is the `WITHOUT ROWID` table of v1 to v27 opens with the same
  /// events, in a rowid table, its chains whole and every projection as before.
  func testAnOlderJournalIsCopiedWholeOnOpen() throws {
    let (store, _) = try makeDemo()
    let events = try everyEvent(store)
    let projections = try store.projectionDump()
    XCTAssertGreaterThan(events.count, 10)
    // v28's own copy, into the table shape it replaces.
    let back = Schema.v28.replacingOccurrences(of: "\n);", with: "\n) WITHOUT ROWID;")
    XCTAssertNotEqual(back, Schema.v28)
    try store.db.execute(schemaV30Undone + back + "PRAGMA user_version = 27;")
    XCTAssertTrue(try withoutRowid(store))
    let path = store.db.path
    let reopened = try Store.open(path: path, clock: { beijing("2026-11-26T09:30") })
    XCTAssertEqual(reopened.schemaVersion, Migrator.latestVersion)
    XCTAssertFalse(try withoutRowid(reopened))
    XCTAssertEqual(try everyEvent(reopened), events)
    XCTAssertEqual(try reopened.projectionDump(), projections)
    XCTAssertEqual(try reopened.auditFindings(), [])
    assertAppendOnly(reopened)
    // Stored in chain order: the rowids follow (origin, seq).
    XCTAssertEqual(
      try reopened.db.fetchAll("SELECT origin, seq FROM journal ORDER BY rowid") {
        "\($0.text(0))/\($0.int(1))"
      },
      try reopened.db.fetchAll("SELECT origin, seq FROM journal ORDER BY origin, seq") {
        "\($0.text(0))/\($0.int(1))"
      })
  }
}
