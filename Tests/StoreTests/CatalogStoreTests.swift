import Domain
import Foundation
import XCTest

@testable import Store

final class CatalogStoreTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func staff(_ login: String) throws -> Staff { try store.resolveOperator(login: login) }

  /// A 变更 of the materials of 个体工商户设立登记, as the end-to-end test does it.
  func materialsProposal() throws -> ChangeProposal {
    let current = try XCTUnwrap(try store.catalogItem(code: "SCJG-DJ-001"))
    var item = current.content
    item.materials.append(Material(name: "个体工商户名称自主申报告知书", form: .copy))
    return ChangeProposal(
      .modify, proposing: item, base: current.version, reason: "增加名称自主申报材料")
  }

  func testDemoCatalogHasRealisticItemsAndPendingWork() throws {
    XCTAssertGreaterThanOrEqual(try store.catalogItemCount(), 30)
    let all = try store.allCatalogItems()
    XCTAssertGreaterThanOrEqual(Set(all.map(\.type)).count, 7)
    XCTAssertGreaterThanOrEqual(Set(all.map(\.organisation)).count, 12)
    XCTAssertEqual(try store.catalogItem(code: "SCJG-XK-003")?.status, .suspended)
    XCTAssertEqual(try store.catalogItem(code: "WJJ-QR-001")?.status, .terminated)
    XCTAssertEqual(try store.catalogItem(code: "SCJG-XK-001")?.version, 2)
    let queue = try store.catalogChanges(openOnly: true)
    XCTAssertEqual(
      Set(queue.map(\.stage)), [.submitted, .awaitingFiling, .draft],
      "a change awaiting review, an urgent one awaiting 报备, a draft")
    let deadlines = try store.db.fetchAll(
      "SELECT due_date FROM deadline WHERE kind = 'listAdjustment' ORDER BY due_date"
    ) { $0.text(0) }
    XCTAssertEqual(deadlines, ["2026-11-19", "2026-11-30"], "one overdue, one due soon on 11-26")
  }

  func testChangeLifecycleKeepsEveryVersion() throws {
    let id = try store.draftCatalogChange(try materialsProposal(), by: try staff("zhaolei"))
    try store.perform(CatalogChangeCommand.submit, on: id, as: try staff("zhaolei"))
    try store.perform(CatalogChangeCommand.approve(note: "同意"), on: id, as: try staff("sunli"))
    XCTAssertEqual(try store.catalogItem(code: "SCJG-DJ-001")?.version, 1, "not before the test")
    let done = try store.perform(
      CatalogChangeCommand.recordTest(passed: true, note: "测试通过"), on: id, as: try staff("zhaolei"))
    XCTAssertEqual(done.after.stage, .effective)
    let now = try XCTUnwrap(try store.catalogItem(code: "SCJG-DJ-001"))
    XCTAssertEqual(now.version, 2)
    XCTAssertEqual(now.materials.count, 5)
    XCTAssertEqual(now.changeID, id)
    XCTAssertEqual(now.effectiveOn?.iso, "2026-11-26")
    // A case registered under version 1 still reads version 1.
    XCTAssertEqual(try store.catalogItem(code: "SCJG-DJ-001", version: 1)?.materials.count, 4)
    XCTAssertEqual(try store.catalogVersions(code: "SCJG-DJ-001").map(\.version), [1, 2])
    XCTAssertEqual(try store.catalogVersions(code: "SCJG-DJ-001").last?.kind, .modify)
    let types = try store.events(stream: "catalogchange/\(id)").map(\.type.rawValue)
    XCTAssertEqual(
      types,
      [
        "catalogChange.drafted", "catalogChange.submitted", "catalogChange.approved",
        "catalogChange.tested",
      ])
    XCTAssertEqual(try store.pendingCatalogChange(itemCode: "SCJG-DJ-001"), nil)
  }

  func testSelfApprovalIsRefusedAndLogged() throws {
    let id = try store.draftCatalogChange(try materialsProposal(), by: try staff("sunli"))
    try store.perform(CatalogChangeCommand.submit, on: id, as: try staff("sunli"))
    let before = try store.eventCount()
    XCTAssertThrowsError(
      try store.perform(CatalogChangeCommand.approve(note: ""), on: id, as: try staff("sunli"))
    ) {
      XCTAssertEqual(
        ($0 as? Refusal)?.description, "不能审核自己起草的变更申请,请另一名事项管理员或督办人员审核(第十二条)")
    }
    XCTAssertEqual(try store.eventCount(), before)
    XCTAssertEqual(try store.refusals().first?.action, "审核事项变更")
  }

  func testTownshipClerkBrowsesButCannotDraft() throws {
    let huangmei = try staff("huangmei")
    XCTAssertNotNil(try store.catalogItem(code: "SLZ-XK-001"))
    XCTAssertThrowsError(try store.draftCatalogChange(try materialsProposal(), by: huangmei)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "黄梅没有事项管理角色,不能起草事项变更")
    }
    XCTAssertThrowsError(try store.exportCatalog(by: huangmei)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "黄梅没有事项管理或系统管理角色,不能导出事项库")
    }
  }

  func testOnlyTheDistrictNodeAuthorsTheCatalog() throws {
    let dir = temporaryDirectory()
    let township = try Store.create(
      path: dir.appendingPathComponent("wxz.db").path,
      node: NodeIdentity(code: "WXZ", name: "王岘镇", district: "BYQ", isDistrict: false))
    let manager = Staff(login: "zhaolei", name: "赵磊", org: "WXZ", roles: [.catalog])
    XCTAssertThrowsError(try township.draftCatalogChange(try materialsProposal(), by: manager)) {
      XCTAssertEqual(
        ($0 as? Refusal)?.description, "事项库由区级节点统一维护,本节点(王岘镇)通过同步接收(第十三条)")
    }
  }

  func testOneChangeAtATimePerItem() throws {
    try store.draftCatalogChange(try materialsProposal(), by: try staff("zhaolei"))
    XCTAssertThrowsError(
      try store.draftCatalogChange(try materialsProposal(), by: try staff("sunli"))
    ) {
      XCTAssertTrue(($0 as? Refusal)?.message.contains("已有未办结的变更申请") ?? false, "\($0)")
    }
  }

  func testUrgentChangeStaysInTheQueueUntilFiled() throws {
    let current = try XCTUnwrap(try store.catalogItem(code: "MZJ-JF-002"))
    let id = try store.draftCatalogChange(
      CatalogChangeMachine.statusProposal(
        .suspend, current: current, reason: "资金未到位", urgent: true),
      by: try staff("zhaolei"))
    let submitted = try store.perform(CatalogChangeCommand.submit, on: id, as: try staff("zhaolei"))
    XCTAssertEqual(submitted.after.stage, .awaitingFiling)
    XCTAssertEqual(try store.catalogItem(code: "MZJ-JF-002")?.status, .suspended)
    XCTAssertTrue(try store.catalogChanges(openOnly: true).contains { $0.id == id })
    try store.perform(
      CatalogChangeCommand.file(note: "已向区政府办公室报备"), on: id, as: try staff("zhaolei"))
    XCTAssertFalse(try store.catalogChanges(openOnly: true).contains { $0.id == id })
    XCTAssertEqual(try store.catalogChange(id: id)?.filingNote, "已向区政府办公室报备")
  }

  func testListAdjustmentIsSettledByTheChangeAndLeavesTheDeadlineIndex() throws {
    let zhaolei = try staff("zhaolei")
    let task = try store.recordListAdjustment(
      .adjustment(
        of: .crossProvince, on: CivilDate(iso: "2026-11-20") ?? store.today,
        document: "国办发〔2026〕5号", description: "", organisation: "SCJG",
        codes: ["SCJG-DJ-001"]), by: zhaolei)
    XCTAssertEqual(
      try store.db.fetchOne("SELECT due_date FROM deadline WHERE case_id = ?", [task]) {
        $0.text(0)
      }, "2026-12-04")
    let id = try store.draftCatalogChange(try materialsProposal(), by: zhaolei)
    try store.perform(CatalogChangeCommand.submit, on: id, as: zhaolei)
    try store.perform(CatalogChangeCommand.approve(note: ""), on: id, as: try staff("chenjing"))
    try store.perform(
      CatalogChangeCommand.recordTest(passed: true, note: "通过"), on: id, as: zhaolei)
    let settled = try XCTUnwrap(try store.listAdjustment(id: task))
    XCTAssertEqual(settled.state, .settled)
    XCTAssertEqual(settled.settled, ["SCJG-DJ-001": id])
    XCTAssertEqual(
      try store.db.fetchInt("SELECT count(*) FROM deadline WHERE case_id = ?", [task]), 0)
  }

  func testSearchAsYouTypeFindsChineseSubstringsAndCodes() throws {
    func codes(_ q: String) throws -> [String] {
      try store.searchCatalogSummaries(q, limit: 50).map(\.code)
    }
    XCTAssertEqual(
      try codes("养"), ["MZJ-QT-001", "RSJ-GG-001", "RSJ-JF-001", "MZJ-JF-003"].sorted())
    XCTAssertEqual(try codes("养老"), ["MZJ-QT-001", "RSJ-GG-001", "RSJ-JF-001"])
    XCTAssertEqual(try codes("养老保险"), ["RSJ-GG-001", "RSJ-JF-001"])
    XCTAssertEqual(try codes("宅基地"), ["SLZ-XK-001", "WXZ-XK-001"])
    XCTAssertEqual(try codes("最低 保障"), ["MZJ-JF-001"])
    XCTAssertEqual(try codes("scjg-xk").count, 3)
    XCTAssertEqual(try codes("SCJG-XK-00").first, "SCJG-XK-001")
    XCTAssertEqual(try codes("MZJ-JF-002").first, "MZJ-JF-002", "an exact code comes first")
    XCTAssertEqual(try codes("%"), [])
    XCTAssertEqual(try codes("\"养老"), [])
    XCTAssertEqual(try codes("").count, try store.catalogItemCount())
    XCTAssertEqual(try store.searchCatalog("残疾人证", limit: 1).map(\.code), ["CLJ-GG-001"])
  }

  func testExportImportRoundTripOnAFreshDistrictNode() throws {
    let zhangmin = try staff("zhangmin")
    let exported = try store.exportCatalog(by: zhangmin)
    let dir = temporaryDirectory()
    let fresh = try Store.create(
      path: dir.appendingPathComponent("fresh.db").path,
      node: NodeIdentity(code: "BYQ", name: "白银区", district: "BYQ", isDistrict: true),
      clock: store.clock)
    for (i, o) in try store.organisations().enumerated() {
      try fresh.defineOrganisation(o, position: i + 1, actor: "admin")
    }
    let summary = try fresh.importCatalog(Data(exported.utf8), source: "x.json", by: zhangmin)
    XCTAssertEqual(summary.opened.count, try store.catalogItemCount())
    XCTAssertEqual(try fresh.exportCatalog(by: zhangmin), exported)
    let imported = try XCTUnwrap(try fresh.catalogChange(id: summary.changeIDs[0]))
    XCTAssertEqual(imported.stage, .effective)
    XCTAssertEqual(imported.importedFrom, "x.json")
    XCTAssertTrue(summary.firstLoad)
    XCTAssertEqual(imported.reason, "首次导入事项库文件 x.json(新区事项库为空)")
    // The same file again changes nothing.
    let before = try fresh.eventCount()
    let again = try fresh.importCatalog(Data(exported.utf8), source: "x.json", by: zhangmin)
    XCTAssertEqual(again.unchanged.count, summary.opened.count)
    XCTAssertEqual(try fresh.eventCount(), before)
  }

  /// 第八条 (issue 15): an import is ONE change holding all its items — one catalog manager's
  /// file waits for another's review and then takes effect whole (only a new district's first
  /// load does not wait).
  func testImportedDifferencesAwaitAnotherManagersReview() throws {
    let zhaolei = try staff("zhaolei")
    var text = try store.exportCatalog(by: zhaolei)
    text = text.replacingOccurrences(
      of: "\"phone\" : \"0943-8221401\"", with: "\"phone\" : \"0943-8221499\"")
    let summary = try store.importCatalog(Data(text.utf8), source: "new.json", by: zhaolei)
    XCTAssertFalse(summary.firstLoad)
    XCTAssertEqual(summary.changed, ["CLJ-GG-001", "CLJ-GG-002"])
    XCTAssertEqual(summary.changeIDs.count, 1, "one change for the whole file")
    XCTAssertEqual(try store.catalogItem(code: "CLJ-GG-001")?.version, 1, "not in effect yet")
    let id = summary.changeIDs[0]
    let change = try XCTUnwrap(try store.catalogChange(id: id))
    XCTAssertEqual(change.kind, .batch)
    XCTAssertEqual(change.stage, .submitted)
    XCTAssertEqual(change.items?.map(\.itemCode), ["CLJ-GG-001", "CLJ-GG-002"])
    XCTAssertEqual(change.reason, "导入事项库文件 new.json")
    XCTAssertEqual(try store.catalogChanges(openOnly: true).first?.id, id, "in the queue")
    XCTAssertEqual(try store.pendingCatalogChange(itemCode: "CLJ-GG-002"), id)
    XCTAssertThrowsError(
      try store.draftCatalogChange(
        CatalogChangeMachine.statusProposal(
          .suspend, current: try XCTUnwrap(try store.catalogItem(code: "CLJ-GG-002")),
          reason: "暂停", urgent: false), by: zhaolei), "the item waits for the import")
    XCTAssertThrowsError(
      try store.perform(CatalogChangeCommand.approve(note: ""), on: id, as: zhaolei),
      "not by the importer")
    XCTAssertThrowsError(
      try store.perform(CatalogChangeCommand.approve(note: ""), on: id, as: try staff("sunli")),
      "a department's manager does not change 残联's items")
    let before = try store.projectionDump()
    try store.perform(CatalogChangeCommand.approve(note: ""), on: id, as: try staff("chenjing"))
    XCTAssertNotEqual(try store.projectionDump(), before)
    XCTAssertEqual(try store.catalogChange(id: id)?.stage, .effective)
    for code in ["CLJ-GG-001", "CLJ-GG-002"] {
      XCTAssertEqual(try store.catalogItem(code: code)?.version, 2, code)
      XCTAssertEqual(try store.catalogItem(code: code)?.phone, "0943-8221499", code)
      XCTAssertEqual(try store.catalogItem(code: code)?.changeID, id, code)
    }
    XCTAssertEqual(try store.catalogItem(code: "CLJ-GG-001", version: 1)?.phone, "0943-8221401")
    XCTAssertNil(try store.pendingCatalogChange(itemCode: "CLJ-GG-002"))
    XCTAssertEqual(try store.auditFindings(fast: false).map(\.message), [])
    let live = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
  }

  /// 退回 an import: none of its items takes effect, and they are free for other changes.
  func testRefusedImportChangesNothing() throws {
    let zhaolei = try staff("zhaolei")
    var text = try store.exportCatalog(by: zhaolei)
    text = text.replacingOccurrences(
      of: "\"phone\" : \"0943-8221401\"", with: "\"phone\" : \"0943-8221499\"")
    let id = try XCTUnwrap(
      try store.importCatalog(Data(text.utf8), source: "new.json", by: zhaolei).changeIDs.first)
    let items = try store.allCatalogItems()
    try store.perform(
      CatalogChangeCommand.sendBack(reason: "电话号码未经核实"), on: id, as: try staff("chenjing"))
    XCTAssertEqual(try store.catalogChange(id: id)?.stage, .refused)
    XCTAssertEqual(try store.allCatalogItems(), items)
    XCTAssertFalse(try store.catalogChanges(openOnly: true).contains { $0.id == id })
    XCTAssertNil(try store.pendingCatalogChange(itemCode: "CLJ-GG-001"))
    // The corrected file is a new import.
    let again = try store.importCatalog(Data(text.utf8), source: "new.json", by: zhaolei)
    XCTAssertNotEqual(again.changeIDs.first, id)
  }

  func testInvalidImportIsRefusedWholeWithItemAndField() throws {
    let zhaolei = try staff("zhaolei")
    var text = try store.exportCatalog(by: zhaolei)
    text = text.replacingOccurrences(
      of: "\"phone\" : \"0943-8221401\"", with: "\"phone\" : \"8221\"")
    let before = try store.eventCount()
    XCTAssertThrowsError(try store.importCatalog(Data(text.utf8), source: "bad.json", by: zhaolei))
    {
      XCTAssertEqual(
        ($0 as? Refusal)?.message,
        "第1项(CLJ-GG-001)「咨询电话」联系电话应为手机号码或固定电话(如0943-8221234)")
    }
    XCTAssertEqual(try store.eventCount(), before)
  }

  func testRebuildEqualsLiveTables() throws {
    let id = try store.draftCatalogChange(try materialsProposal(), by: try staff("zhaolei"))
    try store.perform(CatalogChangeCommand.submit, on: id, as: try staff("zhaolei"))
    let live = try store.projectionDump()
    XCTAssertTrue(live.contains("## catalog_search"))
    XCTAssertTrue(
      live.split(separator: "\n").contains {
        $0.hasPrefix("BYQ-2026-") && $0.contains("\tlicensing")
      },
      "list adjustments in the dump")
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
    XCTAssertEqual(try store.searchCatalogSummaries("宅基地", limit: 5).count, 2, "index rebuilt")
    XCTAssertEqual(store.db.busyStatementCount, 0)
  }
}

