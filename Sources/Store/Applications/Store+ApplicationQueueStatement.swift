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
  /// page of 本单位 whole, so it reads no table). A search reads its fragment's index list newest
  /// first (`applicationSearchStatement`).
  static func applicationQueueStatement(
    _ queue: ApplicationQueue, for staff: Staff, search: String, sort: ApplicationSort
  ) throws -> (sql: String, args: [any SQLBindable]) {
    if queue == .all, !staff.has(.supervisor) {
      throw Refusal("只有督办人员可以查看全部办件")
    }
    let text = search.trimmingSpaces()
    if let match = ApplicationSearchIndex.match(text) {
      return applicationSearchStatement(queue, for: staff, match: match, text: text)
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

  /// A search in any queue, open and closed cases of its scope alike, newest first whatever the
  /// sort: the fragment's list in `application_search` read in its own order, descending
  /// (the order applications were recorded here), each case fetched by its rowid and kept if it
  /// is in the scope and a text holds the fragment, until the page is full. The list is every
  /// case with the fragment's characters or pairs (`ApplicationSearchIndex`); the `LIKE` keeps
  /// exactly what the search matched when it read the scope whole. CROSS JOIN keeps the index
  /// outside: SQLite never reorders it.
  private static func applicationSearchStatement(
    _ queue: ApplicationQueue, for staff: Staff, match: String, text: String
  ) -> (sql: String, args: [any SQLBindable]) {
    let t = ApplicationSearchIndex.table
    var conditions = ["\(t) MATCH ?"]
    var args: [any SQLBindable] = [match]
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
    let pattern = "%" + escapeLike(text) + "%"
    conditions.append(
      "(case_id LIKE ? ESCAPE '\\' OR applicant_name LIKE ? ESCAPE '\\' OR applicant_id LIKE ? ESCAPE '\\')"
    )
    args += [pattern, pattern, pattern]
    return (
      """
      SELECT \(applicationRowColumns) FROM \(t) CROSS JOIN application a ON a.rowid = \(t).rowid
      WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(t).rowid DESC LIMIT ? OFFSET ?
      """, args
    )
  }
}
