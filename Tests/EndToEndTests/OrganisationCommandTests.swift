import Foundation
import XCTest

/// `zwfw org …` and `catalog import --create-orgs` on a fresh district, as its admin would.
final class OrganisationCommandTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("node/district.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    let r = try Zwfw.run(
      [
        "init", "--db", db, "--node", "BYQ", "--name", "白银区政务服务中心", "--admin", "root",
        "--district",
      ], home: home)
    XCTAssertEqual(r.status, 0, r.err)
  }

  func zwfw(_ args: String...) throws -> Zwfw.Result {
    try Zwfw.run(["--db", db] + args, home: home)
  }

  func assertRefused(_ r: Zwfw.Result, _ fragment: String, line: UInt = #line) {
    XCTAssertEqual(r.status, 1, r.err, line: line)
    XCTAssertTrue(r.err.contains(fragment), r.err, line: line)
  }

  func testAddListRenameDisableAndTheirRefusals() throws {
    let add = try zwfw("org", "add", "SCJG", "--name", " 区市场监督管理局 ", "--kind", "部门")
    XCTAssertEqual(add.status, 0, add.err)
    XCTAssertEqual(
      try zwfw("org", "add", "SCJGS1", "--name", "市场监管一所", "--kind", "部门", "--parent", "SCJG")
        .status, 0)
    XCTAssertEqual(
      try zwfw("org", "list").out,
      "BYQ\t白银区政务服务中心\t区级\t-\t在用\nSCJG\t区市场监督管理局\t部门\t-\t在用\n"
        + "SCJGS1\t市场监管一所\t部门\tSCJG\t在用\n")
    XCTAssertEqual(try zwfw("staff", "orgs").out, try zwfw("org", "list").out, "synonym")

    assertRefused(
      try zwfw("org", "add", "SCJG", "--name", "别的局", "--kind", "部门"), "单位代码「SCJG」已被「区市场监督管理局」使用")
    assertRefused(
      try zwfw("org", "add", "MZJ", "--name", "区市场监督管理局", "--kind", "部门"),
      "单位名称「区市场监督管理局」已被单位 SCJG 使用")
    assertRefused(try zwfw("org", "add", "mzj", "--name", "区民政局", "--kind", "部门"), "单位代码「mzj」无效")
    assertRefused(
      try zwfw("org", "add", "MZJ", "--name", "区民政局\u{1B}[2J", "--kind", "部门"), "含有控制字符")
    assertRefused(
      try zwfw("org", "add", "MZJ", "--name", String(repeating: "民", count: 31), "--kind", "部门"),
      "不能超过30个字")
    assertRefused(
      try zwfw("org", "add", "MZJ", "--name", "区民政局", "--kind", "部门", "--parent", "NONE"),
      "上级单位「NONE」不存在")
    let badKind = try zwfw("org", "add", "MZJ", "--name", "区民政局", "--kind", "局")
    XCTAssertEqual(badKind.status, 64)
    XCTAssertTrue(badKind.err.contains("应为 部门、乡镇、街道 或 中心"), badKind.err)

    XCTAssertEqual(try zwfw("org", "rename", "SCJG", "--name", "区市场监管局").status, 0)
    XCTAssertTrue(try zwfw("org", "list").out.contains("SCJG\t区市场监管局\t部门"))
    assertRefused(try zwfw("org", "rename", "NONE", "--name", "某局"), "单位「NONE」不存在")

    // Staff and children keep an organisation in use; the refusal gives the counts.
    XCTAssertEqual(
      try zwfw("staff", "add", "lixin", "--name", "李欣", "--org", "SCJG", "--roles", "handler")
        .status, 0)
    assertRefused(try zwfw("org", "disable", "SCJG"), "还有 0 件办理中的案件、1 名在用账号")
    XCTAssertEqual(try zwfw("staff", "disable", "lixin").status, 0)
    assertRefused(try zwfw("org", "disable", "SCJG"), "还有 1 个下属单位在用")
    XCTAssertEqual(try zwfw("org", "disable", "SCJGS1").status, 0)
    XCTAssertEqual(try zwfw("org", "disable", "SCJG").status, 0)
    assertRefused(try zwfw("org", "disable", "SCJG"), "已是停用状态")
    assertRefused(try zwfw("org", "disable", "BYQ"), "不能停用本节点自己的单位")
    assertRefused(
      try zwfw("staff", "add", "wang", "--name", "王", "--org", "SCJG", "--roles", "handler"),
      "单位「SCJG」已停用")
    XCTAssertTrue(try zwfw("org", "list").out.contains("SCJG\t区市场监管局\t部门\t-\t停用"))
    XCTAssertEqual(try zwfw("org", "enable", "SCJG").status, 0)

    // Every change is an event in the chain.
    XCTAssertEqual(try zwfw("audit", "verify").status, 0)
  }

  func testOpenCasesKeepAnOrganisationFromBeingDisabled() throws {
    let demo = home.appendingPathComponent("demo.db").path
    XCTAssertEqual(try Zwfw.demo(db: demo, home: home).status, 0)
    for login in ["zhengtao", "liuyang"] {
      // Clear WXZ of accounts so only its cases remain in the way.
      _ = try Zwfw.run(["--db", demo, "staff", "disable", login], home: home)
    }
    let r = try Zwfw.run(["--db", demo, "org", "disable", "WXZ"], home: home)
    XCTAssertEqual(r.status, 1, r.err)
    XCTAssertTrue(
      r.err.range(of: "还有 [1-9][0-9]* 件办理中的案件", options: .regularExpression) != nil, r.err)
  }

  func testCatalogIntoAFreshDistrictWithAndWithoutCreateOrgs() throws {
    let demo = home.appendingPathComponent("demo.db").path
    XCTAssertEqual(try Zwfw.demo(db: demo, home: home).status, 0)
    let file = home.appendingPathComponent("catalog.json").path
    XCTAssertEqual(
      try Zwfw.run(["--db", demo, "catalog", "export", "--out", file], home: home).status, 0)

    let refused = try zwfw("catalog", "import", file)
    assertRefused(refused, "文件中的实施主体有 16 个单位本节点没有: CLJ 区残疾人联合会(部门)、GAJ 区公安分局(部门)、MZJ 区民政局(部门)")
    XCTAssertTrue(refused.err.contains("--create-orgs"), refused.err)
    XCTAssertEqual(try zwfw("org", "list").out.split(separator: "\n").count, 1, "nothing created")

    let created = try zwfw("catalog", "import", file, "--create-orgs")
    XCTAssertEqual(created.status, 0, created.err)
    XCTAssertTrue(created.out.contains("已按文件创建单位 SCJG 区市场监督管理局(部门)"), created.out)
    XCTAssertTrue(created.out.contains("新开通 46 项"), created.out)
    XCTAssertTrue(try zwfw("org", "list").out.contains("WXZ\t王岘镇\t乡镇\t-\t在用"))

    // An older file names organisations without carrying them: refused, nothing written.
    let older = home.appendingPathComponent("older.json").path
    let source = Zwfw.repositoryRoot.appendingPathComponent("share/zwfw/demo/catalog.json")
    try FileManager.default.copyItem(atPath: source.path, toPath: older)
    let other = home.appendingPathComponent("other.db").path
    XCTAssertEqual(
      try Zwfw.run(
        [
          "init", "--db", other, "--node", "QTQ", "--name", "其他区", "--admin", "root",
          "--district",
        ], home: home
      ).status, 0)
    let r = try Zwfw.run(["--db", other, "catalog", "import", older, "--create-orgs"], home: home)
    assertRefused(r, "文件没有载明单位 CLJ、MZJ")
  }
}
