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
    let sql =
      openOnly
      ? "SELECT id, body FROM catalog_change WHERE open = 1 ORDER BY updated_on DESC, id DESC LIMIT ?"
      : "SELECT id, body FROM catalog_change ORDER BY updated_on DESC, id DESC LIMIT ?"
    return try db.bodies(CatalogChange.self, sql, [limit])
  }

  /// Another change of the item not yet in effect nor withdrawn (only one at a time per item).
  public func pendingCatalogChange(itemCode: String, excluding id: String? = nil) throws -> String?
  {
    try db.fetchAll(
      "SELECT id, stage FROM catalog_change WHERE item_code = ? AND open = 1 ORDER BY id",
      [itemCode]
    ) { ($0.text(0), ChangeStage(rawValue: $0.text(1))) }
    .first { $0.0 != id && ($0.1?.isPending ?? false) }?.0
  }

  // MARK: - Commands (district catalog managers; every step journaled)

  /// 起草 — a new change application in 草稿; returns its case number.
  @discardableResult
  public func draftCatalogChange(_ proposal: ChangeProposal, by staff: Staff) throws -> String {
    try write(as: staff, .draftCatalogChange, subject: "catalog/\(proposal.itemCode)") { tx in
      try requireDistrict(for: "事项库")
      let id = try tx.nextCaseID()
      _ = try perform(id: id, state: nil, .draft(proposal), by: staff, tx)
      return id
    }
  }

  /// 修改草稿 (also after a return or a failed test).
  public func editCatalogChange(id: String, _ proposal: ChangeProposal, by staff: Staff) throws {
    try runChange(id, .edit(proposal), .draftCatalogChange, by: staff)
  }

  /// 提交申请 — to review, or, for an urgent change, straight into effect awaiting 报备.
  @discardableResult
  public func submitCatalogChange(id: String, by staff: Staff) throws -> CatalogChange {
    try runChange(id, .submit, .draftCatalogChange, by: staff)
  }

  /// 审核通过 — by another catalog manager or a supervisor.
  public func approveCatalogChange(id: String, note: String = "", by staff: Staff) throws {
    try runChange(id, .approve(note: note), .reviewCatalogChange, by: staff)
  }

  /// 退回 — back to the drafter with the reason.
  public func returnCatalogChange(id: String, reason: String, by staff: Staff) throws {
    try runChange(id, .sendBack(reason: reason), .reviewCatalogChange, by: staff)
  }

  /// 系统测试 — passed puts the change in effect as a new version; failed returns it to the drafter.
  @discardableResult
  public func recordCatalogTest(id: String, passed: Bool, note: String, by staff: Staff) throws
    -> CatalogChange
  {
    try runChange(id, .recordTest(passed: passed, note: note), .testCatalogChange, by: staff)
  }

  /// 报备 — files an urgent change already in effect.
  public func fileCatalogChange(id: String, note: String, by staff: Staff) throws {
    try runChange(id, .file(note: note), .fileCatalogChange, by: staff)
  }

  /// 撤回 — the drafter abandons a change not yet in effect.
  public func withdrawCatalogChange(id: String, reason: String, by staff: Staff) throws {
    try runChange(id, .withdraw(reason: reason), .draftCatalogChange, by: staff)
  }

  @discardableResult
  func runChange(_ id: String, _ command: CatalogChangeCommand, _ action: Action, by staff: Staff)
    throws -> CatalogChange
  {
    try write(as: staff, action, subject: CatalogChangeReducer.stream(id)) { tx in
      try requireDistrict(for: "事项库")
      let folded = CatalogChangeReducer.fold(
        try events(stream: CatalogChangeReducer.stream(id)), foldContext)
      guard let state = folded.state else { throw Refusal("变更申请 \(id) 不存在") }
      return try perform(id: id, state: state, command, by: staff, tx)
    }
  }

  /// Decides the step with the item's history as it stands inside this transaction, appends the
  /// change's events and, when the change takes effect, the new version and the settlements.
  func perform(
    id: String, state: CatalogChange?, _ command: CatalogChangeCommand, by staff: Staff,
    _ tx: WriteContext
  ) throws -> CatalogChange {
    var code = state?.itemCode ?? ""
    if case .draft(let p) = command { code = p.itemCode }
    let context = CatalogDecisionContext(
      history: try catalogHistory(code: code),
      organisations: Set(try organisationNames().keys),
      pendingChange: try pendingCatalogChange(itemCode: code, excluding: id))
    let decision = try CatalogChangeRules.decide(state, command, actor: staff, context).get()
    let stream = CatalogChangeReducer.stream(id)
    try tx.append(decision.drafts(stream: stream))
    if let effective = decision.effective { try putInEffect(effective, tx) }
    guard let changed = try catalogChange(id: id) else { throw Refusal("变更申请 \(id) 不存在") }
    return changed
  }

  /// Appends the new version and settles every open list adjustment that touches the item.
  func putInEffect(_ e: CatalogVersionEffective, _ tx: WriteContext) throws {
    try tx.append([
      EventDraft(
        stream: CatalogItemReducer.stream(e.item.code), type: .catalogVersionEffective, body: e)
    ])
    let tasks = try db.fetchAll(
      """
      SELECT a.id FROM list_adjustment_item li JOIN list_adjustment a ON a.id = li.id
      WHERE li.code = ? AND li.settled_by IS NULL AND a.state = 'open' ORDER BY a.id
      """, [e.item.code]
    ) { $0.text(0) }
    try tx.append(
      tasks.map {
        EventDraft(
          stream: ListAdjustmentReducer.stream($0), type: .listAdjustmentItemSettled,
          body: ListAdjustmentSettlement(code: e.item.code, changeID: e.changeID))
      })
  }
}
