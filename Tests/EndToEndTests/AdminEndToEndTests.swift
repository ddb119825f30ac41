import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// The 系统管理 pane in the real binary: a fresh district's admin adds an organisation and a
/// clerk, and the pane refuses what the command line refuses, in the same words.
final class AdminEndToEndTests: XCTestCase {
  func testAFreshDistrictsAdminWorksFromThePane() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("node/district.db").path
    let login = String(cString: getpwuid(getuid()).pointee.pw_name)
    let created = try Zwfw.run(
      [
        "init", "--db", db, "--node", "BYQ", "--name", "白银区政务服务中心", "--admin", login,
        "--district",
      ], home: home)
    XCTAssertEqual(created.status, 0, created.err)
    let t = try Tmux(width: 80, height: 24, arguments: ["--db", db], home: home)
    try t.waitFor("工作日历")
    try t.type(try XCTUnwrap(t.paneDigit("系统管理")))
    try t.waitFor("o单位 1")
    try t.keys("a")
    try t.waitFor("添加单位")
    try t.type("SCJG")
    try t.keys("Tab")
    try t.type("区市场监督管理局")
    try t.keys("F5")
    try t.waitFor("已添加单位 SCJG 区市场监督管理局")
    try t.keys("s")
    try t.waitFor("s工作人员 1")
    try t.keys("a")
    try t.waitFor("添加工作人员")
    for (text, last) in [("lixin", false), ("李欣", false), ("SCJG", false), ("counter", true)] {
      try t.type(text)
      if !last { try t.keys("Tab") }
    }
    try t.keys("F5")
    try t.waitFor("已添加工作人员 lixin 李欣")
    try t.keys("o")
    try t.waitFor("o单位 2")
    try t.keys("Down", "d")
    try t.waitFor("停用单位 SCJG 区市场监督管理局?")
    try t.keys("y")
    try t.waitFor("还有 0 件办理中的案件、1 名在用账号")
    try t.keys("q")
    XCTAssertEqual(t.exitStatus(), 0)
    let list = try Zwfw.run(["--db", db, "org", "list"], home: home)
    XCTAssertTrue(list.out.contains("SCJG\t区市场监督管理局\t部门\t-\t在用"), list.out)
    XCTAssertTrue(
      try Zwfw.run(["--db", db, "staff", "list"], home: home).out.contains("lixin\t李欣\tSCJG"))
  }
}
