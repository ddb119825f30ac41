import Foundation
import Store
import XCTest

/// Progress of long commands when standard error is not a terminal (cron): the final line only.
final class ProgressEndToEndTests: XCTestCase {
  var home: URL!
  var db: String!

  override func setUpWithError() throws {
    home = temporaryDirectory()
    db = home.appendingPathComponent("demo.db").path
    XCTAssertEqual(try Zwfw.demo(db: db, home: home).status, 0)
  }

  /// The demo with a re-fold pending, as a schema version that adds projected columns leaves it.
  static func markRefoldPending(_ db: String) throws {
    let c = try Connection(path: db, mode: .readWrite(create: false))
    try c.run("INSERT INTO refold_pending (id) VALUES (1)")
  }

  func testRebuildNotOnATerminalPrintsOnlyTheFinalLine() throws {
    let r = try Zwfw.run(["rebuild", "--db", db], home: home)
    XCTAssertEqual(r.status, 0, r.err)
    let lines = r.err.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertEqual(lines.count, 2, r.err)  // one line and its newline
    XCTAssertTrue(
      r.err.range(of: #"^重建数据视图 完成 (\d+)/\1,用时 [0-9.]+ 秒"#, options: .regularExpression)
        != nil, r.err)
    XCTAssertFalse(r.err.contains("\r") || r.err.contains("\u{1B}"), r.err)
    XCTAssertTrue(r.out.hasPrefix("已从 "), r.out)
  }

  func testQuietShowsNoProgress() throws {
    let r = try Zwfw.run(["rebuild", "--db", db, "--quiet"], home: home)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertEqual(r.err, "")
    let backup = home.appendingPathComponent("b.db").path
    let b = try Zwfw.run(["backup", "--db", db, "--out", backup, "--quiet"], home: home)
    XCTAssertEqual(b.status, 0, b.err)
    XCTAssertEqual(b.err, "")
  }

  func testBackupNotOnATerminalEndsWithOneLine() throws {
    let backup = home.appendingPathComponent("b.db").path
    let r = try Zwfw.run(["backup", "--db", db, "--out", backup], home: home)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.err.hasPrefix("备份 完成 3/3,用时 "), r.err)
    XCTAssertEqual(r.err.filter { $0 == "\n" }.count, 1, r.err)
  }

  func testMigrateRunsAPendingReFoldAheadOnce() throws {
    try Self.markRefoldPending(db)
    let r = try Zwfw.run(["migrate", "--db", db], home: home)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.hasPrefix("已完成数据库 \(db!) 待做的数据视图重建"), r.out)
    XCTAssertTrue(r.err.hasPrefix("重建数据视图 完成 "), r.err)
    let again = try Zwfw.run(["migrate", "--db", db], home: home)
    XCTAssertTrue(again.out.contains("已是最新版本"), again.out)
    XCTAssertEqual(again.err, "")
  }
}
