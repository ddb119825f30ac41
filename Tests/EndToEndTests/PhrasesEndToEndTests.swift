import Foundation
import XCTest

/// 常用语 in the real binary under tmux: a township clerk concludes a complaint with a template
/// inserted by F6; an admin adds one in 系统管理 that the clerk's picker then offers.
final class PhrasesEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }
  let now = "2026-11-26T10:00"

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
  }

  func open(_ login: String, pane: String, width: Int = 80, height: Int = 24) throws -> Tmux {
    let t = try Tmux(
      width: width, height: height, arguments: ["--db", db, "--now", now, "--as", login],
      home: home)
    try t.waitFor("工作日历")
    try t.type(try XCTUnwrap(try t.paneDigit(pane)))
    return t
  }

  /// 郑涛 opens the 砂石厂 complaint of 王岘镇 and starts its 办结 form.
  func startConcluding(width: Int = 80, height: Int = 24) throws -> Tmux {
    let t = try open("zhengtao", pane: "投诉建议", width: width, height: height)
    try t.waitFor("m我的")
    try t.keys("u", "/")
    try t.type("砂石厂夜间")
    try t.keys("Enter")
    try t.waitFor("搜索: 砂石厂夜间")
    try t.keys("Enter")
    try t.waitFor("基本信息")
    try t.keys("c")
    try t.waitFor("办结 BYQ-2026-000092")
    return t
  }

  func testATownshipClerkConcludesWithATemplate() throws {
    let t = try startConcluding(width: 120, height: 40)
    try t.waitFor("F6常用语")
    try t.keys("F6")
    try t.waitFor("常用语: 办理结论")
    let list = try t.waitFor("共5条")
    // Their organisation's first, then the district's.
    let lines = list.split(separator: "\n")
    let own = try XCTUnwrap(lines.firstIndex { $0.contains("本单位") })
    let district = try XCTUnwrap(lines.firstIndex { $0.contains("全区") && $0.contains("经核实") })
    XCTAssertLessThan(own, district, list)
    try t.keys("Escape")
    try t.waitFor("未插入常用语,输入框内容未改动")
    try t.keys("F6")
    try t.waitFor("常用语: 办理结论")
    try t.keys("Enter")
    try t.waitFor("已插入常用语")
    try t.type("(附照片)")
    try t.keys("F5")
    try t.waitFor("Enter/y 确定")
    try t.keys("Enter")
    try t.waitFor("待回访")
    try t.keys("PageDown")
    try t.waitFor("投诉人表示认可。(附照片)")
    try t.keys("Escape", "Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testAnAdminsNewTemplateIsOfferedInThePicker() throws {
    let admin = try open("zhangmin", pane: "系统管理", width: 120, height: 40)
    try admin.keys("t")
    try admin.waitFor("t常用语 28")
    try admin.keys("a")
    try admin.waitFor("添加常用语")
    try admin.keys("Tab")
    try admin.type("WXZ")
    try admin.keys("Tab")
    try admin.type("经现场核实,砂石厂已停止夜间作业,并签订承诺书。")
    try admin.keys("F5")
    try admin.waitFor("已添加「办理结论」常用语")
    try admin.waitFor("t常用语 29")
    try admin.keys("F10")
    XCTAssertEqual(admin.exitStatus(), 0)

    let t = try startConcluding()
    try t.keys("F6")
    try t.waitFor("共6条")
    try t.type("承诺书")
    try t.waitFor("共1条")
    try t.keys("Enter")
    try t.waitFor("已插入常用语")
    try t.waitFor("经现场核实,砂石厂已停止夜间作业")
    try t.keys("Escape")
    try t.waitFor("放弃本次输入?")
    try t.keys("y", "Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}
