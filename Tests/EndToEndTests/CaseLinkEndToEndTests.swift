import Foundation
import XCTest

/// 关联案件 added after registration (`L`) in the real binary: a township clerk links a
/// complaint to an application by the last digits of its number, the link shows in both case
/// views, and is removed from the application's end with a reason.
final class CaseLinkEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-16T09:00", home: home).status, 0)
  }

  func testALinkAddedLaterShowsFromBothEndsAndIsRemovedFromTheOther() throws {
    let t = try Tmux(
      width: 120, height: 40,
      arguments: ["--db", db, "--now", "2026-11-16T09:00", "--as", "zhengtao"], home: home)
    try t.waitFor("工作日历")
    let complaints = try XCTUnwrap(try t.paneDigit("投诉建议"))
    // The application's number, as F7 lists it.
    try t.keys("F7")
    try t.waitFor("查找(F7)")
    try t.type("杨建军")
    try t.keys("Enter")
    let found = try t.waitFor("[办件]")
    let line = try XCTUnwrap(
      found.split(separator: "\n").first { $0.contains("[办件]") && $0.contains("杨建军") }, found)
    let number = try XCTUnwrap(
      line.range(of: "BYQ-").map { String(line[$0.lowerBound...].prefix(15)) })
    try t.keys("Escape")
    try t.waitFor("工作日历")
    try t.type(complaints)
    try t.waitFor("m我的")
    try t.keys("u", "/")
    try t.type("自来水")
    try t.keys("Enter")
    try t.waitFor("搜索「自来水」")
    try t.keys("Enter")
    try t.waitFor("o备注/进展")
    try t.keys("L")
    try t.waitFor("关联理由")
    // Nothing typed: refused on the form.
    try t.keys("F5")
    try t.waitFor("必填")
    try t.type(String(number.suffix(6)))
    try t.keys("Tab")
    try t.type("同一村民的宅基地办件")
    try t.keys("F5")
    try t.waitFor("与办件 \(number) 关联?")
    try t.keys("Enter")
    try t.waitFor("已与 \(number) 关联")
    try t.keys("PageDown", "PageDown", "PageDown")
    try t.waitFor("关联办件 \(number): 同一村民的宅基地办件")
    try t.waitFor("关联案件(1件")

    // The application lists it too, and the link is removed from there.
    try t.keys("F7")
    try t.waitFor("查找(F7)")
    try t.type(number)
    try t.keys("Enter")
    try t.waitFor("按案件编号找到")
    try t.keys("Enter")
    try t.waitFor("o备注/进展")
    try t.keys("PageDown", "PageDown", "PageDown")
    try t.waitFor("关联案件(1件")
    try t.keys("L")
    try t.waitFor("新增关联案件")
    try t.keys("Down", "Enter")
    try t.waitFor("取消理由")
    try t.type("与本办件无关")
    try t.keys("F5")
    try t.waitFor("理由: 与本办件无关")
    try t.keys("Enter")
    try t.waitFor("已取消 \(number) 与")
    XCTAssertFalse(try t.screen().contains("关联案件(1件"))
    try t.keys("Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}
