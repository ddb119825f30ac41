import Domain
import Foundation
import XCTest

/// 一件事 at the counter (第十九条), in the real binary inside tmux: found by pinyin initials, one
/// form with the union checklist, one F5 registers every member, one notice names them all, the
/// package shown in a member's case view.
final class PackageEndToEndTests: XCTestCase {
  func testAPackageRegisteredAtTheCounterSendsEveryMemberWithOneNotice() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("demo.db").path
    let r = try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home)
    XCTAssertEqual(r.status, 0, r.err)
    let t = try Tmux(
      width: 120, height: 40,
      arguments: ["--db", db, "--now", "2026-11-26T09:30", "--as", "wangfang"], home: home)
    try t.waitFor("受理登记")
    try t.keys("F2")
    try t.waitFor("选择事项")
    try t.type("xsecs")  // 新生儿出生
    try t.waitFor("[一件事·4项] 新生儿出生一件事")
    try t.keys("Enter")
    try t.waitFor("一件事 承诺15个工作日  4项: 出生医学证明首次签发(区卫生健康局)")
    let form = try t.waitFor("社会保障卡申领表")
    XCTAssertEqual(
      form.components(separatedBy: "居民户口簿").count - 1, 1, "shared by three, asked once: \(form)")
    try t.typeApplicant("李明")
    try t.keys("F5")
    try t.waitFor("材料已收齐?")
    try t.keys("Enter")
    let screen = try t.waitFor("4个成员事项已分送受理")
    XCTAssertTrue(screen.contains("成员4"), screen)
    XCTAssertTrue(screen.contains("[本件]"), screen)
    XCTAssertTrue(screen.contains("[最慢]"), screen)
    XCTAssertTrue(screen.contains("办理中(已办结 0/4)"), screen)
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)

    let dir = home.appendingPathComponent("notices/2026")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    let notice = try XCTUnwrap(files.first { $0.contains("受理通知书") }, "\(files)")
    let text = try String(contentsOf: dir.appendingPathComponent(notice), encoding: .utf8)
    for member in ["出生医学证明首次签发", "出生户口登记", "城乡居民基本医疗保险参保登记", "社会保障卡申领"] {
      XCTAssertTrue(text.contains(member), "\(member): \(text)")
    }
    XCTAssertTrue(text.contains("受理通知书(一件事)"), text)
  }
}
