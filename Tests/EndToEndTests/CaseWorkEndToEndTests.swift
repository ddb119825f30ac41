import Foundation
import XCTest

/// 备注、认领、转办 in the real binary under tmux, on a complaint and an application: the entry
/// shows in the case's timeline, a confidential case's note waits for the recorded reveal, and
/// a supervisor's redirection says the deadline stays.
final class CaseWorkEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-16T09:00", home: home).status, 0)
  }

  func open(_ login: String, pane: String, width: Int = 120, height: Int = 60) throws -> Tmux {
    let t = try Tmux(
      width: width, height: height,
      arguments: ["--db", db, "--now", "2026-11-16T09:00", "--as", login], home: home)
    try t.waitFor(pane)
    try t.type(try XCTUnwrap(try t.paneDigit(pane)))
    return t
  }

  /// Opens the complaint whose subject has `words`, from the view on `viewKey`.
  func openComplaint(_ t: Tmux, _ words: String, view: String = "u") throws {
    try t.waitFor("m我的")
    try t.keys(view, "/")
    try t.type(words)
    try t.keys("Enter")
    try t.waitFor("搜索「\(words)」")
    try t.keys("Enter")
    try t.waitFor("基本信息")
  }

  func testAProgressEntryOnAComplaintIsInItsTimeline() throws {
    let t = try open("zhengtao", pane: "投诉建议")
    try openComplaint(t, "自来水")
    try t.waitFor("o备注/进展")
    try t.keys("o")
    try t.waitFor("备注/办理进展 BYQ-")
    try t.keys("Right", "Tab")
    try t.type("电话联系投诉人,告知水质检测安排")
    try t.keys("F5")
    try t.waitFor("已记录办理进展")
    try t.keys("PageDown", "PageDown")
    try t.waitFor("办理进展(电话): 电话联系投诉人,告知水质检测安排")
    // An empty entry is refused with the form kept.
    try t.keys("o", "F5")
    try t.waitFor("必填")
    try t.keys("Escape")
    try t.keys("Escape", "Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testANoteOnAConfidentialComplaintWaitsForTheReveal() throws {
    let t = try open("zhengtao", pane: "投诉建议")
    try openComplaint(t, "彩钢")
    try t.waitFor("保密内容已隐藏")
    try t.keys("o")
    try t.waitFor("备注/办理进展")
    try t.keys("Tab")
    try t.type("邻居称彩钢棚为临时搭建")
    try t.keys("F5")
    try t.waitFor("已记录内部备注")
    try t.keys("PageDown", "PageDown")
    try t.waitFor("内部备注(保密案件,查看保密内容后显示)")
    XCTAssertFalse(try t.screen().contains("临时搭建"))
    try t.keys("v")
    try t.waitFor("确定查看")
    try t.keys("Enter")
    try t.waitFor("已显示保密内容")
    try t.keys("PageDown", "PageDown")
    try t.waitFor("内部备注: 邻居称彩钢棚为临时搭建")
    try t.keys("Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testAnUrgencyCorrectionSaysTheNewDeadlineBeforeSaving() throws {
    let t = try open("zhengtao", pane: "投诉建议")
    try openComplaint(t, "道路硬化")
    try t.waitFor("一般紧急")
    try t.keys("g")
    try t.waitFor("的登记信息")
    try t.type("紧急")
    try t.keys("Enter")
    try t.waitFor("更正紧急程度")
    try t.keys("Right", "Tab")
    try t.type("来电人补充说明")
    try t.keys("F5")
    try t.waitFor("改为: 普通")
    try t.waitFor("(按更正后的紧急程度重新计算,第三十二条)")
    try t.keys("Enter")
    try t.waitFor("已更正紧急程度")
    try t.waitFor("15个工作日(普通")
    try t.waitFor("更正紧急程度: 原为「一般紧急」,改为「普通」")
    // A wrong phone number is refused on the form, as at registration.
    try t.keys("g")
    try t.type("联系")
    try t.keys("Enter")
    try t.waitFor("更正联系电话")
    try t.keys("C-u")
    try t.type("12ab")
    try t.keys("Tab")
    try t.type("记错")
    try t.keys("F5")
    try t.waitFor("联系电话应为手机号码或固定电话")
    // Leaving the typed form asks first.
    try t.keys("Escape", "y")
    try t.waitFor("已取消,未保存")
    try t.keys("Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testASupervisorRedirectsAComplaintKeepingItsDeadline() throws {
    let t = try open("chenjing", pane: "投诉建议")
    try openComplaint(t, "自来水", view: "a")
    try t.waitFor("2026-11-19")
    try t.keys("q")
    try t.waitFor("转办至")
    try t.type("四龙镇")
    try t.keys("Enter")
    try t.waitFor("转办理由")
    try t.type("供水管网由区水务部门负责")
    try t.keys("F5")
    try t.waitFor("办结期限 2026-11-19 不变")
    try t.keys("Enter")
    try t.waitFor("已转办至四龙镇")
    try t.waitFor("由王岘镇转至四龙镇")
    try t.keys("Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testAHandlerClaimsAnApplication() throws {
    let t = try open("zhouqiang", pane: "受理登记")
    try t.waitFor("BYQ-2026-")
    try t.keys("Enter")
    try t.waitFor("z认领/指派")
    try t.keys("z")
    try t.waitFor("由你经办?")
    try t.keys("Enter")
    try t.waitFor("已认领")
    try t.waitFor("经办人       周强")
    try t.keys("Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}
