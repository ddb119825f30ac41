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

  public init(
    id: String, organisation: String, phase: RectificationPhase, state: String,
    level: RatingLevel, realName: Bool, itemName: String, channel: String, openedOn: CivilDate,
    due: CivilDate?, extensions: Int, updatedAt: Int64
  ) {
    self.id = id
    self.organisation = organisation
    self.phase = phase
    self.state = state
    self.level = level
    self.realName = realName
    self.itemName = itemName
    self.channel = channel
    self.openedOn = openedOn
    self.due = due
    self.extensions = extensions
    self.updatedAt = updatedAt
  }
}

extension Store {
  /// A rectification case as its events leave it.
  public func rectification(_ id: String) throws -> Rectification? {
    try caseState(RectificationMachine.self, id)
  }

  /// Cases in a phase (nil: all), of one organisation (nil: all): open ones by due date, then the
  /// most recently worked.
  /// - Complexity: an index range on `rectification_by_phase` or `rectification_by_org`, then a
  ///   sort of that range.
  public func rectifications(
    phase: RectificationPhase?, organisation: String?, limit: Int = 1000
  ) throws -> [RectificationSummary] {
    let (condition, args) = Self.rectificationFilter(phase: phase, organisation: organisation)
    return try db.fetchAll(
      """
      SELECT id, org, phase, state, level, real_name, item_name, channel, opened_on, due_date,
        extensions, updated_at
      FROM rectification \(condition)
      ORDER BY phase = 'closed', due_date IS NULL, due_date, updated_at DESC, id
      LIMIT ?
      """, args + [limit]
    ) { row -> RectificationSummary? in
      guard let phase = RectificationPhase(rawValue: row.text(2)),
        let level = RatingLevel(rawValue: row.int(4)),
        let opened = CivilDate(iso: row.text(8))
      else { return nil }
      return RectificationSummary(
        id: row.text(0), organisation: row.text(1), phase: phase, state: row.text(3),
        level: level, realName: row.bool(5), itemName: row.text(6), channel: row.text(7),
        openedOn: opened, due: row.optionalText(9).flatMap { CivilDate(iso: $0) },
        extensions: row.int(10), updatedAt: row.int64(11))
    }.compactMap { $0 }
  }

  /// Cases per phase, of one organisation (nil: all).
  public func rectificationCounts(organisation: String?) throws -> [RectificationPhase: Int] {
    let (condition, args) = Self.rectificationFilter(phase: nil, organisation: organisation)
    var out: [RectificationPhase: Int] = [:]
    try db.forEach(
      "SELECT phase, count(*) FROM rectification \(condition) GROUP BY phase", args
    ) { row in
      if let p = RectificationPhase(rawValue: row.text(0)) { out[p] = row.int(1) }
    }
    return out
  }

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
