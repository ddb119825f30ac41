import Domain

extension CatalogPane {
  /// 事项归属 before the editor opens (F4 on an item): a department's catalog manager changes only
  /// their own organisation's items, so the refusal comes before any typing.
  func ownershipRefusal(_ organisation: String, _ context: AppContext) -> Refusal? {
    let kind = organisations.first { $0.code == context.staff.org }?.kind
    var names: [String: String] = [:]
    for o in organisations { names[o.code] = o.name }
    return CatalogOwnership.refusal(
      context.staff, atCentre: CatalogOwnership.isCentre(kind), organisations: [organisation],
      names: names)
  }

  /// Whose items a change touches, as the queue shows it: `市场监督管理局` or `民政局等3个单位`.
  func touchedOrganisationsTitle(_ c: CatalogChange) -> String {
    let orgs = c.touchedOrganisations
    guard let first = orgs.first else { return "" }
    return shortOrganisationName(first) + (orgs.count > 1 ? "等\(orgs.count)个单位" : "")
  }
}
