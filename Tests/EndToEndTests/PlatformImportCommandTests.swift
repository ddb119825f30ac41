import Foundation
import XCTest

/// `applications import` as a counter clerk runs it from cron: the file the platform handed
/// over, then the same file again, then a file with one bad row.
final class PlatformImportCommandTests: XCTestCase {
  static let header =
    "办件编号,实施编码,事项编码,事项名称,办件类型,办件类型代码,申请者名称,申请者证件类型代码,申请者证件号码,联系人手机号码,申报来源代码,申请时间,行政区划"

  func testTheClerkImportsThePlatformsApplications() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("demo.db").path
    func zwfw(_ args: String...) throws -> Zwfw.Result {
      try Zwfw.run(["--db", db, "--now", "2026-11-26T10:00", "--as", "liuyang"] + args, home: home)
    }
    XCTAssertEqual(try Zwfw.run(["--db", db, "demo"], home: home).status, 0)
    let file = home.appendingPathComponent("applications.csv")
    let rows = [
      Self.header,
      "GS2026112400001,,SCJG-DJ-001,个体工商户设立登记,承诺件,2,马晓燕,111,620402199202020052,13993012345,2,20261124T093000,620402",
      "GS2026112400002,,SCJG-DJ-001,个体工商户设立登记,承诺件,2,杨建军,111,620421197806150034,13830456789,3,20261125T160000,620402",
    ]
    try Data(("\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n").utf8).write(to: file)
    let first = try zwfw("applications", "import", file.path, "--quiet")
    XCTAssertEqual(first.status, 0, first.err)
    XCTAssertTrue(
      first.out.hasPrefix("已导入 \(file.path): 登记网上申请 2 件,跳过 0 件(办件编号已有)\n"), first.out)
    XCTAssertEqual(first.err, "", "--quiet: no progress")
    let again = try zwfw("applications", "import", file.path, "--quiet")
    XCTAssertTrue(again.out.hasPrefix("第2行 跳过: 平台办件编号 GS2026112400001 已登记为 BYQ-"), again.out)
    XCTAssertTrue(again.out.contains("登记网上申请 0 件,跳过 2 件"), again.out)

    let bad =
      rows + [
        "GS2026112400003,,SCJG-DJ-001,个体工商户设立登记,承诺件,2,张伟,111,620402199001010019,13809431234,2,20261125T160000,620402"
      ]
    try FileManager.default.removeItem(at: file)
    try Data((bad.joined(separator: "\r\n") + "\r\n").utf8).write(to: file)
    let refused = try zwfw("applications", "import", file.path)
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(
      refused.err.contains("applications.csv 第4行「个体工商户设立登记」: 身份证号码校验位错误"), refused.err)
  }
}
