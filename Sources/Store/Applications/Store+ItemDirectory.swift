import Domain

/// The catalog (事项库) as the intake desk reads it: the version in effect now.
extension Store: ItemDirectory {
  public func directoryItem(code: String) throws -> DirectoryItem? {
    guard let item = try catalogItem(code: code) else { return nil }
    return DirectoryItem(
      item, organisationName: try organisationName(item.organisation) ?? item.organisation)
  }

  public func searchDirectory(_ text: String, limit: Int) throws -> [DirectoryItem] {
    let names = try organisationNames()
    return try searchCatalog(text, limit: limit).map {
      DirectoryItem($0, organisationName: names[$0.organisation] ?? $0.organisation)
    }
  }
}