/// 事项归属 (issue 20 item 5) through the store and `audit verify`.
final class CatalogOwnershipStoreTests: XCTestCase {
  func testADepartmentsManagerIsRefusedAnotherOrganisationsItemAndTheAuditNamesIt() throws {
    let (store, _) = try makeDemo()
    let sunli = try store.resolveOperator(login: "sunli")  // 区市场监督管理局
    let current = try XCTUnwrap(try store.catalogItem(code: "MZJ-JF-002"))
    let proposal = CatalogChangeMachine.statusProposal(
      .suspend, current: current, reason: "暂停受理", urgent: false)
    XCTAssertThrowsError(try store.draftCatalogChange(proposal, by: sunli)) {
      XCTAssertTrue(
        ($0 as? Refusal)?.message.hasPrefix("孙丽(区市场监督管理局)只能变更本单位的事项;涉及区民政局的事项") ?? false,
        "\($0)")
    }
    // The same step written into the journal past the rules: `audit verify` names it.
    try store.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: "catalogchange/BYQ-2026-999998", type: .catalogChangeDrafted,
            payload: CanonicalJSON.encode(proposal))
        ], origin: store.node.origin, node: "BYQ", actor: "sunli",
        timestamp: Int64(Date().timeIntervalSince1970 * 1000), db: store.db)
    }
    let messages = try store.auditFindings().map(\.message)
    XCTAssertTrue(
      messages.contains {
        $0.hasPrefix("catalogchange/BYQ-2026-999998 的事件") && $0.contains("只能变更本单位的事项")
      }, "\(messages)")
  }
}

