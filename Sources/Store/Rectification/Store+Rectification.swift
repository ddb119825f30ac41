import Domain

/// 差评整改列表的一行.
public struct RectificationSummary: Equatable, Sendable {
  public var id: String
  public var organisation: String
  public var phase: RectificationPhase
  public var state: String
  public var level: RatingLevel
  public var realName: Bool
  public var itemName: String
  public var channel: String
  public var openedOn: CivilDate
  public var due: CivilDate?
  public var extensions: Int
  public var updatedAt: Int64
}

extension Store {
  /// A rectification case as its events leave it, for the store's own steps.
  func rectification(_ id: String) throws -> Rectification? {
    try caseState(RectificationMachine.self, id)
  }

  /// A rectification case for `staff`'s case view: nil if there is none; refused when it is
  /// another organisation's and `Visibility` does not let them list it.
  public func rectification(_ id: String, for staff: Staff) throws -> Rectification? {
    guard let state = try rectification(id) else { return nil }
    guard Visibility(staff).mayList(state.organisation) else {
      let name = try organisationName(state.organisation) ?? state.organisation
      throw Refusal("差评整改案件\(id)属于\(name),无权查看")
    }
    return state
  }

  /// One page of the cases `staff` may list (`Visibility`: supervisors every organisation's,
  /// anyone else their own) in a phase (nil: all): open ones by due date, then the most recently
  /// worked. The order ends on the case number, so pages neither repeat nor skip a case.
  /// - Complexity: a range of one of the queue indexes (`rectification_phase_queue` …) in page
  ///   order, stopped at the page.
  public func rectifications(
    phase: RectificationPhase?, for staff: Staff, offset: Int = 0, limit: Int = 200
  ) throws -> [RectificationSummary] {
    let (sql, args) = Self.rectificationQueueStatement(
      phase: phase, organisation: Visibility(staff).organisation)
    return try db.fetchAll(RectificationSummary.self, sql, args + [limit, offset])
  }

  /// A page of `rectifications` (LIMIT and OFFSET to be bound after `args`). Within one phase
  /// the open-first term is constant and left out, so the phase's index holds the whole order.
  static func rectificationQueueStatement(phase: RectificationPhase?, organisation: String?)
    -> (sql: String, args: [any SQLBindable])
  {
    let (condition, args) = rectificationFilter(phase: phase, organisation: organisation)
    let openFirst = phase == nil ? "phase = 'closed', " : ""
    return (
      """
      SELECT id, org, phase, state, level, real_name, item_name, channel, opened_on, due_date,
        extensions, updated_at
      FROM rectification \(condition)
      ORDER BY \(openFirst)due_date IS NULL, due_date, updated_at DESC, id
      LIMIT ? OFFSET ?
      """, args
    )
  }

  /// Cases per phase among those `staff` may list.
  /// - Complexity: the counter rows (`rectification_count`, kept by triggers): one per phase of
  ///   the organisation, or of every organisation for a supervisor; not the cases.
  public func rectificationCounts(for staff: Staff) throws -> [RectificationPhase: Int] {
    let org = Visibility(staff).organisation
    let args: [any SQLBindable] = org.map { [$0] } ?? []
    var out: [RectificationPhase: Int] = [:]
    // An unknown phase is an error, not a count left out (the tabs would not add up).
    try db.forEach(
      org == nil ? Self.allCountsSQL : Self.organisationCountsSQL, args
    ) { row in
      out[try row.decode("phase", as: RectificationPhase.self)] = try row.decode("n")
    }
    return out
  }

  /// One row per organisation and phase: sized by the directory, not the cases.
  static let allCountsSQL = "SELECT phase, sum(n) AS n FROM rectification_count GROUP BY phase"
  static let organisationCountsSQL = "SELECT phase, n FROM rectification_count WHERE org = ?"

  /// A WHERE clause of fixed text (values are bound), one per combination, so each keeps its
  /// index: `x = ? OR ? IS NULL` would defeat the planner.
  static func rectificationFilter(phase: RectificationPhase?, organisation: String?) -> (
    String, [any SQLBindable]
  ) {
    switch (phase, organisation) {
    case (nil, nil): return ("", [])
    case (let p?, nil): return ("WHERE phase = ?", [p.rawValue])
    case (nil, let o?): return ("WHERE org = ?", [o])
    case (let p?, let o?): return ("WHERE phase = ? AND org = ?", [p.rawValue, o])
    }
  }

  /// The case's timeline: its rating's events and its own, in fold order.
  public func rectificationTimeline(_ state: Rectification) throws -> [Event] {
    let all =
      try events(stream: RatingReducer.stream(state.ratingID))
      + events(stream: RectificationMachine.stream(state.id))
    return all.sorted(by: Event.foldOrder)
  }
}

extension RectificationSummary: RowDecodable, Decodable {
  public static let table = "rectification"
  public static let keyColumn = "id"

  enum CodingKeys: String, CodingKey {
    case id
    case organisation = "org"
    case phase, state, level
    case realName = "real_name"
    case itemName = "item_name"
    case channel
    case openedOn = "opened_on"
    case due = "due_date"
    case extensions
    case updatedAt = "updated_at"
  }
}
