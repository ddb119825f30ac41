import Foundation
import XCTest

/// 投诉建议分析 (第三十四条) end to end: `zwfw stats complaints` on the demo, its CSV, and the
/// 督办 pane's 投诉分析 view.
final class ComplaintAnalysisEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
  }

  func zwfw(_ args: String...) throws -> Zwfw.Result {
    try Zwfw.run(["--db", db, "--now", "2026-11-26T10:00"] + args, home: home)
  }

  func testStatsComplaintsPrintsEveryFindingAndExportsCSV() throws {
    let r = try zwfw("--as", "chenjing", "stats", "complaints", "--by", "org")
    XCTAssertEqual(r.status, 0, r.err)
    let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    XCTAssertEqual(lines[0], "统计期间: 全部(按登记日期);按单位")
    XCTAssertEqual(lines[1], "单位\t登记\t办结\t按时办结率\t不予受理\t已回访\t回访满意率\t重办\t重办率")
    XCTAssertTrue(lines.contains { $0.hasPrefix("王岘镇\t") }, r.out)
    XCTAssertTrue(lines.contains { $0.hasPrefix("合计\t35\t") }, r.out)
    XCTAssertTrue(r.out.contains("不予受理原因: (五)"), r.out)
    XCTAssertTrue(r.out.contains("低保 "), r.out)
    XCTAssertTrue(r.out.contains("重复投诉人(同一电话): 139****5678 3件"), r.out)
    XCTAssertFalse(r.out.contains("13912345678"), "phone numbers masked")

    let month = try zwfw(
      "--as", "chenjing", "stats", "complaints", "--from", "2026-09-01", "--to", "2026-09-30",
      "--by", "month")
    XCTAssertTrue(month.out.contains("\n2026-09\t10\t9\t"), month.out)

    let csv = home.appendingPathComponent("分析.csv").path
    let e = try zwfw("--as", "chenjing", "stats", "complaints", "--out", csv)
    XCTAssertEqual(e.status, 0, e.err)
    XCTAssertTrue(e.out.contains("已导出 35 件投诉建议的分析(全部,按类型)"), e.out)
    let bytes = try XCTUnwrap(FileManager.default.contents(atPath: csv))
    XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes, as: UTF8.self)
    XCTAssertTrue(text.contains("\r\n重复投诉人(电话),件数,案件编号\r\n139****5678,3,"), text)
    XCTAssertEqual(try zwfw("--as", "chenjing", "stats", "complaints", "--out", csv).status, 1)

    let own = try zwfw("--as", "zhengtao", "stats", "complaints", "--by", "org")
    XCTAssertEqual(own.out.split(separator: "\n").filter { $0.contains("\t") }.count, 3, own.out)
    let bad = try zwfw("stats", "complaints", "--by", "week")
    XCTAssertEqual(bad.status, 64)
    XCTAssertTrue(bad.err.contains("--by 应为 type(类型)、channel(渠道)、org(单位)或 month(月份)"), bad.err)
  }

  func testTheSupervisionPaneShowsTheAnalysis() throws {
    let t = try Tmux(
      width: 120, height: 40,
      arguments: ["--db", db, "--now", "2026-11-26T10:00", "--as", "chenjing"], home: home)
    try t.waitFor("受理登记")
    try t.type(try XCTUnwrap(try t.paneDigit("督办")))
    try t.waitFor("期限总览")
    try t.keys("a")
    try t.waitFor("2026-11 投诉建议")
    try t.waitFor("不予受理原因: (七)")
    try t.keys("w")
    try t.waitFor("全部 投诉建议35件")
    try t.waitFor("重复投诉人: 139****5678 3件")
    try t.keys("g", "g")
    try t.waitFor("王岘镇")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}
