import Domain

extension Store {
  /// 差评整改 我的: the open cases assigned to `staff` (认领, 指派), and for a supervisor every case
  /// waiting for them — 待复核 (the invalid-review claim they decide), 延期待审批 (the extension
  /// they decide) and 待回访 (their callback) — as a complaint waiting for dispatch or for its
  /// dispatcher's extension decision is in a supervisor's 我的. In the queue's order.
  /// - Complexity: ranges of `rectification_assignee_queue` and, for a supervisor,
  ///   `rectification_phase_queue` and `rectification_extension_queue`, merged in page order and
  ///   stopped at the page.
  public func myRectifications(for staff: Staff, offset: Int = 0, limit: Int = 200) throws
    -> [RectificationSummary]
  {
    let waits = try supervisorWaits(staff)
    let (sql, args) = Self.rectificationMineStatement(for: staff, waits)
    return try db.fetchAll(RectificationSummary.self, sql, args + [limit, offset])
  }

  /// How many cases `myRectifications` lists.
  /// - Complexity: the open cases assigned to `staff` (an index range), and for a supervisor
  ///   the counter rows of the two phases waiting for them and the pending extensions (a range
  ///   of a partial index: the applications not yet decided).
  public func myRectificationCount(for staff: Staff) throws -> Int {
    let waits = try supervisorWaits(staff)
    return try Self.rectificationMineCountStatements(for: staff, waits).reduce(0) {
      $0 + (try db.fetchInt($1.sql, $1.args))
    }
  }

  /// What waits on `staff` as a supervisor (nil: not one).
  func supervisorWaits(_ staff: Staff) throws -> SupervisorWaits? {
    guard staff.has(.supervisor) else { return nil }
    let kind = try organisation(staff.org)?.kind
    return SupervisorWaits(staff, decidesExtensions: RectificationMachine.decidesExtensions(kind))
  }

  /// The page of `myRectifications` (LIMIT and OFFSET to be bound after `args`).
  static func rectificationMineStatement(for staff: Staff, _ waits: SupervisorWaits?)
    -> (sql: String, args: [any SQLBindable])
  {
    let select = """
      SELECT id, org, phase, state, level, real_name, item_name, channel, opened_on, due_date,
        extensions, updated_at, due_date IS NULL AS due_none
      FROM rectification
      """
    let (assigned, assignedArgs) = assignedCondition(staff, waits)
    var arms = ["\(select) WHERE \(assigned)"]
    var args = assignedArgs
    for arm in waits?.arms ?? [] {
      arms.append("\(select) WHERE \(arm.clause)")
      args += arm.args
    }
    // The arms are disjoint (a supervisor's own cases leave out what the other arms list).
    return (
      arms.joined(separator: "\nUNION ALL ")
        + "\nORDER BY due_none, due_date, updated_at DESC, id LIMIT ? OFFSET ?", args
    )
  }

  /// The statements whose sum is `myRectificationCount`, each named for the plan test: the
  /// assigned cases (我的), and for a supervisor the counters of the phases waiting for them
  /// (待督办) and the pending extensions (待审批延期).
  static func rectificationMineCountStatements(for staff: Staff, _ waits: SupervisorWaits?)
    -> [(name: String, sql: String, args: [any SQLBindable])]
  {
    let (assigned, args) = assignedCondition(staff, waits)
    var out: [(name: String, sql: String, args: [any SQLBindable])] = [
      ("我的", "SELECT count(*) FROM rectification WHERE \(assigned)", args)
    ]
    if let waits {
      out.append(("待督办", Self.awaitingSupervisorCountSQL, [waits.org]))
      if waits.decidesExtensions {
        out.append(("待审批延期", Self.pendingExtensionCountSQL, [waits.org]))
      }
    }
    return out
  }

  /// The two phases waiting for a supervisor, from the counters: every 待回访, and the 待复核 of
  /// the other organisations.
  static let awaitingSupervisorCountSQL = """
    SELECT coalesce(sum(n), 0) FROM rectification_count
      WHERE phase = 'awaitingCallback' OR (phase = 'awaitingReview' AND org <> ?)
    """

  static let pendingExtensionCountSQL =
    "SELECT count(*) FROM rectification WHERE \(SupervisorWaits.extensionClause)"

  /// The open cases assigned to `staff`, inside what they may list (their organisation's,
  /// unless they see every one); a supervisor's without what their own arms list.
  private static func assignedCondition(_ staff: Staff, _ waits: SupervisorWaits?)
    -> (String, [any SQLBindable])
  {
    var condition = "assignee = ? AND phase <> 'closed'"
    var args: [any SQLBindable] = [staff.login]
    if let org = Visibility(staff).organisation {
      condition += " AND org = ?"
      args.append(org)
    }
    if let arms = waits?.arms, !arms.isEmpty {
      condition += " AND NOT (" + arms.map { "(\($0.clause))" }.joined(separator: " OR ") + ")"
      args += arms.flatMap(\.args)
    }
    return (condition, args)
  }
}

/// 待督办 — the rectification cases waiting on one supervisor, each the range of a step
/// `RectificationMachine.availability` opens to them: 复核 and 审批延期 are never their own
/// organisation's (`reviewRefusal`, `extensionDecisionRefusal`: the claimant and the applicant are
/// handlers of the serving organisation, so its supervisors are the ones left out), 审批延期 only
/// a district organisation's (`decidesExtensions`), 回访 anyone's.
struct SupervisorWaits {
  /// The supervisor's organisation.
  let org: String
  let decidesExtensions: Bool

  init(_ staff: Staff, decidesExtensions: Bool) {
    org = staff.org
    self.decidesExtensions = decidesExtensions
  }

  /// A pending extension application of another organisation (`rectification_extension_queue`).
  static let extensionClause = "extension_pending = 1 AND org <> ?"

  /// Each range: its clause and its values.
  var arms: [(clause: String, args: [any SQLBindable])] {
    var out: [(clause: String, args: [any SQLBindable])] = [
      ("phase = 'awaitingReview' AND org <> ?", [org]),
      ("phase = 'awaitingCallback'", []),
    ]
    if decidesExtensions { out.append((Self.extensionClause, [org])) }
    return out
  }
}
