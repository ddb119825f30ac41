/// 导入 — a catalog import as ONE change holding all its items (第八条, 第十二条): recorded
/// submitted, reviewed once by another catalog manager, and on approval every item is in effect at
/// once; refused, none is. (Only the first load of a new district's empty catalog is in effect on
/// recording, as `catalogChange.imported` of each item.)
extension CatalogChangeMachine {
  /// The events recording an import as change `id`. `ctx.items` holds each item's context. Every
  /// item must pass what a change of that one item passes; the first that does not refuses the
  /// whole import, named by its place.
  public static func recordBatch(
    _ batch: ChangeBatch, id: String, actor: Staff, _ ctx: CatalogDecisionContext
  ) -> Result<CatalogDecision, Refusal> {
    guard !batch.items.isEmpty else { return .failure(Refusal("导入文件中没有需要变更的事项")) }
    if let r = CatalogOwnership.refusal(
      actor, atCentre: ctx.centre.contains(actor.org),
      organisations: organisations(batch.items, ctx), names: ctx.organisationNames)
    {
      return .failure(r)
    }
    if let r = checkNote(batch.reason, "变更说明", required: true) { return .failure(r) }
    var seen = Set<String>()
    for (i, item) in batch.items.enumerated() {
      guard item.kind != .batch else {
        return .failure(Refusal("第\(i + 1)项(\(item.itemCode)): 导入的每个事项应为开通、变更、暂停、恢复或终止"))
      }
      guard seen.insert(item.itemCode).inserted else {
        return .failure(Refusal("第\(i + 1)项(\(item.itemCode)): 事项编码在导入中重复"))
      }
    }
    if case .failure(let r) = batchEffective(id: id, batch.items, reason: batch.reason, ctx) {
      return .failure(r)
    }
    return .success(
      CatalogDecision(events: [(.catalogChangeBatchRecorded, CanonicalJSON.encode(batch))]))
  }

  /// The version each item of an import puts in effect, after checking each as a change of its
  /// own (base version still in effect, no other change pending, a complete and valid guide).
  static func batchEffective(
    id: String, _ items: [ChangeBatchItem], reason: String, _ ctx: CatalogDecisionContext
  ) -> Result<[CatalogVersionEffective], Refusal> {
    var out: [CatalogVersionEffective] = []
    for (i, item) in items.enumerated() {
      let place = "第\(i + 1)项(\(item.itemCode))"
      guard let itemContext = ctx.items[item.itemCode] else {
        return .failure(Refusal("\(place): 无法读取该事项的现行版本"))
      }
      if let r = checkProposal(item.proposal(reason: reason), itemContext) {
        return .failure(Refusal("\(place): \(r.message)", article: r.article))
      }
      var guide = item.proposed.content
      guide.version = (itemContext.history?.current?.version ?? 0) + 1
      out.append(
        CatalogVersionEffective(item: guide, changeID: id, kind: item.kind, urgent: false))
    }
    return .success(out)
  }

  /// 首次导入 — one item of a new district's first catalog file, recorded as change `id` in
  /// effect at once with its first version: there is no catalog yet to review it against.
  public static func firstLoad(_ item: ChangeBatchItem, source: String, id: String)
    -> CatalogDecision
  {
    var effective = item.proposed.content
    effective.version = item.resultVersion
    let imported = ChangeImported(
      proposal: item.proposal(reason: "首次导入事项库文件 \(source)(新区事项库为空)"), source: source,
      version: effective.version)
    return CatalogDecision(
      events: [(.catalogChangeImported, CanonicalJSON.encode(imported))],
      effective: CatalogVersionEffective(
        item: effective, changeID: id, kind: item.kind, urgent: false))
  }

  /// What a rule consults for change `id`: its item's context and, for an import, each item's.
  public static func decisionContext(
    itemCode: String, items: [ChangeBatchItem]?, id: String, _ lookup: any CaseLookup
  ) throws -> CatalogDecisionContext {
    var ctx = try lookup.catalogDecisionContext(itemCode: itemCode, excluding: id)
    for item in items ?? [] {
      ctx.items[item.itemCode] = try lookup.catalogDecisionContext(
        itemCode: item.itemCode, excluding: id)
    }
    return ctx
  }

  static func decisionContext(_ c: CatalogChange, id: String, _ lookup: any CaseLookup) throws
    -> CatalogDecisionContext
  {
    try decisionContext(itemCode: c.itemCode, items: c.items, id: id, lookup)
  }

  /// The change an import's event starts.
  static func batchStarted(_ id: String, _ batch: ChangeBatch, _ actor: String, _ day: CivilDate)
    -> Result<CatalogChange, Refusal>
  {
    guard let first = batch.items.first else { return .failure(Refusal("导入的变更申请没有事项")) }
    let proposal = ChangeProposal(
      kind: .batch, itemCode: first.itemCode, baseVersion: nil, proposed: first.proposed,
      reason: batch.reason, urgent: false)
    var c = CatalogChange(
      id: id, proposal: proposal, drafter: actor, stage: .submitted, draftedOn: day)
    c.items = batch.items
    c.importedFrom = batch.source
    return .success(c)
  }

  /// An import is reviewed as a whole: it has no draft to edit, no test and no 报备.
  static func batchOnlyReviewed(_ c: CatalogChange) -> Refusal {
    Refusal("变更申请 \(c.id) 是导入的事项库文件,只能整体审核通过、退回或由起草人撤回;如需修改,请改正文件后重新导入")
  }
}
