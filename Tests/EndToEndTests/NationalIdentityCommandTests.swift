import Foundation
import XCTest

/// `init --region`, `org add --credit-code`, `org set --credit-code` and what `doctor` says of
/// them, as a district admin types them.
final class NationalIdentityCommandTests: XCTestCase {
  func testRegionAndCreditCodesFromTheCommandLine() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("node/district.db").path
    func zwfw(_ args: String...) throws -> Zwfw.Result {
      try Zwfw.run(["--db", db] + args, home: home)
    }
    let init0 = [
      "init", "--db", db, "--node", "BYQ", "--name", "白银区政务服务中心", "--admin", "root", "--district",
    ]
    let bad = try Zwfw.run(init0 + ["--region", "62040"], home: home)
    XCTAssertEqual(bad.status, 1)
    XCTAssertTrue(bad.err.contains("区县应为6位数字"), bad.err)
    XCTAssertFalse(FileManager.default.fileExists(atPath: db), "nothing created")
    XCTAssertEqual(try Zwfw.run(init0 + ["--region", "620402"], home: home).status, 0)

    let wrong = try zwfw(
      "org", "add", "SCJG", "--name", "区市场监督管理局", "--kind", "部门", "--credit-code",
      "11620402MB1592374A")
    XCTAssertEqual(wrong.status, 1)
    XCTAssertTrue(wrong.err.contains("校验码应为「Y」"), wrong.err)
    let add = try zwfw(
      "org", "add", "SCJG", "--name", "区市场监督管理局", "--kind", "部门", "--credit-code",
      "11620402mb1592374y")
    XCTAssertEqual(add.status, 0, add.err)

    let doctor = try zwfw("doctor")
    XCTAssertTrue(doctor.out.contains("✔ 行政区划代码: 620402"), doctor.out)
    XCTAssertTrue(
      doctor.out.contains("✘ 统一社会信用代码: 白银区政务服务中心(BYQ) 没有统一社会信用代码"), doctor.out)
    XCTAssertTrue(doctor.out.contains("zwfw org set BYQ --credit-code"), doctor.out)

    let set = try zwfw("org", "set", "BYQ", "--credit-code", "11620402MB15923374")
    XCTAssertEqual(set.out, "单位 BYQ 的统一社会信用代码已登记为 11620402MB15923374\n", set.err)
    XCTAssertTrue(try zwfw("doctor").out.contains("✔ 统一社会信用代码: 每个在用单位都已登记"))
    let taken = try zwfw("org", "set", "SCJG", "--credit-code", "11620402MB15923374")
    XCTAssertEqual(taken.status, 1)
    XCTAssertTrue(taken.err.contains("已是单位「白银区政务服务中心」(BYQ)的代码"), taken.err)
  }

  /// `export gbt39046` from the demo: the files it names, then a refusal of the same folder.
  func testExportForTheProvince() throws {
    let home = temporaryDirectory()
    let db = home.appendingPathComponent("demo.db").path
    func zwfw(_ args: String...) throws -> Zwfw.Result {
      try Zwfw.run(["--db", db] + args, home: home)
    }
    XCTAssertEqual(try zwfw("demo").status, 0)
    let out = home.appendingPathComponent("gbt39046-202610").path
    let r = try zwfw(
      "export", "gbt39046", "--from", "2026-01-01", "--to", "2026-12-31", "--out-dir", out)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.hasPrefix("已导出 2026-01-01 至 2026-12-31 的上报数据到 \(out):\n"), r.out)
    XCTAssertTrue(r.out.contains("  manifest.csv\t10 行\n"), r.out)
    let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    XCTAssertEqual(names.count, 11, "\(names)")
    let again = try zwfw(
      "export", "gbt39046", "--from", "2026-01-01", "--to", "2026-12-31", "--out-dir", out)
    XCTAssertEqual(again.status, 1)
    XCTAssertTrue(again.err.contains("不是空的"), again.err)
    let backwards = try zwfw(
      "export", "gbt39046", "--from", "2026-12-31", "--to", "2026-01-01", "--out-dir", out + "x")
    XCTAssertEqual(backwards.status, 64, backwards.err)

    // Its implementation list, in the standard's form, into a fresh district.
    let fresh = home.appendingPathComponent("fresh.db").path
    XCTAssertEqual(
      try Zwfw.run(
        [
          "init", "--db", fresh, "--node", "QTQ", "--name", "其他区", "--admin", "root",
          "--district", "--region", "620402",
        ], home: home
      ).status, 0)
    let noMaterials = try Zwfw.run(
      ["--db", fresh, "catalog", "import", out + "/items.csv"], home: home)
    XCTAssertEqual(noMaterials.status, 64)
    XCTAssertTrue(noMaterials.err.contains("--materials"), noMaterials.err)
    let imported = try Zwfw.run(
      [
        "--db", fresh, "catalog", "import", out + "/items.csv", "--materials",
        out + "/materials.csv", "--create-orgs",
      ], home: home)
    XCTAssertEqual(imported.status, 0, imported.err)
    XCTAssertTrue(imported.out.contains("已按文件创建单位 MB1592374 区市场监督管理局(部门)"), imported.out)
    XCTAssertTrue(imported.out.contains("首次导入"), imported.out)
  }
}
