import Domain

extension Store {
  /// 首次导入 — a new district's empty catalog takes the file at once, each item recorded as a
  /// change in effect (`catalogChange.imported`, 来源: 导入文件) with its first version: there is no
  /// catalog yet for another manager to review it against.
  func recordFirstLoad(
    _ items: [ChangeBatchItem], source: String, by staff: Staff, _ tx: WriteContext
  ) throws -> [String] {
    let lookup = caseContext(staff, tx).lookup
    var ids: [String] = []
    for item in items {
      let id = try tx.nextCaseID()
      let decision = CatalogChangeMachine.firstLoad(item, source: source, id: id)
      try tx.append(try CatalogChangeMachine.drafts(decision, id: id, lookup))
      ids.append(id)
    }
    return ids
  }
}
