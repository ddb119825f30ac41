// The intake desk's view of a catalog item, made from the version in effect.

extension ItemSnapshot {
  /// The snapshot an application keeps of the catalog version it was registered under.
  public init(_ item: CatalogItem, organisationName: String) {
    self.init(
      code: item.code, version: item.version, name: item.name, organisation: item.organisation,
      organisationName: organisationName, promisedDays: item.promisedDays,
      legalDays: item.legalDays,
      materials: item.materials.map {
        MaterialRequirement(
          name: $0.name, form: $0.form.title, copies: $0.copies, required: $0.required,
          shareable: $0.shared, note: $0.note)
      },
      fee: item.fee, result: item.result, fullyOnline: item.isFullyOnline, type: item.type)
  }
}

extension ItemAvailability {
  public init(_ status: ItemStatus) {
    switch status {
    case .active: self = .inUse
    case .suspended: self = .suspended
    case .terminated: self = .terminated
    }
  }
}

extension DirectoryItem {
  /// `item` as the intake desk sees it, its organisation named.
  public init(_ item: CatalogItem, organisationName: String) {
    self.init(
      snapshot: ItemSnapshot(item, organisationName: organisationName),
      availability: ItemAvailability(item.status), matterType: item.national?.matterType)
  }
}
