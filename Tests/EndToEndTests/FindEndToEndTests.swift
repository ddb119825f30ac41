import Foundation
import XCTest

/// 查找 (F7) from any pane: a returning caller found by phone, then by the last six digits of
/// the case's number, each opened in its own pane.
final class FindEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
  }

  func testF7FindsAComplainantByPhoneAndByTheNumbersLastDigitsFromAnyPane() throws {
    let t = try Tmux(
      width: 100, height: 30,
      arguments: ["--db", db, "--now", "2026-11-26T10:00", "--as", "chenjing"], home: home)
    try t.waitFor("工作日历")
    // From the calendar: F7, 马小军's phone (his complaint; 马晓燕's application gives it too).
    try t.type(try XCTUnwrap(t.paneDigit("工作日历")))
    try t.waitFor("2026年11月")
    try t.keys("F7")
    try t.waitFor("查找(F7)")
    try t.type("13993012345")
    try t.keys("Enter")
    _ = try t.waitFor("共2件")
    // The count may be drawn a moment before the rows: wait for the row itself.
    let found = try t.waitFor("马小军")
    let line = try XCTUnwrap(
      found.split(separator: "\n").first { $0.contains("[投诉建议]") && $0.contains("马小军") },
      found)
    // Identifiers are masked in the list, whole in the case view of whoever may read them.
    XCTAssertTrue(line.contains("139****2345"), found)
    let number = try XCTUnwrap(
      line.range(of: "BYQ-").map { String(line[$0.lowerBound...].prefix(15)) })
    try t.waitFor("按电话找到")
    // The complaint is the older case: the second line.
    try t.keys("Down", "Enter")
    try t.waitFor(number)
    let opened = try t.waitFor("投诉建议内容")
    XCTAssertTrue(opened.contains("马小军"), opened)
    XCTAssertFalse(opened.contains("查找(F7)"), opened)
    // p: its 投诉建议处理单, saved beside the database (no printer is set in the demo).
    try t.keys("p")
    try t.waitFor("投诉建议处理单 \(number) 已保存")
    let sheet = home.appendingPathComponent("notices/2026/\(number)-投诉建议处理单.txt")
    let text = try String(contentsOf: sheet, encoding: .utf8)
    XCTAssertTrue(text.contains("马小军") && text.contains("办理过程"), text)

    // From 督办, Esc 7 (terminals without function keys), the number's last six digits.
    try t.type(try XCTUnwrap(t.paneDigit("督办")))
    try t.keys("Escape")
    try t.type("7")
    try t.waitFor("查找(F7)")
    try t.type(String(number.suffix(6)))
    try t.keys("Enter")
    try t.waitFor("按编号尾号找到")
    try t.keys("Enter")
    let again = try t.waitFor("投诉建议内容")
    XCTAssertTrue(again.contains(number), again)

    // Too few digits are refused in words, and Esc closes.
    try t.keys("F7")
    try t.type("064")
    try t.keys("Enter")
    try t.waitFor("请至少输入4位数字")
    try t.keys("Escape")
    // Esc is told from Esc+digit after the escape delay: wait for the overlay to go.
    let deadline = Date().addingTimeInterval(10)
    while try t.screen().contains("查找(F7)"), Date() < deadline {
      Thread.sleep(forTimeInterval: 0.1)
    }
    XCTAssertFalse(try t.screen().contains("查找(F7)"))
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}
