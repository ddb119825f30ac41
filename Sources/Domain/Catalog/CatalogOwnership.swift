/// 事项归属 (issue 20): a catalog manager of a department, a township or a street changes only
/// their own organisation's items; the catalog managers of the centre (an organisation of the
/// district's own level, `Organisation.Kind.district`: the 政务服务中心) change every item. A
/// supervisor reviewing (审核) is oversight, not a change of the items, and reviews any.
public enum CatalogOwnership {
  /// Why `staff` may not take a step touching items of `organisations` (each item's organisation
  /// as proposed and as in effect), nil when they may. `names` gives organisation names for the
  /// message (the code when missing).
  public static func refusal(
    _ staff: Staff, atCentre: Bool, organisations: [String], reviewing: Bool = false,
    names: [String: String] = [:]
  ) -> Refusal? {
    if atCentre || (reviewing && staff.roles.contains(.supervisor)) { return nil }
    var seen = Set<String>()
    let others = organisations.filter { $0 != staff.org && seen.insert($0).inserted }
    guard !others.isEmpty else { return nil }
    let shown = others.prefix(3).map { names[$0] ?? $0 }.joined(separator: "、")
    let own = names[staff.org] ?? staff.org
    return Refusal(
      "\(staff.name)(\(own))只能变更本单位的事项;涉及\(shown)\(others.count > 3 ? "等单位" : "")的事项,"
        + "请由该单位或政务服务中心的事项管理员办理")
  }

  /// Whether an organisation of this kind is the centre, whose catalog managers change every item.
  public static func isCentre(_ kind: Organisation.Kind?) -> Bool { kind == .district }
}

extension CatalogChangeMachine {
  /// The organisations a step touches: each item's as proposed and as in effect (a 变更 that moves
  /// an item to another organisation touches both).
  static func organisations(_ items: [ChangeBatchItem], _ ctx: CatalogDecisionContext) -> [String] {
    items.flatMap { item -> [String] in
      // An import has each item's context; a change of one item has its item's own.
      let context = ctx.items.isEmpty ? ctx : ctx.items[item.itemCode]
      return [item.proposed.organisation]
        + [context?.history?.current?.organisation].compactMap { $0 }
    }
  }

  /// 事项归属 of `command` by `actor` on `state` (nil: a new change).
  static func ownershipRefusal(
    _ state: CatalogChange?, _ command: CatalogChangeCommand, actor: Staff,
    _ ctx: CatalogDecisionContext
  ) -> Refusal? {
    var items = state?.touchedItems ?? []
    switch command {
    case .draft(let p), .edit(let p):
      items.append(
        ChangeBatchItem(
          kind: p.kind, itemCode: p.itemCode, baseVersion: p.baseVersion, proposed: p.proposed))
    default: break
    }
    let reviewing: Bool
    switch command {
    case .approve, .sendBack: reviewing = true
    default: reviewing = false
    }
    return CatalogOwnership.refusal(
      actor, atCentre: ctx.centre.contains(actor.org), organisations: organisations(items, ctx),
      reviewing: reviewing, names: ctx.organisationNames)
  }
}
