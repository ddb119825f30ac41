import Domain

/// 一件事 projector: the `package_case` row, its members, and its scope — every member's
/// organisation, so a township serving one receives the package with its sub-case.
struct PackageProjector: FoldingProjector {
  typealias Reducer = PackageReducer
  var tables: [String] { ["package_member", "package_case"] }

  static let row = ProjectedRow(table: "package_case", key: "id")
  static let members = ProjectedRowSet(
    table: "package_member", owner: "package_id", key: ["case_id"])

  func write(_ state: PackageCase?, stream: String, in c: ProjectionContext) throws {
    let id = SQLValue.text(String(splitStream(stream).id))
    guard let p = state else {
      try Self.members.replace(owner: id, with: [], db: c.db)
      try Self.row.delete(key: id, db: c.db)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    let r = p.registration
    try Self.row.write(
      key: id,
      [
        ("code", r.code), ("name", r.name), ("applicant_name", r.applicant.name),
        ("registered_org", r.registeredOrg), ("registered_on", p.registeredOn.iso),
        ("registered_at", p.registeredAt), ("promised_days", r.promisedDays),
      ], db: c.db)
    try Self.members.replace(
      owner: id,
      with: r.members.enumerated().map {
        [("case_id", $0.element.caseID), ("position", $0.offset)]
      },
      db: c.db)
    try StreamScope.replace(
      stream: stream, organisations: Set(r.members.map(\.organisation) + [r.registeredOrg]), in: c)
  }
}
