import Domain
import Foundation
import XCTest

/// 受理登记 at the counter, in the real binary inside tmux, on the demo database of 2026-11-26.
final class ApplicationsEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    let r = try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home)
    XCTAssertEqual(r.status, 0, r.err)
  }

  func counter(_ login: String) throws -> Tmux {
    let t = try Tmux(
      width: 80, height: 24,
      arguments: ["--db", db, "--now", "2026-11-26T09:30", "--as", login], home: home)
    try t.waitFor("受理登记")
    return t
  }

  /// A walk-in registered with a valid ID, a one-time notice, the applicant back, accepted,
  /// reviewed, approved, concluded with the licence number, rated 不满意 — and every notice on disk.
  func testWalkInFromRegistrationToRatingWithNoticeFiles() throws {
    let t = try counter("zhouqiang")
    try t.walkInWithoutTheLease()
    try t.keys("F5")
    try t.waitFor("列明1项需补正的材料")
    try t.keys("Enter")
    try t.waitFor("待补正")
    // The applicant is back with the lease: the same case number, accepted today.
    try t.keys("u")
    try t.waitFor("补正收件")
    try t.keys("Down", "Down", "1", "F5")
    try t.waitFor("材料齐全。立即受理")
    try t.keys("Enter")
    try t.waitFor("已受理 BYQ-2026-")
    try t.keys("s")
    try t.waitFor("审查意见")
    try t.keys("F5")
    try t.waitFor("审查中")
    try t.keys("d")
    try t.waitFor("理由/说明")
    try t.keys("F5")
    try t.waitFor("作出「准予」决定?")
    try t.keys("Enter")
    try t.waitFor("已作出决定: 准予")
    try t.keys("f")
    try t.waitFor("证照编号")
    try t.keys("Tab")
    try t.type("92620402MA7K2L3M45")
    try t.keys("F5")
    try t.waitFor("办结后不能撤回")
    try t.keys("Enter")
    try t.waitFor("作出评价?")
    try t.keys("Enter")
    try t.waitFor("申请人评价  BYQ-2026-")
    try t.type("不满")
    try t.keys("F5")
    try t.waitFor("录入申请人评价「不满意」?")
    try t.keys("Enter")
    let screen = try t.waitFor("已录入评价「不满意」,已转差评整改")
    XCTAssertTrue(screen.contains("已办结"), screen)
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)

    let dir = home.appendingPathComponent("notices/2026")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    for kind in ["一次性告知书", "受理通知书", "办结通知书"] {
      XCTAssertTrue(files.contains { $0.contains(kind) }, "\(kind): \(files)")
    }
    let conclusion = try XCTUnwrap(files.first { $0.contains("办结通知书") })
    let text = try String(contentsOf: dir.appendingPathComponent(conclusion), encoding: .utf8)
    XCTAssertTrue(text.contains("核发《营业执照》(编号 92620402MA7K2L3M45)"), text)
    XCTAssertTrue(text.contains("张三"), text)
    let supplement = try XCTUnwrap(files.first { $0.contains("一次性告知书") })
    let notice = try String(contentsOf: dir.appendingPathComponent(supplement), encoding: .utf8)
    XCTAssertTrue(notice.contains("1. 经营场所使用证明(复印件1份,自有房产提交产权证明"), notice)
    XCTAssertTrue(notice.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 66 }, notice)
    XCTAssertEqual(try Zwfw.run(["audit", "verify", "--db", db], home: home).status, 0)
  }

  /// A mistyped ID is shown against its field the moment it is complete, and F5 loses nothing.
  func testInvalidIDShowsTheFieldErrorAndKeepsTheForm() throws {
    let t = try counter("liuyang")
    try t.keys("F2")
    try t.waitFor("选择事项")
    try t.type("个体工商户设立")
    try t.waitFor("SCJG-DJ-001")
    try t.keys("Enter")
    try t.waitFor("新建申请")
    try t.type("李四")
    try t.keys("Tab")
    try t.type("620402199001010019")
    try t.waitFor("身份证号码校验位错误")
    try t.keys("Tab")
    try t.type("13809431234")
    try t.keys("F5")
    let screen = try t.waitFor("请更正: 身份证号码校验位错误")
    XCTAssertTrue(screen.contains("李四"), screen)
    XCTAssertTrue(screen.contains("620402199001010019"), screen)
    XCTAssertTrue(screen.contains("13809431234"), screen)
    try t.keys("Escape")
    try t.waitFor("放弃本次输入? (y/n)")
    try t.keys("y")
    try t.waitFor("已放弃录入")
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  /// Clerks name items as they speak them (issue 20 item 7): pinyin initials, a short name, its
  /// pinyin — typed into the counter's item picker, each finds the item and Enter opens its form.
  func testThePickerFindsItemsByPinyinInitialsAndShortNames() throws {
    let t = try counter("liuyang")
    try t.keys("F2")
    try t.waitFor("选择事项")
    try t.type("gtgsdj")
    var screen = try t.waitFor("SCJG-DJ-001")
    XCTAssertTrue(screen.contains("个体工商户设立登记"), screen)
    for _ in 0..<6 { try t.keys("BSpace") }
    try t.type("dibao")
    screen = try t.waitFor("MZJ-JF-001")
    XCTAssertFalse(screen.contains("SCJG-DJ-001"), screen)
    for _ in 0..<5 { try t.keys("BSpace") }
    try t.type("低保")
    try t.waitFor("MZJ-JF-001")
    try t.keys("Enter")
    screen = try t.waitFor("新建申请")
    XCTAssertTrue(screen.contains("最低生活保障"), screen)
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}
