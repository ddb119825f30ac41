import Domain

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

/// The catalog (事项库) as the intake desk reads it: the version in effect now.
extension Store: ItemDirectory {
  public func directoryItem(code: String) throws -> DirectoryItem? {
    guard let item = try catalogItem(code: code) else { return nil }
    return DirectoryItem(
      snapshot: ItemSnapshot(
        item, organisationName: try organisationName(item.organisation) ?? item.organisation),
      availability: ItemAvailability(item.status), matterType: item.national?.matterType)
  }

  public func searchDirectory(_ text: String, limit: Int) throws -> [DirectoryItem] {
    let names = try organisationNames()
    return try searchCatalog(text, limit: limit).map {
      DirectoryItem(
        snapshot: ItemSnapshot($0, organisationName: names[$0.organisation] ?? $0.organisation),
        availability: ItemAvailability($0.status), matterType: $0.national?.matterType)
    }
  }
}
