import Domain
import Foundation

/// What an import did.
public struct CatalogImportSummary: Equatable, Sendable {
  /// New items (开通).
  public var opened: [String] = []
  /// Items with a new version.
  public var changed: [String] = []
  /// Items identical to the version in effect: nothing recorded.
  public var unchanged: [String] = []
  /// The one change recording the import (none when nothing differs): all its items.
  public var changeIDs: [String] = []
  /// 首次导入: the catalog of a new district was empty, so the items took effect at once.
  /// Otherwise the change waits, submitted, for another catalog manager's review (第八条).
  public var firstLoad = false
  /// Organisations created from the file (`--create-orgs`).
  public var createdOrganisations: [Organisation] = []
}

extension Store {
  /// 导出事项库 — every item's version in effect, as the documented JSON file.
  public func exportCatalog(by staff: Staff) throws -> String {
    if let r = Permission.check(staff, .exportCatalog) {
      logRefusal(actor: staff.login, action: .exportCatalog, subject: "catalog", reason: r.message)
      throw r
    }
    do {
      try requireDistrict(for: "事项库")
    } catch let r as Refusal {
      logRefusal(actor: staff.login, action: .exportCatalog, subject: "catalog", reason: r.message)
      throw r
    }
    return CatalogFile.encode(
      try allCatalogItems(), organisations: try organisations(), district: node.district,
      exportedAt: zone.format(now))
  }

  /// 导入事项库 — the items that are new or differ from the version in effect become ONE change
  /// application holding them all (`ChangeKind.batch`), submitted for review by another catalog
  /// manager (第八条: the importer cannot approve their own file); approved, every item is in
  /// effect at once, refused, none. Only the first load of a new district's empty catalog takes
  /// effect at once, recorded as such. All in one transaction:
  /// an invalid file is refused with its first offending item and field, and nothing is imported.
  ///
  /// An item naming an organisation this node lacks is refused with every such organisation; with
  /// `createOrganisations` they are created from the names and kinds the file carries, in the
  /// same transaction (a new district takes another's catalog).
  @discardableResult
  public func importCatalog(
    _ data: Data, source: String, createOrganisations: Bool = false, by staff: Staff,
    progress: ProgressReporter? = nil
  ) throws -> CatalogImportSummary {
    try write(as: staff, .importCatalog, subject: "catalog") { tx in
      try requireDistrict(for: "事项库")
      var summary = CatalogImportSummary()
      summary.firstLoad = try db.fetchInt("SELECT count(*) FROM catalog_item") == 0
      var known = Set(try organisationNames().keys)
      let missing = CatalogFile.namedOrganisations(data).filter { !known.contains($0) }
      if !missing.isEmpty {
        let carried = Dictionary(
          try CatalogFile.organisations(data).get().map { ($0.code, $0) },
          uniquingKeysWith: { a, _ in a })
        let shown = missing.map { code in
          carried[code].map { "\($0.code) \($0.name)(\($0.kind.title))" }
            ?? FieldText.sanitizeForDisplay(code)
        }
        guard createOrganisations else {
          throw Refusal(
            "文件中的实施主体有 \(missing.count) 个单位本节点没有: \(shown.joined(separator: "、"))。"
              + "可先用 zwfw org add 添加,或加 --create-orgs 按文件所载名称创建")
        }
        let uncarried = missing.filter { carried[$0] == nil }
        guard uncarried.isEmpty else {
          throw Refusal(
            "文件没有载明单位 \(uncarried.map { FieldText.sanitizeForDisplay($0) }.joined(separator: "、")) "
              + "的名称和类别,无法创建;请先用 zwfw org add 添加")
        }
        let created = missing.compactMap { carried[$0] }
        try appendNewOrganisations(created, tx)
        summary.createdOrganisations = created
        known.formUnion(missing)
      }
      let items = try CatalogFile.decode(data, organisations: known).get()
      let name = String(FieldText.sanitizeForDisplay(source).prefix(100))
      var batch: [ChangeBatchItem] = []
      for (i, item) in items.enumerated() {
        progress?(ProgressStep("导入事项库", done: i, total: items.count))
        if let entry = try importItem(item, index: i + 1, by: staff, into: &summary, tx) {
          batch.append(entry)
        }
      }
      progress?(ProgressStep("导入事项库", done: items.count, total: items.count))
      guard !batch.isEmpty else { return summary }
      if summary.firstLoad {
        summary.changeIDs = try recordFirstLoad(batch, source: name, by: staff, tx)
        return summary
      }
      let id = try tx.nextCaseID()
      let recorded = ChangeBatch(items: batch, source: name, reason: "导入事项库文件 \(name)")
      let lookup = caseContext(staff, tx).lookup
      let ctx = try CatalogChangeMachine.decisionContext(
        itemCode: batch[0].itemCode, items: batch, id: id, lookup)
      let decision = try CatalogChangeMachine.recordBatch(recorded, id: id, actor: staff, ctx).get()
      try tx.append(try CatalogChangeMachine.drafts(decision, id: id, lookup))
      summary.changeIDs = [id]
      return summary
    }
  }

  /// The item of the file as an item of the import (nil when identical to the version in
  /// effect), checked as a change of that one item so that a refusal names its place in the file.
  func importItem(
    _ item: CatalogItem, index: Int, by staff: Staff, into summary: inout CatalogImportSummary,
    _ tx: WriteContext
  ) throws -> ChangeBatchItem? {
    let current = try catalogHistory(code: item.code)?.current
    guard let entry = try ChangeBatchItem.importing(item, over: current, place: "第\(index)项")
    else {
      summary.unchanged.append(item.code)
      return nil
    }
    if entry.kind == .open {
      summary.opened.append(item.code)
    } else {
      summary.changed.append(item.code)
    }
    // A first load takes the file as it stands (suspended items included); the file's reader
    // has checked every guide (`recordFirstLoad`).
    guard !summary.firstLoad else { return entry }
    let ctx = try caseContext(staff, tx).lookup.catalogDecisionContext(
      itemCode: item.code, excluding: "")
    if let r = CatalogChangeMachine.checkProposal(entry.proposal(reason: "导入"), ctx) {
      throw Refusal("第\(index)项(\(item.code)): \(r.message)", article: r.article)
    }
    return entry
  }
}
