import Foundation
import XCTest

final class WorkstationEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, home: home).status, 0)
  }

  func testCalendarPaneMonthCalculatorResizeAndQuit() throws {
    let t = try Tmux(
      width: 120, height: 40, arguments: ["--db", db, "--now", "2026-11-26T09:30"], home: home)
    try t.waitFor("工作日历")
    let digit = try XCTUnwrap(t.paneDigit("工作日历"))
    try t.type(digit)
    try t.waitFor("2026年11月")
    try t.keys("PageDown")
    try t.waitFor("2026年12月")
    try t.keys("PageUp", "PageUp")
    let october = try t.waitFor("2026年10月")
    XCTAssertTrue(october.contains("国庆节"), october)
    XCTAssertTrue(october.contains("调休上班"), october)
    try t.keys("c", "C-u")
    try t.type("2026-09-30")
    try t.keys("Tab", "C-u")
    try t.type("3")
    try t.waitFor("截止日期 2026-10-10 星期六")
    try t.keys("Enter")
    try t.waitFor("所选: 2026-10-10 星期六  国庆节调休: 周末上班")
    try t.resize(width: 60, height: 20)
    try t.waitFor("终端窗口太小")
    try t.resize(width: 120, height: 40)
    try t.waitFor("2026年10月")
    try t.keys("q")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testHelpOverlayAndF10AtMinimumSize() throws {
    let t = try Tmux(
      width: 80, height: 24, arguments: ["--db", db, "--now", "2026-11-26T09:30"], home: home)
    try t.waitFor("F10退出")
    try t.keys("F1")
    try t.waitFor("帮助:")
    try t.keys("Escape")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testCtrlCQuitsCleanly() throws {
    let t = try Tmux(
      width: 80, height: 24, arguments: ["--db", db, "--now", "2026-11-26T09:30"], home: home)
    try t.waitFor("F10退出")
    try t.keys("C-c")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testFirstRunCreatesTheDemoAtTheDefaultPath() throws {
    let fresh = temporaryDirectory()
    let t = try Tmux(width: 100, height: 30, arguments: ["--now", "2026-11-26T09:30"], home: fresh)
    try t.waitFor("白银区政务服务中心")
    try t.keys("q")
    XCTAssertEqual(t.exitStatus(), 0)
    XCTAssertTrue(
      FileManager.default.fileExists(
        atPath: fresh.appendingPathComponent(".local/share/zwfw/demo.db").path))
  }
}
