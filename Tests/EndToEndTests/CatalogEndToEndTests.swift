import Foundation
import XCTest

final class CatalogEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    // The demo made the morning the workstation runs in, so its cases are not dated after "now".
    XCTAssertEqual(
      try Zwfw.demo(db: db, now: "2026-11-26T08:30", home: home).status, 0)
  }

  func workstation(as login: String) throws -> Tmux {
    let t = try Tmux(
      width: 80, height: 24, arguments: ["--db", db, "--now", "2026-11-26T09:30", "--as", login],
      home: home)
    try t.waitFor("事项库")
    try t.type(try XCTUnwrap(t.paneDigit("事项库")))
    try t.waitFor("共46项")
    return t
  }

  /// A manager drafts a 变更 of an item's materials; another approves; the test is recorded; the
  /// new version is in effect and the old one is still in the history.
  func testMaterialsChangeFromDraftToNewVersion() throws {
    let zhaolei = try workstation(as: "zhaolei")
    try zhaolei.keys("/")
    try zhaolei.type("个体工商户设立")
    try zhaolei.waitFor("共1项")
    try zhaolei.keys("Enter", "Enter")
    try zhaolei.waitFor("第1版(现行)")
    try zhaolei.keys("F4")
    try zhaolei.waitFor("变更 修改事项要素")
    try zhaolei.keys("Enter")
    try zhaolei.waitFor("起草变更 个体工商户设立登记")
    try zhaolei.keys("F3")
    try zhaolei.waitFor("委托代理人身份证明及授权委托书")
    try zhaolei.keys("F2")
    try zhaolei.waitFor("新增申请材料")
    try zhaolei.type("个体工商户名称自主申报告知书")
    try zhaolei.keys("Tab", "Right", "F5")
    try zhaolei.waitFor("已新增材料")
    try zhaolei.keys("Escape", "BTab", "BTab")
    try zhaolei.type("增加名称自主申报告知书")
    try zhaolei.keys("F5")
    try zhaolei.waitFor("已保存草稿")
    try zhaolei.keys("s")
    try zhaolei.waitFor("Enter/y 确定")
    try zhaolei.keys("Enter")
    try zhaolei.waitFor("等待审核")
    try zhaolei.keys("a")
    try zhaolei.waitFor("不能审核自己起草的变更申请")
    try zhaolei.keys("q")
    XCTAssertEqual(zhaolei.exitStatus(), 0)

    let sunli = try workstation(as: "sunli")
    try sunli.keys("v")
    try sunli.waitFor("变更 个体工商户")
    try sunli.keys("Enter")
    try sunli.waitFor("新增「个体工商户名称自主申报告知书」复印件 1份 必要")
    try sunli.keys("a")
    try sunli.waitFor("Enter/y 确定")
    try sunli.keys("Enter")
    try sunli.waitFor("等待系统测试")
    try sunli.keys("t")
    try sunli.waitFor("测试说明")
    try sunli.keys("Tab")
    try sunli.type("受理、审批流程测试通过")
    try sunli.keys("F5")
    try sunli.waitFor("变更立即生效为新版本")
    try sunli.keys("Enter")
    try sunli.waitFor("第2版已生效")
    try sunli.keys("i")
    let current = try sunli.waitFor("第2版(现行)")
    XCTAssertTrue(current.contains("个体工商户名称自主申报告知书"), current)
    try sunli.keys("PageDown", "PageDown")
    try sunli.waitFor("第1版        2026-11-26 开通")
    try sunli.keys("Left")
    let old = try sunli.waitFor("第1版(历史版本,现行为第2版)")
    XCTAssertFalse(old.contains("名称自主申报告知书"), old)
    try sunli.keys("F10")
    XCTAssertEqual(sunli.exitStatus(), 0)

    let found = try Zwfw.run(["--db", db, "catalog", "search", "SCJG-DJ-001"], home: home)
    XCTAssertEqual(found.out, "SCJG-DJ-001\t个体工商户设立登记\t区市场监督管理局\t1个工作日\t在用\n")
    XCTAssertEqual(try Zwfw.run(["--db", db, "audit", "verify"], home: home).status, 0)
  }

  func testExportImportAndRefusals() throws {
    let file = home.appendingPathComponent("catalog.json").path
    let export = try Zwfw.run(
      ["--db", db, "--as", "zhaolei", "catalog", "export", "--out", file], home: home)
    XCTAssertEqual(export.status, 0, export.err)
    XCTAssertEqual(export.out, "已导出 46 个事项到 \(file)\n")
    let again = try Zwfw.run(
      ["--db", db, "--as", "zhaolei", "catalog", "import", file], home: home)
    XCTAssertEqual(again.out, "已导入 \(file): 新开通 0 项,变更 0 项,未变化 46 项\n")

    // 第八条: a changed file waits for another catalog manager's review.
    let changedText = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
      of: "\"promisedDays\" : 7,", with: "\"promisedDays\" : 1,")
    let changed = home.appendingPathComponent("changed.json").path
    try changedText.write(toFile: changed, atomically: true, encoding: .utf8)
    let pending = try Zwfw.run(
      ["--db", db, "--as", "zhaolei", "catalog", "import", changed], home: home)
    XCTAssertEqual(pending.status, 0, pending.err)
    XCTAssertTrue(
      pending.out.contains("2个事项记录为一项变更申请 BYQ-"), "one change for the file: \(pending.out)")
    XCTAssertTrue(pending.out.contains("已提交审核"), pending.out)
    let change = try XCTUnwrap(
      pending.out.split(separator: " ").first { $0.hasPrefix("BYQ-") }.map {
        String($0.prefix { $0 != "," && $0 != "," })
      })
    let own = try Zwfw.run(
      ["--db", db, "--as", "zhaolei", "catalog", "review", change, "--approve"], home: home)
    XCTAssertEqual(own.status, 1, own.out)
    let reviewed = try Zwfw.run(
      ["--db", db, "--as", "sunli", "catalog", "review", change, "--approve"], home: home)
    XCTAssertEqual(reviewed.status, 0, reviewed.err)
    XCTAssertEqual(reviewed.out, "变更申请 \(change) 已审核通过,导入的2个事项已全部生效\n")
    let found = try Zwfw.run(["--db", db, "catalog", "search", "SCJG-XK-002"], home: home)
    XCTAssertTrue(found.out.contains("\t1个工作日\t"), found.out)

    var text = try String(contentsOfFile: file, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"legalDays\" : 3,", with: "\"legalDays\" : \"三\",")
    let bad = home.appendingPathComponent("bad.json").path
    try text.write(toFile: bad, atomically: true, encoding: .utf8)
    let refused = try Zwfw.run(
      ["--db", db, "--as", "zhaolei", "catalog", "import", bad], home: home)
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.err.hasPrefix("zwfw: 第"), refused.err)
    XCTAssertTrue(refused.err.contains("项(SCJG-DJ-001)「法定时限」应为整数(工作日数)\n"), refused.err)

    let clerk = try Zwfw.run(
      ["--db", db, "--as", "huangmei", "catalog", "export", "--out", file], home: home)
    XCTAssertEqual(clerk.status, 1)
    XCTAssertTrue(clerk.err.contains("黄梅没有事项管理或系统管理角色,不能导出事项库"), clerk.err)
    let usage = try Zwfw.run(["--db", db, "--as", "zhaolei", "catalog", "export"], home: home)
    XCTAssertEqual(usage.status, 64)
  }

  /// Issue 15: a catalog manager's import is ONE change in the queue, naming how many items and
  /// which; another manager reviews it once with `a` and all its items take effect together — or
  /// refuses it with `r` and none does.
  func testImportReviewedOnceInTheChangeQueue() throws {
    let file = home.appendingPathComponent("catalog.json").path
    XCTAssertEqual(
      try Zwfw.run(["--db", db, "--as", "zhaolei", "catalog", "export", "--out", file], home: home)
        .status, 0)
    let changed = home.appendingPathComponent("changed.json").path
    try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
      of: "\"promisedDays\" : 7,", with: "\"promisedDays\" : 1,"
    ).write(toFile: changed, atomically: true, encoding: .utf8)
    let imported = try Zwfw.run(
      ["--db", db, "--as", "zhaolei", "catalog", "import", changed], home: home)
    XCTAssertEqual(imported.status, 0, imported.err)

    let sunli = try workstation(as: "sunli")
    try sunli.keys("v")
    try sunli.waitFor("导入 2项")
    try sunli.keys("Enter")
    let detail = try sunli.waitFor("导入的事项(2项,审核通过后同时生效)")
    XCTAssertTrue(detail.contains("变更 食品经营许可(SCJG-XK-001)"), detail)
    XCTAssertTrue(detail.contains("7个工作日 改为 1个工作日"), detail)
    try sunli.keys("a")
    try sunli.waitFor("通过后导入的2个事项全部立即生效为新版本")
    try sunli.keys("Enter")
    try sunli.waitFor("导入的2个事项已全部生效")
    try sunli.keys("F10")
    XCTAssertEqual(sunli.exitStatus(), 0)
    for code in ["SCJG-XK-001", "SCJG-XK-002"] {
      let found = try Zwfw.run(["--db", db, "catalog", "search", code], home: home)
      XCTAssertTrue(found.out.contains("\t1个工作日\t"), found.out)
    }

    // The next file touches other organisations' items too: 孙丽 (市场监管) may not review it, the
    // centre's supervisor refuses it, and nothing of it takes effect.
    let again = home.appendingPathComponent("again.json").path
    try String(contentsOfFile: changed, encoding: .utf8).replacingOccurrences(
      of: "\"promisedDays\" : 1,", with: "\"promisedDays\" : 2,"
    ).write(toFile: again, atomically: true, encoding: .utf8)
    XCTAssertEqual(
      try Zwfw.run(["--db", db, "--as", "zhaolei", "catalog", "import", again], home: home).status,
      0)
    let department = try workstation(as: "sunli")
    try department.keys("v")
    try department.waitFor("导入 ")
    try department.keys("Enter")
    try department.waitFor("导入的事项(")
    try department.keys("r")
    try department.waitFor("只能变更本单位的事项")
    try department.keys("F10")
    XCTAssertEqual(department.exitStatus(), 0)
    let reviewer = try workstation(as: "chenjing")
    try reviewer.keys("v")
    try reviewer.waitFor("导入 ")
    try reviewer.keys("Enter")
    try reviewer.waitFor("导入的事项(")
    try reviewer.keys("r")
    try reviewer.waitFor("退回原因")
    try reviewer.type("时限未经论证")
    try reviewer.keys("F5")
    try reviewer.waitFor("未通过审核")
    try reviewer.keys("F10")
    XCTAssertEqual(reviewer.exitStatus(), 0)
    let kept = try Zwfw.run(["--db", db, "catalog", "search", "SCJG-XK-002"], home: home)
    XCTAssertTrue(kept.out.contains("\t1个工作日\t"), kept.out)
    XCTAssertEqual(try Zwfw.run(["--db", db, "audit", "verify"], home: home).status, 0)
  }

  /// Issue 20 item 7: `catalog search` finds items as clerks speak of them.
  func testSearchByPinyinAndAlias() throws {
    let initials = try Zwfw.run(["--db", db, "catalog", "search", "gtgsdj"], home: home)
    XCTAssertEqual(initials.status, 0, initials.err)
    XCTAssertTrue(
      initials.out.hasPrefix("SCJG-DJ-001\t个体工商户设立登记\t区市场监督管理局\t"), initials.out)
    let alias = try Zwfw.run(["--db", db, "catalog", "search", "低保"], home: home)
    XCTAssertTrue(alias.out.hasPrefix("MZJ-JF-001\t最低生活保障\t"), alias.out)
    let spoken = try Zwfw.run(["--db", db, "catalog", "search", "dibao"], home: home)
    XCTAssertTrue(spoken.out.hasPrefix("MZJ-JF-001\t最低生活保障\t"), spoken.out)
  }

  /// Issue 25 item 3: the printed 办事指南 of a version, in the notices' layout.
  func testServiceGuideOfAVersion() throws {
    let guide = try Zwfw.run(["--db", db, "catalog", "guide", "SCJG-DJ-001"], home: home)
    XCTAssertEqual(guide.status, 0, guide.err)
    XCTAssertTrue(guide.out.contains("个体工商户设立登记办事指南"), guide.out)
    XCTAssertTrue(guide.out.contains("五、申请材料:"), guide.out)
    XCTAssertTrue(guide.out.contains("又称:个体户执照、办营业执照"), guide.out)
    let file = home.appendingPathComponent("guide.txt").path
    let written = try Zwfw.run(
      ["--db", db, "catalog", "guide", "SCJG-XK-001", "--at", "1", "--out", file], home: home)
    XCTAssertEqual(written.status, 0, written.err)
    XCTAssertTrue(
      try String(contentsOfFile: file, encoding: .utf8).contains("第1版"), "the version asked")
    let missing = try Zwfw.run(["--db", db, "catalog", "guide", "NOPE-1"], home: home)
    XCTAssertEqual(missing.status, 1)
  }
}
