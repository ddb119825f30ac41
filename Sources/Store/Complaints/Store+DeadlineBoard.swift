import Domain

/// One organisation's line of the 督办 pane.
public struct OrganisationDeadlines: Equatable, Sendable {
  public var org: String
  public var name: String
  /// 已超期
  public var overdue: Int
  /// 今日到期
  public var dueToday: Int
  /// 两日内到期 (after today, within two working days)
  public var dueSoon: Int
  /// Clocks stopped (待补正, 现场勘验 …).
  public var paused: Int
  /// Every open deadline of the organisation.
  public var open: Int
  /// The oldest overdue deadline, for 最长超期.
  public var oldestOverdue: CivilDate?
}

/// One open deadline of any kind of case, as the deadline index holds it.
public struct DeadlineRow: Equatable, Sendable {
  public var stream: String
  /// `main` (办结期限) or e.g. `supervision` (督办回复).
  public var purpose: String
  public var kind: String
  public var caseID: String
  public var org: String
  public var handler: String?
  public var title: String
  public var state: String
  public var due: CivilDate
  public var paused: Bool
}

extension Store {
  /// Counts per organisation over the one deadline index, for the organisations `staff` may list
  /// (`Visibility`): for supervisors every organisation in the directory and any code the index
  /// holds that the directory does not (a case from a peer node); for anyone else their own.
  /// - Complexity: per organisation, a few rows of `deadline_count` for each number (at most 62
  ///   per level, whatever the history: `DeadlineCounts`) and one seek of `deadline_by_org` for
  ///   the oldest overdue; no range of deadlines is counted.
  public func deadlineOverview(
    today: CivilDate, soonUntil: CivilDate, for staff: Staff
  ) throws -> [OrganisationDeadlines] {
    let org = Visibility(staff).organisation
    var orgs = try organisations().map { ($0.code, $0.name) }
    if org == nil {
      let known = Set(orgs.map(\.0))
      // Each distinct code by one seek on deadline_by_org, not a pass over every deadline.
      var last = ""
      while let code = try db.value(
        "org", of: "deadline", as: String.self, Self.overviewNextOrgSQL, [last])
      {
        if !known.contains(code) { orgs.append((code, code)) }
        last = code
      }
    }
    if let org { orgs = orgs.filter { $0.0 == org } }
    let t = today.dayNumber
    func count(_ code: String, paused: Bool, _ from: Int, _ to: Int) throws -> Int {
      try DeadlineCounts.count(org: code, paused: paused, from: from, to: to, db: db)
    }
    let (before, after) = (DeadlineCounts.before, DeadlineCounts.after)
    return try orgs.map { code, name in
      let overdue = try count(code, paused: false, before, t)
      let paused = try count(code, paused: true, before, after)
      // The oldest is one seek of deadline_by_org; only asked for when there is one.
      let oldest =
        overdue == 0
        ? nil
        : try db.fetchOne(
          """
          SELECT due_day FROM deadline WHERE org = ? AND paused = 0 AND due_day < ?
          ORDER BY due_day LIMIT 1
          """, [code, t]
        ) { $0.int(0) }
      return OrganisationDeadlines(
        org: code, name: name, overdue: overdue,
        dueToday: try count(code, paused: false, t, t + 1),
        dueSoon: try count(code, paused: false, t + 1, soonUntil.dayNumber + 1),
        paused: paused, open: paused + (try count(code, paused: false, before, after)),
        oldestOverdue: oldest.map(CivilDate.init(dayNumber:)))
    }
  }

  /// One organisation's open deadlines of every kind, oldest first (the most overdue on top),
  /// stopped clocks last. `org` is what the operator asks for; `Visibility` decides what they
  /// get (anyone but a supervisor: their own organisation's).
  /// - Complexity: a range of `deadline_by_org` in index order, paged.
  public func deadlines(org: String, for staff: Staff, offset: Int = 0, limit: Int = 200) throws
    -> [DeadlineRow]
  {
    let org = Visibility(staff).organisation(requested: org) ?? org
    return try db.fetchAll(DeadlineRow.self, Self.drillDownSQL, [org, limit, offset])
  }

  /// The drill-down's page: `deadline_by_org` (org, paused, due_day) in page order.
  static let drillDownSQL = """
    SELECT stream, purpose, kind, case_id, org, handler, title, state, due_date, paused
    FROM deadline WHERE org = ? ORDER BY paused, due_day, stream, purpose LIMIT ? OFFSET ?
    """

  /// The overview's next organisation code in the index after `last`.
  static let overviewNextOrgSQL = "SELECT org FROM deadline WHERE org > ? ORDER BY org LIMIT 1"

  /// A case's open deadlines (its own and any 督办 reply), for the case view.
  public func deadlines(caseID: String) throws -> [DeadlineRow] {
    try db.fetchAll(
      DeadlineRow.self,
      """
      SELECT stream, purpose, kind, case_id, org, handler, title, state, due_date, paused
      FROM deadline WHERE case_id = ? ORDER BY due_day
      """, [caseID])
  }
}

extension DeadlineRow: RowDecodable, Decodable {
  public static let table = "deadline"
  public static let keyColumn = "stream"

  enum CodingKeys: String, CodingKey {
    case stream, purpose, kind
    case caseID = "case_id"
    case org, handler, title, state
    case due = "due_date"
    case paused
  }
}
