import Foundation
import XCTest

/// The command-line run: `staff add` at 10:00 then `staff disable` at 09:00 printed
/// 「已停用账号」 and left the account enabled, also after `zwfw rebuild`.
final class CausalClockEndToEndTests: XCTestCase {
  func testDisablingWithAnEarlierClockDisables() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("demo.db").path
    func zwfw(_ now: String, _ args: String...) throws -> Zwfw.Result {
      try Zwfw.run(["--db", db, "--now", "2026-11-26T\(now)"] + args, home: home)
    }
    XCTAssertEqual(
      try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
    let added = try zwfw(
      "10:00", "staff", "add", "tst1", "--name", "测试", "--org", "ZWZX", "--roles", "counter")
    XCTAssertEqual(added.status, 0, added.err)
    let disabled = try zwfw("09:00", "staff", "disable", "tst1")
    XCTAssertEqual(disabled.status, 0, disabled.err)
    XCTAssertTrue(disabled.out.contains("已停用账号"), disabled.out)
    let line = { (out: String) in out.split(separator: "\n").first { $0.hasPrefix("tst1\t") } ?? ""
    }
    XCTAssertTrue(line(try zwfw("10:05", "staff", "list").out).contains("(停用)"))
    XCTAssertEqual(try zwfw("10:05", "rebuild").status, 0)
    XCTAssertTrue(line(try zwfw("10:05", "staff", "list").out).contains("(停用)"))
  }
}
