import Foundation
import XCTest

/// 代办人 at the counter (第十五条), in the real binary under tmux: the agent's fields appear when
/// an agent applies, the 授权委托书 is required, the case view shows who applied for whom, and
/// `zwfw stats assistance` counts the agent and the special group.
final class AgentEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
  }

  func testAnAgentNeedsTheLetterAndIsCounted() throws {
    let t = try Tmux(
      width: 80, height: 24,
      arguments: ["--db", db, "--now", "2026-11-26T09:30", "--as", "liuyang"], home: home)
    try t.waitFor("受理登记")
    try t.keys("F2")
    try t.waitFor("选择事项")
    try t.type("残疾人证申领")
    try t.waitFor("CLJ-GG-001")
    try t.keys("Enter")
    try t.waitFor("新建申请")
    try t.waitFor("办理方式")
    XCTAssertFalse(try t.screen().contains("代办人姓名"), "no agent fields for the applicant")
    try t.type("李秀英")
    try t.keys("Tab")
    try t.type("11010519491231002X")
    try t.keys("Tab")
    try t.type("13912345678")
    try t.keys("Tab", "Tab", "Tab", "Right")
    try t.waitFor("代办人姓名")
    try t.keys("Tab")
    try t.type("王小明")
    try t.keys("Tab")
    try t.type("620402198001011235")
    try t.keys("Tab")
    try t.type("儿子")
    try t.keys("Tab")
    try t.type("13800001111")
    try t.keys("Tab", "Tab", "Right")
    try t.waitFor("老年人")
    try t.keys("F5")
    try t.waitFor("请更正: 由代办人办理的,须收取申请人签署的授权委托书(第十五条)")
    // The refusal put the cursor on the letter.
    try t.keys("Right", "F5")
    try t.waitFor("全部材料已收齐?")
    try t.keys("Enter")
    try t.waitFor("已登记")
    try t.keys("Escape")
    try t.waitFor("代办人")
    try t.waitFor("王小明(儿子)")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)

    let stats = try Zwfw.run(["stats", "assistance", "--db", db, "--quiet"], home: home)
    XCTAssertEqual(stats.status, 0, stats.err)
    let line = try XCTUnwrap(stats.out.split(separator: "\n").first { $0.hasPrefix("区残疾人联合会") })
    XCTAssertEqual(
      line.split(separator: "\t").map(String.init),
      ["区残疾人联合会", "1", "1", "0", "1", "0", "0", "0", "0"])
    XCTAssertEqual(try Zwfw.run(["audit", "verify", "--db", db, "--quiet"], home: home).status, 0)
  }
}
