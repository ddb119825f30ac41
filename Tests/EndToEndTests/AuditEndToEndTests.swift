import Foundation
import XCTest

/// 拒绝记录 end to end: a clerk's refused attempt is read by a supervisor on the command line and
/// in the 审计 pane, which a clerk does not have.
final class AuditEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
  }

  func zwfw(_ args: String...) throws -> Zwfw.Result {
    try Zwfw.run(["--db", db, "--now", "2026-11-26T10:00"] + args, home: home)
  }

  func testRefusalsCommandListsFiltersAndRefusesClerks() throws {
    XCTAssertEqual(try zwfw("--as", "liuyang", "rebuild").status, 1)
    let denied = try zwfw("--as", "liuyang", "audit", "refusals")
    XCTAssertEqual(denied.status, 1)
    XCTAssertTrue(denied.err.contains("刘洋没有督办或系统管理角色,不能查看拒绝记录"), denied.err)
    let r = try zwfw("--as", "chenjing", "audit", "refusals", "--actor", "liuyang")
    XCTAssertEqual(r.status, 0, r.err)
    let lines = r.out.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "时间\t操作人\t节点\t操作\t对象\t拒绝原因")
    XCTAssertEqual(lines.count, 3, r.out)
    XCTAssertTrue(lines[1].contains("刘洋(liuyang)\tBYQ\t查看拒绝记录"), lines[1])
    XCTAssertTrue(lines[2].contains("重建数据视图\t-\t刘洋没有系统管理角色,不能重建数据视图"), lines[2])
    let later = try zwfw("--as", "chenjing", "audit", "refusals", "--from", "2026-11-27")
    XCTAssertEqual(later.out, "没有拒绝记录(2026-11-27 以后)\n")
    let bad = try zwfw("audit", "refusals", "--limit", "0")
    XCTAssertEqual(bad.status, 64)
    XCTAssertTrue(bad.err.contains("--limit 应为1至10000的整数"), bad.err)
    let help = try zwfw("audit", "refusals", "--help")
    XCTAssertTrue(help.out.contains("--actor LOGIN"), help.out)
  }

  func testSupervisorReadsTheLogInTheAuditPane() throws {
    XCTAssertEqual(try zwfw("--as", "zhengtao", "rebuild").status, 1)
    let clerk = try Tmux(
      width: 80, height: 24,
      arguments: ["--db", db, "--now", "2026-11-26T10:05", "--as", "liuyang"],
      home: home)
    try clerk.waitFor("受理登记")
    XCTAssertNil(try clerk.paneDigit("审计"), "a counter clerk has no 审计 pane")
    try clerk.keys("F10")

    let t = try Tmux(
      width: 120, height: 40,
      arguments: ["--db", db, "--now", "2026-11-26T10:10", "--as", "chenjing"], home: home)
    try t.waitFor("受理登记")
    try t.type(try XCTUnwrap(try t.paneDigit("审计")))
    try t.waitFor("郑涛(zhengtao)")
    try t.waitFor("郑涛没有系统管理角色,不能重建数据视图")
    try t.keys("f")
    try t.waitFor("筛选拒绝记录")
    try t.type("2026-13-01")
    try t.keys("F5")
    try t.waitFor("起始日期应为 YYYY-MM-DD")
    try t.keys("C-u")
    try t.type("2026-11-26")
    try t.keys("Tab")
    try t.type("nobody")
    try t.keys("F5")
    try t.waitFor("(没有拒绝记录)")
    try t.waitFor("操作人 nobody")
    try t.keys("x")
    try t.waitFor("郑涛(zhengtao)")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}

/// `stats ratings --by item` (第三十五条).
final class RatingsByItemCommandTests: XCTestCase {
  func testRatingsByItemListsWorstFirstAndExports() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("demo.db").path
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
    let r = try Zwfw.run(
      ["--db", db, "--as", "chenjing", "stats", "ratings", "--by", "item"], home: home)
    XCTAssertEqual(r.status, 0, r.err)
    let lines = r.out.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "统计期间: 全部(按评价日期;有效差评多的事项在前)")
    XCTAssertTrue(lines[2].hasPrefix("ZW-ZZ-001\t自助终端证明打印\t区政务服务中心\t1\t1\t0\t0.0%"), lines[2])
    XCTAssertTrue(
      lines.contains { $0.hasPrefix("SC-XK-002\t食品经营许可\t区市场监督管理局\t11\t1\t1\t90.9%\t100.0%") },
      r.out)
    let csv = home.appendingPathComponent("items.csv").path
    let e = try Zwfw.run(
      ["--db", db, "--as", "wuxia", "stats", "ratings", "--by", "item", "--out", csv], home: home)
    XCTAssertEqual(e.status, 0, e.err)
    XCTAssertTrue(e.out.contains("已导出 3 个事项的满意度统计(全部)"), e.out)
    let again = try Zwfw.run(
      ["--db", db, "--as", "wuxia", "stats", "ratings", "--by", "item", "--out", csv], home: home)
    XCTAssertEqual(again.status, 1, "never over an existing file")
    let bad = try Zwfw.run(["--db", db, "stats", "ratings", "--by", "month"], home: home)
    XCTAssertEqual(bad.status, 64)
    XCTAssertTrue(bad.err.contains("--by 应为 org(按单位)或 item(按事项)"), bad.err)
  }
}
