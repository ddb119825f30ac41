import Foundation
import XCTest

/// 延长审批 in the real binary: the centre's supervisor extends an overdue application's limit
/// once (行政许可法 第四十二条), the notice is saved, and a second extension is refused.
final class ExtensionEndToEndTests: XCTestCase {
  func testASupervisorExtendsAnApplicationsLimitOnce() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("demo.db").path
    XCTAssertEqual(try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
    let t = try Tmux(
      width: 100, height: 30,
      arguments: ["--db", db, "--now", "2026-11-26T10:00", "--as", "chenjing"], home: home)
    try t.waitFor("受理登记")
    try t.keys("o")
    try t.waitFor("食品经营许可")
    try t.type("/")
    try t.type("金穗")
    try t.keys("Enter")
    try t.waitFor("搜索: 金穗")
    try t.keys("Enter")
    try t.waitFor("白银区金穗餐饮有限公司")
    try t.keys("l")
    try t.waitFor("延长审批期限(行政许可法第四十二条)")
    try t.keys("F5")
    try t.waitFor("请填写标 * 的必填项")
    try t.keys("Tab")
    try t.type("需征求规划部门意见")
    try t.keys("F5")
    try t.waitFor("只能延长一次,并出具延长审批告知书")
    try t.keys("Enter")
    let done = try t.waitFor("已批准延长审批期限10个工作日")
    XCTAssertTrue(done.contains("陈静批准延长10个工作日"), done)
    try t.keys("l")
    try t.waitFor("只能延长一次")
    try t.keys("F10")

    let dir = home.appendingPathComponent("notices/2026")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    let file = try XCTUnwrap(files.first { $0.contains("延长审批告知书") }, "\(files)")
    let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
    XCTAssertTrue(text.contains("经本\n机关负责人批准") || text.contains("经本机关负责人批准"), text)
    XCTAssertTrue(text.contains("延长理由:需征求规划部门意见"), text)
    XCTAssertEqual(try Zwfw.run(["audit", "verify", "--db", db], home: home).status, 0)
  }
}
