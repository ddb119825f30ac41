import Foundation
import XCTest

/// 我的 = assigned to me in the real binary under tmux: a handler claims (认领, `z`) an
/// application and a rectification case and finds each in the pane's 我的, counted in its tab;
/// a supervisor's 差评整改 我的 holds what waits for them, at 80x24.
extension CaseWorkEndToEndTests {
  func testAClaimedApplicationIsInTheClaimersMine() throws {
    let t = try open("zhouqiang", pane: "受理登记", height: 40)
    try t.waitFor("m我的 0")
    try t.keys("o")
    try t.waitFor("BYQ-2026-000056")
    try t.keys("Enter")
    try t.waitFor("z认领/指派")
    try t.waitFor("L关联/取消关联")
    try t.keys("z")
    try t.waitFor("由你经办?")
    try t.keys("Enter")
    try t.waitFor("已认领")
    try t.keys("Escape")
    try t.waitFor("m我的 1")
    try t.keys("m")
    // 本单位's other cases leave as 我的 is drawn: only what is assigned to me stays.
    let deadline = Date().addingTimeInterval(15)
    while try t.screen().contains("BYQ-2026-000062"), Date() < deadline {
      Thread.sleep(forTimeInterval: 0.1)
    }
    XCTAssertFalse(try t.screen().contains("BYQ-2026-000062"), "only what is assigned to me")
    try t.waitFor("白银区金穗餐饮有限公司")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testAClaimedRectificationCaseIsInTheClaimersMine() throws {
    let t = try open("zhouqiang", pane: "差评整改", height: 40)
    try t.waitFor("我的 0")
    try t.keys("Right", "Right")
    try t.waitFor("BYQ-2026-000007")
    try t.keys("Enter")
    try t.waitFor("z认领/指派")
    try t.keys("z")
    try t.waitFor("由你经办?")
    try t.keys("Enter")
    try t.waitFor("认领已保存")
    try t.keys("Escape")
    try t.waitFor("我的 1")
    try t.keys("Left", "Left", "Left")
    try t.waitFor("BYQ-2026-000007")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  func testASupervisorsRectificationMineHoldsWhatWaitsForThem() throws {
    let t = try open("chenjing", pane: "差评整改", width: 80, height: 24)
    try t.waitFor("我的 4")
    try t.keys("Left")
    // 延期待审批 (BYQ-2026-000004, 人社局's application), 待复核 (BYQ-2026-000007) and 待回访
    // (the other two), whoever they are assigned to.
    for n in [4, 7, 6, 5] { try t.waitFor("BYQ-2026-00000\(n)") }
    // The application opens from 我的 with the decision on offer.
    try t.keys("Enter")
    try t.waitFor("a审批延期")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}
