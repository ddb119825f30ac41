import Domain

struct OrganisationProjector: RowProjector {
  typealias Reducer = OrganisationReducer
  static let row = ProjectedRow(table: "org", key: "code")

  func columns(_ state: OrganisationReducer.State) -> [ProjectedColumn] {
    let o = state.organisation
    return [
      ("name", o.name), ("kind", o.kind.rawValue), ("node", o.node),
      ("position", state.position), ("parent", o.parent), ("disabled", o.disabled),
    ]
  }
}

struct StaffProjector: RowProjector {
  typealias Reducer = StaffReducer
  static let row = ProjectedRow(table: "staff", key: "login")

  func columns(_ s: Staff) -> [ProjectedColumn] {
    [("name", s.name), ("org", s.org), ("roles", s.roleCodes), ("disabled", s.disabled)]
  }
}

struct CalendarProjector: FoldingProjector {
  typealias Reducer = CalendarYearReducer
  var tables: [String] { ["calendar_day", "calendar_year"] }

  func write(_ state: CalendarYearReducer.State?, stream: String, in c: ProjectionContext) throws {
    let year = Int(splitStream(stream).id) ?? 0
    try c.db.hot.run("DELETE FROM calendar_day WHERE year = ?", [year])
    try c.db.hot.run("DELETE FROM calendar_year WHERE year = ?", [year])
    guard let state else { return }
    try c.db.hot.run(
      "INSERT INTO calendar_year (year, entries, source) VALUES (?, ?, ?)",
      [year, state.entries.count, state.source])
    for e in state.entries {
      try c.db.hot.run(
        "INSERT INTO calendar_day (date, year, kind, name) VALUES (?, ?, ?, ?)",
        [e.date.iso, year, e.kind.rawValue, e.name])
    }
  }
}

struct SettingProjector: FoldingProjector {
  typealias Reducer = SettingReducer
  var tables: [String] { ["setting"] }

  func write(_ state: String?, stream: String, in c: ProjectionContext) throws {
    let key = String(splitStream(stream).id)
    if let state {
      try c.db.hot.run(
        "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, state])
    } else {
      try c.db.hot.run("DELETE FROM setting WHERE key = ?", [key])
    }
  }
}

/// `nodesetting/KEY` → the same `setting` table: readers need not know whether a value is
/// shared or this node's own.
struct NodeSettingProjector: FoldingProjector {
  typealias Reducer = NodeSettingReducer
  var tables: [String] { ["setting"] }

  func write(_ state: String?, stream: String, in c: ProjectionContext) throws {
    try SettingProjector().write(state, stream: stream, in: c)
  }
}

struct PeerProjector: RowProjector {
  typealias Reducer = PeerReducer
  static let row = ProjectedRow(table: "peer_node", key: "code")

  func columns(_ p: PeerReducer.State) -> [ProjectedColumn] {
    [("name", p.name), ("is_district", p.isDistrict)]
  }
}
