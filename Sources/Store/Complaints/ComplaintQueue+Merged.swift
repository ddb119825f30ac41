import Domain

extension Store {
  /// The queue order of a view whose every case has a deadline (即将到期, 已超期): the same
  /// order without its first term, which is constant there, so `complaint_due_queue` holds it.
  static func queueOrder(_ view: ComplaintView) -> String {
    switch view {
    case .dueSoon, .overdue: return "c.due_day, c.last_ts DESC, c.case_id"
    default: return queueOrder
    }
  }

  /// 本单位 as two ranges read in queue order and merged: the cases the organisation handles
  /// (`complaint_org_queue`) and those its desk registered for another one, awaiting dispatch
  /// (`complaint_desk_queue`). The two are disjoint, so UNION ALL keeps each case once; as one
  /// `… OR …` SQLite read both ranges whole and sorted them to keep a page. Nil for every other
  /// view (`queueWhere` plans those).
  static func queueMergedStatement(
    _ view: ComplaintView, _ filter: ComplaintFilter, _ scope: ComplaintQueueScope,
    search: ComplaintSearch?
  ) -> (String, [any SQLBindable])? {
    guard view == .organisation else { return nil }
    let org = scope.staff.org
    let arms: [(String, [any SQLBindable])] = [
      (
        "c.handling_org = ? AND c.status IN ('awaitingDispatch', 'handling', 'rectifying', 'merged')",
        [org]
      ),
      (
        "c.registering_org = ? AND c.status = 'awaitingDispatch' AND c.handling_org <> c.registering_org",
        [org]
      ),
    ]
    var args: [any SQLBindable] = []
    let selects = arms.map { clause, armArgs in
      var clauses = [clause]
      args += armArgs
      appendFilter(filter, search, scope, &clauses, &args)
      return """
        SELECT \(queueColumns), c.due_day IS NULL AS due_none, c.due_day, c.last_ts
        FROM complaint c WHERE \(clauses.joined(separator: " AND "))
        """
    }
    return (
      selects.joined(separator: "\nUNION ALL ")
        + "\nORDER BY due_none, due_day, last_ts DESC, case_id LIMIT ? OFFSET ?", args
    )
  }
}