/// 按拼音和别名检索事项 (issue 20 item 7), as the item picker and `catalog search` ask it.
final class CatalogSpokenSearchTests: XCTestCase {
  func testPinyinInitialsSyllablesAndAliasesFindItems() throws {
    let (store, _) = try makeDemo()
    func codes(_ text: String) throws -> [String] {
      try store.searchCatalogSummaries(text, limit: 10).map(\.code)
    }
    XCTAssertEqual(try codes("gtgsdj").first, "SCJG-DJ-001", "个体工商户设立登记 first")
    XCTAssertTrue(try codes("gtgsdj").contains("SCJG-DJ-002"), "个体工商户注销登记 too")
    XCTAssertEqual(try codes("zuidishenghuobaozhang"), ["MZJ-JF-001"])
    XCTAssertEqual(try codes("低保"), ["MZJ-JF-001"], "an alias")
    XCTAssertEqual(try codes("dibao"), ["MZJ-JF-001"], "an alias's pinyin")
    XCTAssertEqual(try codes("低保金"), ["MZJ-JF-001"], "a long alias through the trigram index")
    XCTAssertEqual(try codes("SCJG-DJ-001"), ["SCJG-DJ-001"], "codes as before")
    XCTAssertEqual(try codes("zzzz"), [])
    XCTAssertEqual(try store.searchCatalog("cjz", limit: 5).first?.code, "CLJ-GG-001")
    // The picker's directory search is the same search.
    XCTAssertEqual(try store.searchDirectory("dibao", limit: 5).first?.snapshot.code, "MZJ-JF-001")
  }

  func testAliasesTravelThroughExportImportAndShowInTheDiff() throws {
    let (store, _) = try makeDemo()
    let zhaolei = try store.resolveOperator(login: "zhaolei")
    let exported = try store.exportCatalog(by: zhaolei)
    XCTAssertTrue(exported.contains("\"aliases\" : ["), exported.prefix(300).description)
    let changed = exported.replacingOccurrences(of: "\"办残疾证\"", with: "\"残疾人证\"")
    let id = try XCTUnwrap(
      try store.importCatalog(Data(changed.utf8), source: "a.json", by: zhaolei).changeIDs.first)
    let c = try XCTUnwrap(try store.catalogChange(id: id))
    let item = try XCTUnwrap(c.items?.first)
    let base = try XCTUnwrap(try store.catalogItem(code: item.itemCode))
    XCTAssertEqual(
      item.proposed.differences(from: base).map { "\($0.field.title): \($0.old) → \($0.new)" },
      ["别名: 残疾证、办残疾证 → 残疾证、残疾人证"])
  }
}
