import Foundation
import XCTest

/// Issue 22: the first workstation to open a database with a pending re-fold shows the upgrade
/// (数据库升级) with its progress instead of a blank terminal, then opens as usual.
final class UpgradeScreenEndToEndTests: XCTestCase {
  func testAPendingReFoldShowsTheUpgradeScreenThenTheWorkstation() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("demo.db").path
    XCTAssertEqual(try Zwfw.demo(db: db, home: home).status, 0)
    try ProgressEndToEndTests.markRefoldPending(db)
    let t = try Tmux(
      width: 80, height: 24, arguments: ["--db", db, "--now", "2026-11-26T09:30"], home: home)
    let done = try t.waitFor("按任意键进入工作台", timeout: 60)
    XCTAssertTrue(done.contains("数据库升级"), done)
    XCTAssertTrue(done.contains("数据库升级完成,用时 "), done)
    XCTAssertTrue(
      done.range(of: #"重建数据视图 (\d+)/\1"#, options: .regularExpression) != nil, done)
    try t.keys("Space")
    try t.waitFor("F10退出")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
    // Upgraded once: the next start opens the workstation straight away.
    let again = try Tmux(
      width: 80, height: 24, arguments: ["--db", db, "--now", "2026-11-26T09:30"], home: home)
    let first = try again.waitFor("F10退出")
    XCTAssertFalse(first.contains("数据库升级"), first)
    try again.keys("F10")
    XCTAssertEqual(again.exitStatus(), 0)
  }
}
