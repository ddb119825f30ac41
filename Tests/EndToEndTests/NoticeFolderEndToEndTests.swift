import Foundation
import XCTest

/// The real binary at the counter, with a link planted where this year's notice folder should be
/// (`notices/2026` → another node's folder): the case is accepted, the clerk reads why the notice
/// was not saved, and nothing is written through the link.
final class NoticeFolderEndToEndTests: XCTestCase {
  func testALinkPlantedAtTheNoticeFolderIsRefusedNotFollowed() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("demo.db").path
    let r = try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home)
    XCTAssertEqual(r.status, 0, r.err)
    let elsewhere = home.appendingPathComponent("other-node-notices")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
    let notices = home.appendingPathComponent("notices")
    try FileManager.default.createDirectory(at: notices, withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: notices.appendingPathComponent("2026").path, withDestinationPath: elsewhere.path)
    let t = try Tmux(
      width: 120, height: 40,
      arguments: ["--db", db, "--now", "2026-11-26T09:30", "--as", "zhouqiang"], home: home)
    try t.waitFor("受理登记")
    try t.keys("F2")
    try t.waitFor("选择事项")
    try t.type("个体工商户设立")
    try t.waitFor("SCJG-DJ-001")
    try t.keys("Enter")
    try t.waitFor("新建申请")
    try t.type("张三")
    try t.keys("Tab")
    try t.type("620402199001010018")
    try t.waitFor("校验通过")
    try t.keys("Tab")
    try t.type("13809431234")
    try t.keys("F5")
    try t.waitFor("材料已收齐?")
    try t.keys("Enter")
    try t.waitFor("立即受理")
    try t.keys("Enter")
    let screen = try t.waitFor("是符号链接")
    XCTAssertTrue(screen.contains("已受理"), screen)
    try t.keys("F10")
    XCTAssertEqual(t.exitStatus(), 0)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
  }
}
