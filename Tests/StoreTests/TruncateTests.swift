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

  func testARowLeftPointingAtAnEmptiedTableRefusesAndNothingIsEmptied() throws {
    let db = try makeDB()
    try db.run("INSERT INTO note VALUES (1, 'A')")
    XCTAssertThrowsError(
      try db.inTransaction(.immediate) { try db.truncate(["staff", "org"]) }
    ) { error in
      XCTAssertTrue("\(error)".contains("note"), "\(error)")
    }
    XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM org"), 2, "rolled back")
    XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM staff"), 2)
    XCTAssertEqual(try db.fetchInt("PRAGMA foreign_keys"), 1)
  }
}
