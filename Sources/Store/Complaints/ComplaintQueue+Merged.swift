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

  /// A view as disjoint ranges, each read in queue order from its own partial index and merged
  /// (UNION ALL keeps each case once because no two ranges share one); as one `… OR …` SQLite
  /// read every range whole and sorted it to keep a page. Nil for a view one index answers
  /// (`queueWhere` plans those).
  static func queueMergedStatement(
    _ view: ComplaintView, _ filter: ComplaintFilter, _ scope: ComplaintQueueScope,
    search: ComplaintSearch?
  ) -> (String, [any SQLBindable])? {
    guard let arms = queueArms(view, scope) else { return nil }
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
    let dated = view == .dueSoon || view == .overdue
    let order =
      dated ? "due_day, last_ts DESC, case_id" : "due_none, due_day, last_ts DESC, case_id"
    return (
      selects.joined(separator: "\nUNION ALL ") + "\nORDER BY \(order) LIMIT ? OFFSET ?", args
    )
  }

  /// The ranges of a view, each a clause with its values.
  static func queueArms(_ view: ComplaintView, _ scope: ComplaintQueueScope)
    -> [(String, [any SQLBindable])]?
  {
    let me = scope.staff
    let own = scope.visibility.organisation
    switch view {
    case .organisation:
      return [
        (
          "c.handling_org = ? AND c.status IN ('awaitingDispatch', 'handling', 'rectifying', 'merged')",
          [me.org]
        ),
        (
          "c.registering_org = ? AND c.status = 'awaitingDispatch' AND c.handling_org <> c.registering_org",
          [me.org]
        ),
      ]
    case .mine:
      return mineArms(scope)
    case .callback:
      guard let own else {
        // One range of `complaint_status_queue` per status.
        return [("c.status = 'concluded'", []), ("c.status = 'invalid'", [])]
      }
      return sides(own, "c.status IN ('concluded', 'invalid')")
    case .dueSoon:
      guard let own else { return nil }
      return sides(own, "c.due_day BETWEEN ? AND ?").map {
        ($0.0, $0.1 + [scope.today.dayNumber, scope.soonUntil.dayNumber])
      }
    case .overdue:
      guard let own else { return nil }
      return sides(own, "c.due_day < ?").map { ($0.0, $0.1 + [scope.today.dayNumber]) }
    case .supervised:
      guard let own else { return nil }
      return sides(own, "c.supervised = 1")
    case .all:
      return nil
    }
  }

  /// What an organisation handles, and what its desk registered for another one.
  private static func sides(_ org: String, _ clause: String) -> [(String, [any SQLBindable])] {
    [
      ("c.handling_org = ? AND \(clause)", [org]),
      ("c.registering_org = ? AND c.handling_org <> c.registering_org AND \(clause)", [org]),
    ]
  }

  /// 我的: my registrations awaiting dispatch (a supervisor: every one awaiting dispatch), the
  /// extensions I am to decide, my organisation's unclaimed cases and mine (a handler's).
  private static func mineArms(_ scope: ComplaintQueueScope) -> [(String, [any SQLBindable])] {
    let me = scope.staff
    var arms: [(String, [any SQLBindable])] = []
    let handling = "c.status IN ('handling', 'rectifying')"
    if me.has(.supervisor) {
      arms.append(("c.status = 'awaitingDispatch'", []))
      var extensions =
        "c.dispatcher = ? AND c.extension = 'pending' AND c.status <> 'awaitingDispatch'"
      var args: [any SQLBindable] = [me.login]
      if me.has(.handler) {
        // Already on the handler's own ranges below.
        extensions +=
          " AND NOT (c.handling_org = ? AND \(handling) AND (c.handler IS NULL OR c.handler = ?))"
        args += [me.org, me.login]
      }
      arms.append((extensions, args))
    } else {
      var registered = "c.registered_by = ? AND c.status = 'awaitingDispatch'"
      var args: [any SQLBindable] = [me.login]
      if let own = scope.visibility.organisation {
        registered += " AND (c.handling_org = ? OR c.registering_org = ?)"
        args += [own, own]
      }
      arms.append((registered, args))
    }
    if me.has(.handler) {
      arms.append(("c.handling_org = ? AND c.handler IS NULL AND \(handling)", [me.org]))
      arms.append(("c.handling_org = ? AND c.handler = ? AND \(handling)", [me.org, me.login]))
    }
    return arms
  }
}
