import Domain

extension Store {
  /// Login → name for every staff member, for timelines and lists.
  public func staffNames() throws -> [String: String] {
    Dictionary(
      try db.fetchAll("SELECT login, name FROM staff") { ($0.text(0), $0.text(1)) },
      uniquingKeysWith: { a, _ in a })
  }

  /// Organisation code → name.
  public func organisationNames() throws -> [String: String] {
    Dictionary(
      try db.fetchAll("SELECT code, name FROM org") { ($0.text(0), $0.text(1)) },
      uniquingKeysWith: { a, _ in a })
  }
}
