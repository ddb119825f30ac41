import Domain
import Foundation

extension Store {
  // MARK: - Queries

  /// A change application as projected (nil for an unknown id).
  public func catalogChange(id: String) throws -> CatalogChange? {
    try db.body(CatalogChange.self, "SELECT id, body FROM catalog_change WHERE id = ?", [id])
  }

  /// The change queue: open applications (drafts, awaiting review, test or 报备) by last update,
  /// or every application when `openOnly` is false.
  /// - Complexity: O(log n + k) on `catalog_change_by_open`.
  public func catalogChanges(openOnly: Bool, limit: Int = 500) throws -> [CatalogChange] {
    try db.bodies(CatalogChange.self, Self.catalogChangesSQL(openOnly: openOnly), [limit])
  }

  /// Every application is the open ones and the others, each a range of `catalog_change_by_open`
  /// in page order, merged: no sort of the whole history.
  static func catalogChangesSQL(openOnly: Bool) -> String {
    let select = "SELECT id, body, updated_on FROM catalog_change"
    return
      (openOnly
      ? "\(select) WHERE open = 1"
      : "\(select) WHERE open = 1 UNION ALL \(select) WHERE open = 0")
      + " ORDER BY updated_on DESC, id DESC LIMIT ?"
  }

  /// Another change of the item not yet in effect nor withdrawn (only one at a time per item),
  /// an import awaiting review that holds the item included.
  /// - Complexity: O(log n) on `catalog_change_by_item`, plus the open imports (a handful).
  public func pendingCatalogChange(itemCode: String, excluding id: String? = nil) throws -> String?
  {
    let single = try db.fetchAll(
      "SELECT id, stage FROM catalog_change WHERE item_code = ? AND open = 1 ORDER BY id",
      [itemCode]
    ) { row in
      try row.read("catalog_change", keyColumn: "id") {
        (try $0.decode("id", as: String.self), try $0.decode("stage", as: ChangeStage.self))
      }
    }
    .first { $0.0 != id && $0.1.isPending }?.0
    if let single { return single }
    return try db.bodies(
      CatalogChange.self,
      "SELECT id, body FROM catalog_change WHERE open = 1 AND kind = 'batch' ORDER BY id", []
    ).first {
      $0.id != id && $0.stage.isPending && $0.touchedItems.contains { $0.itemCode == itemCode }
    }?.id
  }

  // MARK: - Commands (district catalog managers; every step journaled)

  /// 起草 — a new change application in 草稿; returns its case number.
  @discardableResult
  public func draftCatalogChange(_ proposal: ChangeProposal, by staff: Staff) throws -> String {
    try write(as: staff, .draftCatalogChange, subject: "catalog/\(proposal.itemCode)") { tx in
      try requireDistrict(for: "事项库")
      let id = try tx.nextCaseID()
      _ = try decideChange(id: id, state: nil, .draft(proposal), by: staff, tx)
      return id
    }
  }

  /// Decides a step inside `tx` (a draft when `state` is nil, also the steps of a catalog import)
  /// with the item's history as it stands, and appends the change's events, the new version and
  /// the settlements; returns the change as it now is.
  func decideChange(
    id: String, state: CatalogChange?, _ command: CatalogChangeCommand, by staff: Staff,
    _ tx: WriteContext
  ) throws -> CatalogChange {
    let context = caseContext(staff, tx)
    let code: String
    switch (state, command) {
    case (let s?, _): code = s.itemCode
    case (nil, .draft(let p)): code = p.itemCode
    case (nil, _): throw CatalogChangeMachine.missing(id)
    }
    let decisionContext = try CatalogChangeMachine.withPackageMembers(
      try CatalogChangeMachine.decisionContext(
        itemCode: code, items: state?.items, id: id, context.lookup),
      proposed: CatalogChangeMachine.proposedGuides(state, command),
      inFile: (state?.items ?? []).map(\.proposed), context.lookup)
    let decision = try CatalogChangeMachine.decision(
      state, command, actor: staff, decisionContext
    ).get()
    try tx.append(try CatalogChangeMachine.drafts(decision, id: id, context.lookup))
    guard let changed = try catalogChange(id: id) else { throw CatalogChangeMachine.missing(id) }
    return changed
  }
}
