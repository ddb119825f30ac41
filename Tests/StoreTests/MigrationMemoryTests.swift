import Foundation
import XCTest

@testable import Store

/// A schema step's memory is the page cache's, whatever it changes: v27–v28 peaked at 4.8 GB at
/// 1M cases because the store's `temp_store = MEMORY` kept the statement journal in memory, and
/// v28's `DROP TABLE journal` (with `secure_delete`, Debian's build default, zeroing every freed
/// page) put a copy of the whole old journal in it.
final class MigrationMemoryTests: XCTestCase {
  func testAStepThatDropsABigTableHoldsNoCopyOfItInMemory() throws {
    let path = temporaryDirectory().appendingPathComponent("m.db").path
    let db = try Connection(path: path)
    try db.configureForStore()
    try db.execute("PRAGMA secure_delete = ON")
    let steps = [
      // 48 MB of pages, three times the page cache.
      Migration(
        version: 1, name: "big",
        sql: """
          CREATE TABLE big (x BLOB);
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 48000)
            INSERT INTO big SELECT randomblob(1000) FROM n;
          """),
      // A write first, as v28 copies before it drops: the drop is not the transaction's start.
      Migration(
        version: 2, name: "drop",
        sql: "CREATE TABLE small (x INTEGER); INSERT INTO small VALUES (1); DROP TABLE big;"),
    ]
    try Migrator.migrate(db, steps: [steps[0]])
    let before = Connection.memoryUsed(resetHighwater: true).now
    try Migrator.migrate(db, steps: steps)
    let peak = Connection.memoryUsed(resetHighwater: false).highest - before
    XCTAssertEqual(try db.fetchInt("PRAGMA user_version"), 2)
    XCTAssertLessThan(peak, 32 << 20, "\(peak >> 20) MB held while dropping a 48 MB table")
    XCTAssertEqual(try db.fetchInt("PRAGMA temp_store"), 2, "the store's own setting is back")
  }
}
