import XCTest

@testable import Store

/// A rebuild empties its tables whole (`Connection.truncate`): foreign keys are off for those
/// statements alone, and a row left pointing at an emptied table refuses the whole.
final class TruncateTests: XCTestCase {
  func makeDB() throws -> Connection {
    let db = try Connection(
      path: temporaryDirectory().appendingPathComponent("t.db").path)
    try db.configureForStore()
    try db.execute(
      """
      CREATE TABLE org (code TEXT PRIMARY KEY);
      CREATE TABLE staff (login TEXT PRIMARY KEY, org TEXT NOT NULL REFERENCES org (code));
      CREATE TABLE note (id INTEGER PRIMARY KEY, org TEXT REFERENCES org (code));
      INSERT INTO org VALUES ('A'), ('B');
      INSERT INTO staff VALUES ('x', 'A'), ('y', 'B');
      """)
    return db
  }

  func testAParentAndItsChildrenAreEmptiedAndForeignKeysHoldAgainAfter() throws {
    let db = try makeDB()
    try db.inTransaction(.immediate) {
      try db.truncate(["staff", "org"])
      XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM org"), 0)
      XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM staff"), 0)
      // Enforced again within the same transaction.
      XCTAssertThrowsError(try db.run("INSERT INTO staff VALUES ('z', 'nowhere')"))
    }
    XCTAssertEqual(try db.fetchInt("PRAGMA foreign_keys"), 1)
    XCTAssertThrowsError(try db.run("INSERT INTO staff VALUES ('z', 'nowhere')"))
  }

  /// A full-text table is made again empty: the same statement, its words gone, and searchable.
  func testAFullTextTableIsMadeAgainEmptyAndSearchable() throws {
    let db = try makeDB()
    try db.execute(
      """
      CREATE VIRTUAL TABLE words USING fts5 (subject, content, tokenize = 'trigram');
      INSERT INTO words (rowid, subject, content) VALUES (7, '窗口排队', '排队时间太长');
      """)
    let sql = "SELECT sql FROM sqlite_master WHERE name = 'words'"
    let before = try db.fetchOne(sql) { $0.text(0) }
    try db.inTransaction(.immediate) {
      try db.truncate(["words"])
      XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM words"), 0)
      XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM words WHERE words MATCH '排队时'"), 0)
      try db.run("INSERT INTO words (rowid, subject, content) VALUES (9, '材料', '材料要求不一致')")
    }
    XCTAssertEqual(try db.fetchOne(sql) { $0.text(0) }, before)
    XCTAssertEqual(
      try db.fetchAll("SELECT rowid FROM words WHERE words MATCH '要求不'") { $0.int(0) }, [9])
    try db.execute("INSERT INTO words (words) VALUES ('integrity-check')")
  }

  func testARowLeftPointingAtAnEmptiedTableRefusesAndNothingIsEmptied() throws {
    let db = try makeDB()
    try db.run("INSERT INTO note VALUES (1, 'A')")
    XCTAssertThrowsError(
      try db.inTransaction(.immediate) { try db.truncate(["staff", "org"]) }
    ) { error in
      XCTAssertTrue("\(error)".contains("表 note 仍引用表 org"), "\(error)")
    }
    XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM org"), 2, "rolled back")
    // A table named with quotes and control characters is checked by its name, not spliced.
    try db.run("DELETE FROM note")
    try db.execute("CREATE TABLE \"n'o\u{1B}[31m)te\" (org TEXT REFERENCES org (code))")
    try db.run("INSERT INTO \"n'o\u{1B}[31m)te\" VALUES ('B')")
    XCTAssertThrowsError(
      try db.inTransaction(.immediate) { try db.truncate(["staff", "org"]) }
    ) { error in
      XCTAssertTrue("\(error)".contains("仍引用表 org"), "\(error)")
    }
    XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM staff"), 2)
    XCTAssertEqual(try db.fetchInt("PRAGMA foreign_keys"), 1)
  }
}
