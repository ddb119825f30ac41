import Foundation
import XCTest

/// `zwfw templates …` on the demo, as an admin (and a clerk) would use it.
final class TemplateCommandTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    let r = try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home)
    XCTAssertEqual(r.status, 0, r.err)
  }

  func zwfw(_ args: String...) throws -> Zwfw.Result {
    try Zwfw.run(["--db", db, "--now", "2026-11-26T09:30"] + args, home: home)
  }

  func testListAddEditMoveRetire() throws {
    XCTAssertEqual(
      try zwfw("templates", "list", "--kind", "callback", "--org", "WXZ").out,
      "BYQ-9\t回访记录\t王岘镇\t1\t镇纪委工作人员已入户回访,群众对处理结果表示满意。\n")
    let add = try zwfw(
      "templates", "add", "--as", "zhangmin", "--kind", "督办要求", "--org", "WXZ", "--text",
      "请镇主要负责同志当日联系投诉人。")
    XCTAssertEqual(add.status, 0, add.err)
    XCTAssertEqual(add.out, "已添加常用语 BYQ-29(督办要求,王岘镇): 请镇主要负责同志当日联系投诉人。\n")
    XCTAssertEqual(
      try zwfw("templates", "edit", "BYQ-29", "--as", "zhangmin", "--text", "请当日联系投诉人。").status, 0)
    XCTAssertEqual(try zwfw("templates", "move", "BYQ-7", "up", "--as", "zhangmin").status, 0)
    let callbacks = try zwfw("templates", "list", "--kind", "回访记录", "--org", "全区").out
    XCTAssertTrue(callbacks.hasPrefix("BYQ-7\t回访记录\t全区通用\t1\t"), callbacks)
    XCTAssertEqual(try zwfw("templates", "retire", "BYQ-29", "--as", "zhangmin").status, 0)
    XCTAssertFalse(try zwfw("templates", "list").out.contains("BYQ-29"))
    XCTAssertEqual(try zwfw("audit", "verify").status, 0)
  }

  func testRefusalsAndUsage() throws {
    let clerk = try zwfw("templates", "add", "--as", "zhengtao", "--kind", "note", "--text", "x")
    XCTAssertEqual(clerk.status, 1)
    XCTAssertTrue(clerk.err.contains("郑涛没有系统管理角色,不能维护常用语"), clerk.err)
    let badKind = try zwfw("templates", "add", "--as", "zhangmin", "--kind", "结论", "--text", "x")
    XCTAssertEqual(badKind.status, 1)
    XCTAssertTrue(badKind.err.contains("常用语类别「结论」无效"), badKind.err)
    let control = try zwfw(
      "templates", "add", "--as", "zhangmin", "--kind", "note", "--text", "已回访\u{1B}[2J")
    XCTAssertTrue(control.err.contains("「常用语」含有控制字符"), control.err)
    XCTAssertFalse(control.err.contains("\u{1B}"), "never echoed")
    XCTAssertEqual(try zwfw("templates", "retire", "--as", "zhangmin").status, 64)
    XCTAssertEqual(try zwfw("templates", "list", "--text", "x").status, 64, "not its option")
    let help = try zwfw("templates", "add", "--help").out
    XCTAssertTrue(help.contains("用法: zwfw templates add --kind K [--org CODE] --text TEXT"), help)
    XCTAssertTrue(try zwfw("manpage").out.contains("templates add"))
  }
}
