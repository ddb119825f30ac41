import Domain

extension Store {
  /// 差评整改 我的: the open cases assigned to `staff` (认领, 指派), and for a supervisor every case
  /// waiting for them — 待复核 (the invalid-review claim they decide) and 待回访 (their callback) —
  /// as a complaint waiting for dispatch is in a supervisor's 我的. In the queue's order.
  /// - Complexity: ranges of `rectification_assignee_queue` and, for a supervisor,
  ///   `rectification_phase_queue`, merged in page order and stopped at the page.
  public func myRectifications(for staff: Staff, offset: Int = 0, limit: Int = 200) throws
    -> [RectificationSummary]
  {
    let (sql, args) = Self.rectificationMineStatement(for: staff)
    return try db.fetchAll(RectificationSummary.self, sql, args + [limit, offset])
  }

  /// How many cases `myRectifications` lists.
  /// - Complexity: the open cases assigned to `staff` (an index range), and for a supervisor
  ///   the counter rows of the two phases waiting for them.
  public func myRectificationCount(for staff: Staff) throws -> Int {
    let (assigned, args) = Self.rectificationMineCountStatement(for: staff)
    var n = try db.fetchInt(assigned, args)
    if staff.has(.supervisor) { n += try db.fetchInt(Self.awaitingSupervisorCountSQL) }
    return n
  }

  /// The phases a supervisor acts on next (复核, 回访).
  static let supervisorPhases = [RectificationPhase.awaitingReview, .awaitingCallback]

  /// The page of `myRectifications` (LIMIT and OFFSET to be bound after `args`).
  static func rectificationMineStatement(for staff: Staff) -> (sql: String, args: [any SQLBindable])
  {
    let select = """
      SELECT id, org, phase, state, level, real_name, item_name, channel, opened_on, due_date,
        extensions, updated_at, due_date IS NULL AS due_none
      FROM rectification
      """
    let (assigned, args) = assignedCondition(staff)
    var arms = ["\(select) WHERE \(assigned)"]
    if staff.has(.supervisor) {
      arms += supervisorPhases.map { "\(select) WHERE phase = '\($0.rawValue)'" }
    }
    // The arms are disjoint (a supervisor's own cases leave out the phases listed whole).
    return (
      arms.joined(separator: "\nUNION ALL ")
        + "\nORDER BY due_none, due_date, updated_at DESC, id LIMIT ? OFFSET ?", args
    )
  }

  static func rectificationMineCountStatement(for staff: Staff) -> (String, [any SQLBindable]) {
    let (assigned, args) = assignedCondition(staff)
    return ("SELECT count(*) FROM rectification WHERE \(assigned)", args)
  }

  static let awaitingSupervisorCountSQL =
    "SELECT coalesce(sum(n), 0) FROM rectification_count WHERE phase IN \(supervisorPhaseList)"

  /// `('awaitingReview', 'awaitingCallback')`
  static let supervisorPhaseList =
    "(" + supervisorPhases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

  /// The open cases assigned to `staff`, inside what they may list (their organisation's,
  /// unless they see every one); a supervisor's without the phases their arms list whole.
  private static func assignedCondition(_ staff: Staff) -> (String, [any SQLBindable]) {
    var condition = "assignee = ? AND phase <> 'closed'"
    var args: [any SQLBindable] = [staff.login]
    if let org = Visibility(staff).organisation {
      condition += " AND org = ?"
      args.append(org)
    }
    if staff.has(.supervisor) {
      condition += " AND phase NOT IN \(supervisorPhaseList)"
    }
    return (condition, args)
  }
}
