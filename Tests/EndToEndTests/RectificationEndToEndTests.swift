import Foundation
import XCTest

/// 差评整改 end to end, as the clerks do it: a 非常不满意 taken at the SCJG window is registered,
/// claimed invalid by the handler, refused at 复核, rectified as a complex case with an extension a supervisor approved,
/// called back and closed; then the satisfaction of SCJG with and without invalid reviews.
final class RectificationEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    // Made before the runs below: every step is stamped after the demo's latest event.
    XCTAssertEqual(
      try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
  }

  /// The workstation as `login`, on the 差评整改 pane.
  func session(_ login: String, at time: String) throws -> Tmux {
    let t = try Tmux(
      width: 100, height: 40,
      arguments: ["--db", db, "--now", "2026-11-26T\(time)", "--as", login],
      home: home)
    try t.waitFor("差评整改")
    try t.type(try XCTUnwrap(t.paneDigit("差评整改")))
    try t.waitFor("的差评整改案件")
    return t
  }

  func openCase(_ t: Tmux, _ id: String) throws {
    try t.keys("/")
    try t.waitFor("查找差评整改案件")
    try t.type(id)
    try t.keys("Enter")
    try t.waitFor("差评整改 \(id)")
  }

  func quit(_ t: Tmux) throws {
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testBadRatingFromTheWindowToCallbackAndSatisfaction() throws {
    // 周强 (SCJG counter and handler) registers the 非常不满意 the applicant gave at his window.
    var t = try session("zhouqiang", at: "09:40")
    try t.keys("F2")
    try t.waitFor("登记评价")
    try t.type("窗")
    try t.keys("Tab", "Tab", "Tab")
    try t.type("SC-DJ-001")
    try t.keys("Tab")
    try t.type("个体工商户设立登记")
    try t.keys("Tab")
    try t.type("非常不")
    try t.keys("Tab")
    try t.type("窗口让我回去补材料三次,每次说的都不一样")
    try t.keys("Tab", "Tab")
    try t.type("王建设")
    try t.keys("Tab")
    try t.type("13893012345")
    try t.keys("F5")
    // The case number follows the demo's own cases (other features' included): read it.
    let shown = try t.waitFor("差评已生成整改案件 BYQ-")
    let toast = try XCTUnwrap(shown.range(of: "差评已生成整改案件 "))
    let id = String(shown[toast.upperBound...].prefix(15))
    // He verifies at once and claims it malicious, with evidence.
    try t.keys("Enter")
    try t.waitFor("可办理: v 核实")
    try t.keys("v")
    try t.waitFor("核实结论")
    try t.keys("Tab")
    try t.type("电话联系王建设,其承认对审批结果不满而发泄")
    try t.keys("Tab")
    try t.type("恶意")
    try t.keys("F5")
    try t.waitFor("「证明材料」不能为空")
    try t.type("通话录音已存档")
    try t.keys("F5")
    try t.waitFor("现为「待复核」")
    try t.waitFor("待督办人员复核")
    try quit(t)

    // 陈静 (supervisor, ZWZX) refuses the claim after confirming.
    t = try session("chenjing", at: "10:30")
    try openCase(t, id)
    try t.keys("v")
    try t.waitFor("陈静没有经办角色,不能办理差评整改")
    try t.keys("r")
    try t.waitFor("复核结论")
    try t.keys("Tab")
    try t.type("录音不能证明系恶意,多次补材料属实")
    try t.keys("F5")
    try t.waitFor("确认复核结论")
    try t.keys("y")
    try t.waitFor("整改中(待定整改方式)")
    try quit(t)

    // 周强 marks it complex and applies for an extension with a reason told to the reviewer.
    t = try session("zhouqiang", at: "11:00")
    try openCase(t, id)
    try t.keys("m")
    try t.waitFor("整改方式")
    try t.type("复杂")
    try t.keys("F5")
    try t.waitFor("整改中(情况复杂)")
    try t.keys("e")
    try t.waitFor("延期理由须向评价人说明")
    try t.waitFor("经区级督办人员审批后生效")
    try t.keys("F5")
    try t.waitFor("请填写标记为必填的项目")
    // The refused form keeps its values and puts the caret in the missing reason.
    try t.type("一次性告知单须经法规科审核后印发")
    try t.keys("F5")
    try t.waitFor("申请延期已保存")
    // Until a supervisor approves, the deadline in force stands (第三十七条).
    try t.waitFor("整改中(情况复杂,延期待审批)")
    try t.waitFor("2026-12-03  剩5日")
    try t.keys("a")
    try t.waitFor("周强没有督办角色,不能审批整改延期")
    try quit(t)

    // 陈静 (district supervisor) approves: the deadline moves by the five working days asked for.
    t = try session("chenjing", at: "11:30")
    try openCase(t, id)
    try t.keys("a")
    try t.waitFor("批准后延至 2026-12-10")
    try t.keys("Tab")
    try t.type("理由充分,同意延期")
    try t.keys("F5")
    try t.waitFor("审批延期已保存")
    try t.waitFor("2026-12-10  剩10日  已延期1次")
    try quit(t)

    // 周强 feeds back.
    t = try session("zhouqiang", at: "14:00")
    try openCase(t, id)
    try t.keys("f")
    try t.waitFor("整改措施")
    try t.type("修订一次性告知单,窗口统一口径并培训")
    try t.keys("F5")
    try t.waitFor("现为「待回访」")
    try quit(t)

    // 陈静 cannot close a real-name bad review without a callback; she calls back and closes.
    t = try session("chenjing", at: "15:00")
    try openCase(t, id)
    try t.keys("x")
    try t.waitFor("实名差评须回访后才能办结(第三十七条)")
    try t.keys("c")
    try t.waitFor("评价人意见")
    try t.keys("Tab", "Tab")
    try t.type("评价人已按新告知单办成执照,表示满意")
    try t.keys("F5")
    try t.waitFor("确认回访结果")
    try t.keys("y")
    try t.waitFor("已办结(已整改)")
    // Satisfaction of SCJG in November: 18 good of 22, one 无效差评 excluded: 18 of 21.
    try t.keys("Escape", "s")
    let stats = try t.waitFor("满意度统计")
    let line = try XCTUnwrap(stats.split(separator: "\n").first { $0.contains("区市场监督管理局") })
    XCTAssertTrue(line.contains("81.8%"), String(line))
    XCTAssertTrue(line.contains("85.7%"), String(line))
    try quit(t)

    let csv = home.appendingPathComponent("满意度.csv").path
    let r = try Zwfw.run(
      [
        "--db", db, "--as", "chenjing", "stats", "ratings", "--from", "2026-11-01", "--to",
        "2026-11-30", "--out", csv,
      ], home: home)
    XCTAssertEqual(r.status, 0, r.err)
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    XCTAssertTrue(
      text.contains("SCJG,区市场监督管理局,2026-11-01 至 2026-11-30,22,10,7,1,1,3,4,1,81.8%,85.7%"), text)
    XCTAssertEqual(try Zwfw.run(["--db", db, "audit", "verify"], home: home).status, 0)
  }

  func testStatsCommandPrintsATableAndRefusesBadDates() throws {
    let r = try Zwfw.run(["--db", db, "--as", "chenjing", "stats", "ratings"], home: home)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.hasPrefix("统计期间: 全部(按评价日期)\n"), r.out)
    XCTAssertTrue(r.out.contains("区市场监督管理局\t22\t3\t1\t86.4%\t90.5%"), r.out)
    let own = try Zwfw.run(["--db", db, "--as", "wuxia", "stats", "ratings"], home: home)
    XCTAssertEqual(
      own.out.split(separator: "\n").count, 4, "a handler sees only their organisation")
    let bad = try Zwfw.run(
      ["--db", db, "stats", "ratings", "--from", "2026-12-01", "--to", "2026-11-01"], home: home)
    XCTAssertEqual(bad.status, 64)
    XCTAssertTrue(bad.err.contains("--from 2026-12-01 晚于 --to 2026-11-01"), bad.err)
  }

  func testOnTimeStatisticsPrintExportAndRefuseBadDates() throws {
    let base = ["--db", db, "--now", "2026-11-26T09:30"]
    let r = try Zwfw.run(
      base + ["--as", "chenjing", "stats", "ontime", "--from", "2026-10-01"], home: home)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.hasPrefix("统计期间: 2026-10-01 起(按办结日期);当前超期截至 2026-11-26\n"), r.out)
    XCTAssertTrue(r.out.contains("区市场监督管理局\t4\t4\t0\t100.0%\t100.0%\t100.0%\t"), r.out)
    let csv = home.appendingPathComponent("ontime.csv").path
    let e = try Zwfw.run(base + ["--as", "chenjing", "stats", "ontime", "--out", csv], home: home)
    XCTAssertEqual(e.status, 0, e.err)
    XCTAssertTrue(e.out.contains("按时办结统计(全部)"), e.out)
    XCTAssertTrue(FileManager.default.fileExists(atPath: csv))
    let bad = try Zwfw.run(
      base + ["stats", "ontime", "--from", "2026-12-01", "--to", "2026-11-01"], home: home)
    XCTAssertEqual(bad.status, 64)
    XCTAssertTrue(bad.err.contains("--from 2026-12-01 晚于 --to 2026-11-01"), bad.err)
  }
}
