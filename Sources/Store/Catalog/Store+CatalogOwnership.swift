import Domain

extension Store {
  /// The organisations of the centre (`CatalogOwnership`): those of the district's own level.
  public func centreOrganisations() throws -> Set<String> {
    Set(
      try db.fetchAll(
        "SELECT code FROM org WHERE kind = ?", [Organisation.Kind.district.rawValue]
      ) { $0.text(0) })
  }

  /// 事项归属 of catalog-change event `e` by `staff`, judged as `decide` judges it: the items of
  /// the change as `before` (its events before `e`) and `e` leave it, each as proposed and as in
  /// the version it was drafted against. nil for any other stream. `audit verify` asks it.
  func catalogOwnershipRefusal(_ e: Event, staff: Staff, before: [Event]) throws -> String? {
    guard SyncScope.kind(of: e.stream) == CatalogChangeMachine.streamKind else { return nil }
    let prior = CatalogChangeMachine.foldFromStart(before, foldContext).state
    let after = CatalogChangeMachine.foldFromStart(before + [e], foldContext).state
    var organisations: [String] = []
    for item in (prior?.touchedItems ?? []) + (after?.touchedItems ?? []) {
      organisations.append(item.proposed.organisation)
      if let base = item.baseVersion,
        let version = try catalogItem(code: item.itemCode, version: base)
      {
        organisations.append(version.organisation)
      }
    }
    return CatalogOwnership.refusal(
      staff, atCentre: try centreOrganisations().contains(staff.org),
      organisations: organisations,
      reviewing: e.type == .catalogChangeApproved || e.type == .catalogChangeReturned,
      names: try organisationNames())?.message
  }
}
