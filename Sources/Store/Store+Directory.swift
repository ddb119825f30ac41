import Domain

extension Store {
  /// Login → name for every staff member, for timelines and lists.
  public func staffNames() throws -> [String: String] {
    try db.dictionary("login", "name", of: "staff", Self.staffNamesSQL)
  }

  static let staffNamesSQL = "SELECT login, name FROM staff"

  /// Organisation code → name.
  public func organisationNames() throws -> [String: String] {
    try db.dictionary("code", "name", of: "org", Self.organisationNamesSQL)
  }

  static let organisationNamesSQL = "SELECT code, name FROM org"
}
