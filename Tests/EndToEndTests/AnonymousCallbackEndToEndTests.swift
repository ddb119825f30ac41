import Foundation
import XCTest

/// An anonymous complaint end to end in the real binary: registered without a phone and with
/// the reason, dispatched, concluded by the township, then closed by the supervisor's `h` with
/// 无法回访 and its reason instead of waiting in 待回访; and the organisation lead (`lead`, set
/// by `zwfw staff roles`) assigns a case of their own organisation with `z`.
final class AnonymousCallbackEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
  }

  func open(_ login: String, _ now: String, width: Int = 100, height: Int = 30) throws -> Tmux {
    let t = try Tmux(
      width: width, height: height, arguments: ["--db", db, "--now", now, "--as", login],
      home: home)
    try t.waitFor("投诉建议")
    try t.type(try XCTUnwrap(try t.paneDigit("投诉建议")))
    try t.waitFor("m我的")
    return t
  }

  func find(_ t: Tmux, _ words: String, view: String) throws {
    try t.keys(view, "/")
    try t.type(words)
    try t.keys("Enter")
    try t.waitFor("搜索: \(words)")
    try t.keys("Enter")
    try t.waitFor("基本信息")
  }

  func quit(_ t: Tmux) throws {
    try t.keys("Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testAnAnonymousComplaintIsClosedWithNoCallbackAndItsReason() throws {
    var t = try open("chenjing", "2026-11-26T09:30")
    try t.keys("F2")
    try t.waitFor("登记投诉建议")
    try t.keys("Tab", "Tab", "Tab")
    try t.type("王岘镇集市占道经营堵塞通行")
    try t.keys("Tab")
    try t.type("每逢集日商贩占用主干道,车辆无法通行。")
    try t.keys("Tab", "Tab", "Tab")
    try t.type("王岘")
    try t.keys("Tab", "Tab")
    try t.type("来电人不愿留下姓名和电话")
    try t.keys("F5")
    let registered = try t.waitFor("已登记")
    let id = try XCTUnwrap(
      registered.range(of: "BYQ-2026-[0-9]{6}", options: .regularExpression).map {
        String(registered[$0])
      })
    try t.keys("d")
    try t.waitFor("分派 \(id) 至")
    try t.type("王岘")
    try t.keys("Enter")
    try t.waitFor("当日结束前退回")
    try t.keys("Enter")
    try t.waitFor("\(id) 已分派")
    try quit(t)

    t = try open("zhengtao", "2026-11-26T15:00")
    try find(t, "集市占道", view: "u")
    try t.keys("c")
    try t.waitFor("办结 \(id)")
    try t.type("已联合市场监管所规划临时摊位区,主干道恢复通行。")
    try t.keys("F5")
    try t.keys("Enter")
    try t.waitFor("待记录无法回访")
    try quit(t)

    t = try open("chenjing", "2026-11-27T09:00")
    try t.keys("h")
    try t.waitFor(id)
    try find(t, "集市占道", view: "h")
    try t.keys("h")
    try t.waitFor("无法回访 \(id)(匿名投诉)")
    try t.waitFor("匿名投诉,未留联系方式:来电人不愿留下姓名和电话")
    try t.keys("F5")
    try t.waitFor("记录无法回访并结案?")
    try t.keys("Enter")
    try t.waitFor("已记录无法回访,\(id) 结案")
    try t.waitFor("已结案(匿名,无法回访)")
    try t.keys("PageDown", "PageDown")
    try t.waitFor("无法回访(匿名投诉),结案: 匿名投诉,未留联系方式")
    try quit(t)
  }

  func testTheOrganisationLeadAssignsWithZ() throws {
    let roles = try Zwfw.run(
      ["staff", "roles", "zhouqiang", "counter,handler,lead", "--db", db], home: home)
    XCTAssertEqual(roles.status, 0, roles.err)
    let t = try open("zhouqiang", "2026-11-26T10:00", width: 80, height: 24)
    try t.keys("u")
    try t.waitFor("办理中")
    try t.keys("Enter")
    try t.waitFor("基本信息")
    try t.keys("z")
    try t.waitFor("经办人员)")
    try t.type("孙丽")
    try t.keys("Enter")
    try t.waitFor("指派给孙丽")
    try t.keys("Enter")
    try t.waitFor("已指派给孙丽")
    try quit(t)
  }
}
