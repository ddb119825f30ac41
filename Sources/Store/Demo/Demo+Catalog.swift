import Domain
import Foundation

extension Demo {
  /// 事项库 demo: the catalog file imported, then the lifecycle at work through the same commands a
  /// manager uses — a reviewed and tested 变更, a 终止, an urgent 暂停 awaiting 报备, a change
  /// awaiting review, a draft, and two list adjustments (one overdue, one due soon).
  static let catalog = DemoSeed("事项库") { store, env in
    guard let zhaolei = env.staff("zhaolei"), let sunli = env.staff("sunli"),
      let chenjing = env.staff("chenjing")
    else { throw StoreError.invalid("演示工作人员 zhaolei、sunli、chenjing 缺失(demo/staff.tsv)") }
    let file = try env.share.read("demo/catalog.json")
    try store.importCatalog(Data(file.utf8), source: "catalog.json", by: zhaolei)

    /// A list adjusted `n` working days ago, naming the items the catalog must update for it.
    func adjusted(
      _ list: AdjustedList, _ n: Int, _ document: String, _ description: String,
      _ organisation: String, _ items: [String]
    ) throws {
      try store.recordListAdjustment(
        .adjustment(
          of: list, on: workingDay(store, before: n), document: document,
          description: description, organisation: organisation, codes: items), by: zhaolei)
    }

    /// A 变更 of the item drafted by 赵磊 on its current version, its content edited by `edit`;
    /// nil when the catalog file lacks the item.
    func modification(_ code: String, _ reason: String, _ edit: (inout CatalogItem) -> Void)
      throws -> String?
    {
      guard let item = try store.catalogItem(code: code) else { return nil }
      var proposed = item.content
      edit(&proposed)
      return try store.draftCatalogChange(
        ChangeProposal(.modify, proposing: proposed, base: item.version, reason: reason),
        by: zhaolei)
    }

    /// Submitted by the drafter, approved by `approver`, tested: the change is in effect.
    func putInEffect(
      _ id: String, by drafter: Staff, approvedBy approver: Staff, _ note: String, test: String
    )
      throws
    {
      try store.perform(CatalogChangeCommand.submit, on: id, as: drafter)
      try store.perform(CatalogChangeCommand.approve(note: note), on: id, as: approver)
      try store.perform(
        CatalogChangeCommand.recordTest(passed: true, note: test), on: id, as: drafter)
    }

    // 行政许可事项清单 adjusted 15 working days ago: overdue, half settled below.
    try adjusted(
      .licensing, 15, "甘政办发〔2026〕88号", "省级行政许可事项清单调整:食品经营许可压缩承诺时限、精简材料;城乡居民养老保险参保登记材料免提交户口簿",
      "ZWZX", ["SCJG-XK-001", "RSJ-GG-001"])

    // 变更 reviewed by another manager, tested, in effect as version 2 (settles SCJG-XK-001).
    if let id = try modification(
      "SCJG-XK-001", "按甘政办发〔2026〕88号压缩承诺时限至7个工作日,管理制度改为告知承诺",
      {
        $0.promisedDays = 7
        $0.materials.removeAll { $0.name.hasPrefix("食品安全自查") }
      })
    {
      try putInEffect(id, by: zhaolei, approvedBy: sunli, "同意,与清单一致", test: "省平台申报、受理流程测试通过")
    }

    // 终止: approved by a supervisor.
    if let old = try store.catalogItem(code: "WJJ-QR-001") {
      let id = try store.draftCatalogChange(
        CatalogChangeMachine.statusProposal(
          .terminate, current: old, reason: "《甘肃省人口与计划生育条例》修正后取消再生育审批", urgent: false),
        by: zhaolei)
      try putInEffect(id, by: zhaolei, approvedBy: chenjing, "", test: "前台已下线,历史办件可查")
    }

    // 应急处置: suspended at once, awaiting 报备.
    if let boiler = try store.catalogItem(code: "SCJG-XK-003") {
      let id = try store.draftCatalogChange(
        CatalogChangeMachine.statusProposal(
          .suspend, current: boiler, reason: "省特种设备监管系统迁移,暂停受理至迁移完成", urgent: true), by: sunli)
      try store.perform(CatalogChangeCommand.submit, on: id, as: sunli)
    }

    // Awaiting review: materials of RSJ-GG-001 (the other half of the overdue adjustment).
    if let id = try modification(
      "RSJ-GG-001", "户籍信息已通过数据共享核验,不再要求提交户口簿",
      {
        $0.materials.removeAll { $0.name == "居民户口簿" }
      })
    {
      try store.perform(CatalogChangeCommand.submit, on: id, as: zhaolei)
    }

    // 权责清单 adjusted 8 working days ago: due soon; one item still to open.
    try adjusted(
      .powers, 8, "白政发〔2026〕31号", "区级权责清单调整:最低生活保障审核确认时限调整;新增事实无人抚养儿童基本生活补贴", "MZJ",
      ["MZJ-JF-001", "MZJ-JF-005"])

    // A draft not yet submitted.
    _ = try modification("MZJ-JF-001", "按白政发〔2026〕31号,审核确认承诺时限压缩至15个工作日") {
      $0.promisedDays = 15
    }
  }

  /// The working day `n` working days before today.
  static func workingDay(_ store: Store, before n: Int) -> CivilDate {
    var d = store.today
    var counted = 0
    while counted < n {
      d = d.adding(days: -1)
      if store.calendar.isWorkingDay(d) { counted += 1 }
    }
    return d
  }
}
