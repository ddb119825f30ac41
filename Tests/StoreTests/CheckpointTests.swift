import XCTest

@testable import Store

/// With checkpoints deferred (the workstation's connection), a commit that takes the WAL past
/// the threshold copies nothing into the database file: the copy waits for `checkpoint()`,
/// run when no clerk waits. Without deferring, SQLite copies inside that commit.
final class CheckpointTests: XCTestCase {
  func database() throws -> (Connection, String) {
    let path = temporaryDirectory().appendingPathComponent("wal.db").path
    let db = try Connection(path: path)
    try db.configureForStore()
    try db.execute("CREATE TABLE blob (n INTEGER PRIMARY KEY, body BLOB)")
    return (db, path)
  }

  func fileSize(_ path: String) throws -> Int {
    try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
  }

  /// About 1,250 pages of 4 KB: past the threshold, short of the ceiling.
  func commitFiveMegabytes(_ db: Connection) throws {
    try db.inTransaction(.immediate) {
      try db.run("INSERT INTO blob (body) VALUES (zeroblob(5000000))")
    }
  }

  func testADeferredCommitLeavesTheCopyForTheCheckpoint() throws {
    let (db, path) = try database()
    db.deferCheckpoints()
    XCTAssertFalse(db.checkpointDue)
    try commitFiveMegabytes(db)
    XCTAssertTrue(db.checkpointDue)
    XCTAssertLessThan(try fileSize(path), 1_000_000, "the commit copied nothing into the file")
    XCTAssertGreaterThanOrEqual(try db.checkpoint(), Connection.walFrameThreshold)
    XCTAssertFalse(db.checkpointDue)
    XCTAssertGreaterThan(try fileSize(path), 5_000_000)
    XCTAssertEqual(try db.fetchInt("SELECT count(*) FROM blob"), 1)
  }

  func testAnAutomaticCheckpointCopiesInsideTheCommit() throws {
    let (db, path) = try database()
    try commitFiveMegabytes(db)
    XCTAssertFalse(db.checkpointDue, "not deferring: nothing is left due")
    XCTAssertGreaterThan(try fileSize(path), 5_000_000, "copied by the commit itself")
    db.deferCheckpoints()
    db.checkpointInCommits()
    try commitFiveMegabytes(db)
    XCTAssertGreaterThan(try fileSize(path), 10_000_000, "given back to SQLite")
  }

  func testTheStoreCheckpointsOnlyWhenDue() throws {
    let (store, _) = try makeDemo()
    store.deferCheckpoints()
    XCTAssertFalse(store.checkpointIfDue(), "nothing committed since")
    try store.db.execute("CREATE TABLE blob (n INTEGER PRIMARY KEY, body BLOB)")
    try commitFiveMegabytes(store.db)
    XCTAssertTrue(store.checkpointDue)
    XCTAssertTrue(store.checkpointIfDue())
    XCTAssertFalse(store.checkpointDue)
  }
}
