import Foundation
import XCTest

@testable import Store

/// The benchmark judges "a screen costs what it shows" by the pages a statement touches
/// (issue 26): the count must be the same for the same read, grow with what is read, and start
/// again after a reset.
final class PageCountTests: XCTestCase {
  func testPagesFollowWhatIsReadNotTheClock() throws {
    let dir = temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let db = try Connection(path: dir.appendingPathComponent("pages.db").path)
    try db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    try db.inTransaction {
      for k in 0..<5000 {
        try db.run("INSERT INTO t (k, v) VALUES (?, ?)", [k, String(repeating: "页", count: 40)])
      }
    }
    func pages(_ sql: String, _ args: [any SQLBindable] = []) throws -> Int {
      try db.countingPages { try db.forEach(sql, args) { _ = $0.text(1) } }.pages
    }
    let point = try pages("SELECT k, v FROM t WHERE k = ?", [2500])
    let scan = try pages("SELECT k, v FROM t")
    // A lookup descends the tree (a few pages); a scan reads every leaf (hundreds).
    XCTAssertGreaterThan(point, 0)
    XCTAssertLessThanOrEqual(point, 4)
    XCTAssertGreaterThan(scan, 100)
    XCTAssertEqual(try pages("SELECT k, v FROM t WHERE k = ?", [2500]), point, "warm or cold")
    XCTAssertEqual(try pages("SELECT k, v FROM t"), scan)
    // Counting resets the counter: nothing read since, nothing counted.
    XCTAssertEqual(db.pagesTouched(), 0)
    _ = try pages("SELECT k, v FROM t WHERE k < 100")
    try db.forEach("SELECT k, v FROM t WHERE k = 1") { _ = $0.text(1) }
    XCTAssertGreaterThan(db.pagesTouched(reset: true), 0)
    XCTAssertEqual(db.pagesTouched(), 0)
  }
}
