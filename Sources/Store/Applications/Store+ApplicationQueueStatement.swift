import Domain

extension Store {
  /// The statement of a queue's page (LIMIT and OFFSET to be bound after `args`), for the pane
  /// and the screen-statement catalogue alike.
  ///
  /// Each queue and sort reads an index in its page order and stops at the page: 本单位 and
  /// 已办结 are two ranges merged in order (the organisation's own cases, and those its desk
  /// registered for another organisation), 全部 one range, 我的 the cases assigned to me merged
  /// with my registrations nobody was assigned yet that wait for the intake decision; nothing
  /// is sorted after reading (schema v19's and v24's partial indexes; v25's hold the 按剩余时间
  /// page of 本单位 whole, so it reads no table). A search still reads its whole scope.
  static func applicationQueueStatement(
    _ queue: ApplicationQueue, for staff: Staff, search: String, sort: ApplicationSort
  ) throws -> (sql: String, args: [any SQLBindable]) {
    if queue == .all, !staff.has(.supervisor) {
      throw Refusal("只有督办人员可以查看全部办件")
    }
    let text = search.trimmingSpaces()
    guard text.isEmpty else {
      return applicationSearchStatement(queue, for: staff, text: text, sort: sort)
    }
    let order: String
    switch (queue, sort) {
    case (.closed, _): order = "closed_on DESC, registered_at DESC, case_id"
    case (_, .timeLeft): order = "paused, due_none, due_day, registered_at, case_id"
    case (_, .registered): order = "registered_at DESC, case_id"
    }
    let open = queue == .closed ? "is_open = 0" : "is_open = 1"
    let select = "SELECT \(applicationRowColumns), due_day IS NULL AS due_none FROM application"
    if queue == .all {
      return ("\(select) WHERE \(open) ORDER BY \(order) LIMIT ? OFFSET ?", [])
    }
    if queue == .mine {
      // Disjoint: one side has an assignee, the other none (`Schema.mineLogin`).
      return (
        """
        \(select) WHERE is_open = 1 AND assignee = ?
        UNION ALL \(select) WHERE assignee IS NULL AND status IN \(Schema.applicationIntakeStatuses)
          AND registered_by = ?
        ORDER BY \(order) LIMIT ? OFFSET ?
        """, [staff.login, staff.login]
      )
    }
    // The two sides are disjoint (a case registered by its own organisation is on the first), so
    // UNION ALL merges them in order without removing duplicates.
    return (
      """
      \(select) WHERE \(open) AND org = ?
      UNION ALL \(select) WHERE \(open) AND org <> registered_org AND registered_org = ?
      ORDER BY \(order) LIMIT ? OFFSET ?
      """, [staff.org, staff.org]
    )
  }

  static let applicationRowColumns = """
    case_id, item_name, org, applicant_name, applicant_kind, applicant_id, phone, channel, status,
      status_text, registered_on, registered_by, due_date, paused, deemed, closed_on, due_day,
      registered_at
    """

  /// A search in any queue: the scope's rows filtered, then sorted.
  private static func applicationSearchStatement(
    _ queue: ApplicationQueue, for staff: Staff, text: String, sort: ApplicationSort
  ) -> (sql: String, args: [any SQLBindable]) {
    var conditions: [String] = []
    var args: [any SQLBindable] = []
    switch queue {
    case .mine:
      conditions.append(
        "(assignee = ? OR (assignee IS NULL AND status IN \(Schema.applicationIntakeStatuses) AND registered_by = ?))"
      )
      args += [staff.login, staff.login]
    case .organisation, .closed:
      conditions.append("(org = ? OR registered_org = ?)")
      args += [staff.org, staff.org]
    case .all: break
    }
    if text.isEmpty {
      conditions.append("is_open = 1")
    } else {
      let pattern = "%" + escapeLike(text) + "%"
      conditions.append(
        "(case_id LIKE ? ESCAPE '\\' OR applicant_name LIKE ? ESCAPE '\\' OR applicant_id LIKE ? ESCAPE '\\')"
      )
      args += [pattern, pattern, pattern]
    }
    let order: String
    switch (queue, sort) {
    case (.closed, _): order = "closed_on DESC, registered_at DESC, case_id"
    case (_, .timeLeft):
      order = "is_open DESC, paused, due_day IS NULL, due_day, registered_at, case_id"
    case (_, .registered): order = "is_open DESC, registered_at DESC, case_id"
    }
    return (
      """
      SELECT \(applicationRowColumns) FROM application
      WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT ? OFFSET ?
      """, args
    )
  }
}
