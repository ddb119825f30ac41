import Domain

struct OrganisationProjector: FoldingProjector {
  typealias Reducer = OrganisationReducer
  var tables: [String] { ["org"] }

  func write(_ state: OrganisationReducer.State?, stream: String, in c: ProjectionContext) throws {
    let code = String(splitStream(stream).id)
    guard let state else {
      try c.db.hot.run("DELETE FROM org WHERE code = ?", [code])
      return
    }
    let o = state.organisation
    try c.db.hot.run(
      """
      INSERT INTO org (code, name, kind, node, position, parent, disabled)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
        node = excluded.node, position = excluded.position, parent = excluded.parent,
        disabled = excluded.disabled
      """, [o.code, o.name, o.kind.rawValue, o.node, state.position, o.parent, o.disabled])
  }
}

struct StaffProjector: FoldingProjector {
  typealias Reducer = StaffReducer
  var tables: [String] { ["staff"] }

  func write(_ state: Staff?, stream: String, in c: ProjectionContext) throws {
    let login = String(splitStream(stream).id)
    guard let s = state else {
      try c.db.hot.run("DELETE FROM staff WHERE login = ?", [login])
      return
    }
    try c.db.hot.run(
      """
      INSERT INTO staff (login, name, org, roles, disabled) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (login) DO UPDATE SET name = excluded.name, org = excluded.org,
        roles = excluded.roles, disabled = excluded.disabled
      """, [s.login, s.name, s.org, s.roleCodes, s.disabled])
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

struct PeerProjector: FoldingProjector {
  typealias Reducer = PeerReducer
  var tables: [String] { ["peer_node"] }

  func write(_ state: PeerReducer.State?, stream: String, in c: ProjectionContext) throws {
    let code = String(splitStream(stream).id)
    guard let p = state else {
      try c.db.hot.run("DELETE FROM peer_node WHERE code = ?", [code])
      return
    }
    try c.db.hot.run(
      """
      INSERT INTO peer_node (code, name, is_district) VALUES (?, ?, ?)
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, is_district = excluded.is_district
      """, [p.code, p.name, p.isDistrict])
  }
}
