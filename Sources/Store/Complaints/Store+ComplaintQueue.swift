import Domain

extension Store {
  /// One page of a view, least time left first, then the most recently active.
  /// - Complexity: each view reads its partial indexes in queue order and stops at the page
  ///   (`queueMergedStatement`; 全部, a supervisor's 即将到期/已超期 and 待督办回复 one
  ///   index); a search is planned by `ComplaintSearch` (in 全部 the word's index read newest
  ///   first; elsewhere a short index list, or the view read in order).
  public func complaintQueue(
    _ view: ComplaintView, filter: ComplaintFilter, scope: ComplaintQueueScope, offset: Int = 0,
    limit: Int = 200
  ) throws -> [ComplaintRow] {
    guard let (sql, args) = try complaintQueueStatement(view, filter: filter, scope: scope)
    else { return [] }
    return try db.fetchAll(ComplaintRow.self, sql, args + [limit, offset]).map {
      scope.visibility.masked($0)
    }
  }

  /// How many cases each view holds under the same filter (the header's counts), counted up to
  /// `ComplaintFilter.searchCountCap` + 1 and shown past it as 500+: a view's count costs at
  /// most that many index entries, however many cases the district holds (issue 26). The views
  /// combine the operator's roles, visibility, filters and the date, so no counter could answer
  /// them all; a bound is what stays true at any size.
  public func complaintCounts(filter: ComplaintFilter, scope: ComplaintQueueScope) throws
    -> [ComplaintView: Int]
  {
    let search = try ComplaintSearch.plan(
      filter.search, db: db, commonAt: complaintSearchCommonAt)
    var out: [ComplaintView: Int] = [:]
    for view in ComplaintView.allCases {
      let read: (from: String, whereSQL: String, args: [any SQLBindable])
      if view == .all, let all = Self.searchAllRead(filter, scope) {
        read = (all.from, all.whereSQL, all.args)
      } else if let (whereSQL, args) = Self.queueWhere(view, filter, scope, search: search) {
        read = ("complaint c", whereSQL, args)
      } else {
        continue
      }
      out[view] = try db.fetchInt(
        "SELECT count(*) FROM (SELECT 1 FROM \(read.from) WHERE \(read.whereSQL) LIMIT ?)",
        read.args + [ComplaintSearch.countCap + 1])
    }
    return out
  }

  /// The SQL of a view's page (its last two values, LIMIT and OFFSET, to be added), with the
  /// search planned; nil when the view is not the operator's. The benchmark runs it directly
  /// as the floor of `complaintQueue`.
  public func complaintQueueStatement(
    _ view: ComplaintView, filter: ComplaintFilter, scope: ComplaintQueueScope
  ) throws -> (String, [any SQLBindable])? {
    if view == .all, let read = Self.searchAllStatement(filter, scope) { return read }
    let search = try ComplaintSearch.plan(
      filter.search, db: db, commonAt: complaintSearchCommonAt)
    if let merged = Self.queueMergedStatement(view, filter, scope, search: search) {
      return merged
    }
    guard let (whereSQL, args) = Self.queueWhere(view, filter, scope, search: search) else {
      return nil
    }
    return (Self.queueSQL(whereSQL, order: Self.queueOrder(view)), args)
  }

  /// A page of a view in queue order; `complaint_by_queue_order` is this ORDER BY.
  static func queueSQL(_ whereSQL: String, order: String = queueOrder) -> String {
    """
    SELECT \(queueColumns)
    FROM complaint c WHERE \(whereSQL)
    ORDER BY \(order) LIMIT ? OFFSET ?
    """
  }

  static let queueColumns = """
    c.case_id, c.type, c.urgency, c.channel, c.subject, c.handling_org, c.status,
      c.due_date, c.confidentiality, c.merged_into, c.merged_count, c.extension, c.supervised,
      c.registered_on, c.no_callback
    """

  static let queueOrder = "c.due_day IS NULL, c.due_day, c.last_ts DESC, c.case_id"

  static let openStatuses = "('awaitingDispatch', 'handling', 'rectifying')"

  /// The WHERE clause of a view for the operator; nil when the view is not theirs (全部 for
  /// anyone but a supervisor). Values are always bound, never written into the SQL.
  static func queueWhere(
    _ view: ComplaintView, _ filter: ComplaintFilter, _ scope: ComplaintQueueScope,
    search: ComplaintSearch? = nil
  ) -> (String, [any SQLBindable])? {
    let me = scope.staff
    var clauses: [String] = []
    var args: [any SQLBindable] = []
    // Outside the district's supervisors, a clerk sees what their organisation handles or
    // registered. 本单位 lies inside that already, and stating it again would lead SQLite to walk
    // every complaint the organisation ever handled instead of its open ones.
    if let own = scope.visibility.organisation, view != .organisation {
      clauses.append("(c.handling_org = ? OR c.registering_org = ?)")
      args += [own, own]
    }
    switch view {
    case .mine:
      var mine: [String] = ["(c.registered_by = ? AND c.status = 'awaitingDispatch')"]
      args.append(me.login)
      // A supervisor dispatches: every case waiting for dispatch is theirs to act on, whoever
      // registered it (a counter clerk's too).
      if me.has(.supervisor) {
        mine.append(
          "(c.status = 'awaitingDispatch' OR (c.dispatcher = ? AND c.extension = 'pending'))")
        args.append(me.login)
      }
      // A handler's: what is assigned to them, and what nobody in the organisation has yet (to
      // take, 认领); a case assigned to a colleague is theirs.
      if me.has(.handler) {
        mine.append(
          "(c.handling_org = ? AND c.status IN ('handling', 'rectifying') AND (c.handler IS NULL OR c.handler = ?))"
        )
        args += [me.org, me.login]
      }
      clauses.append("(" + mine.joined(separator: " OR ") + ")")
    case .organisation:
      clauses.append(
        "((c.handling_org = ? AND c.status IN ('awaitingDispatch', 'handling', 'rectifying', 'merged')) OR (c.registering_org = ? AND c.status = 'awaitingDispatch'))"
      )
      args += [me.org, me.org]
    case .dueSoon:
      clauses.append("c.due_day BETWEEN ? AND ?")
      args += [scope.today.dayNumber, scope.soonUntil.dayNumber]
    case .overdue:
      clauses.append("c.due_day < ?")
      args.append(scope.today.dayNumber)
    case .callback:
      clauses.append("c.status IN ('concluded', 'invalid')")
    case .supervised:
      // Kept by the notices' triggers (`Schema.v26`): a range of complaint_supervised_queue.
      clauses.append("c.supervised = 1")
    case .all:
      guard scope.visibility.seesEveryOrganisation else { return nil }
    }
    appendFilter(filter, search, scope, &clauses, &args)
    return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), args)
  }

  static func appendFilter(
    _ f: ComplaintFilter, _ search: ComplaintSearch?, _ scope: ComplaintQueueScope,
    _ clauses: inout [String], _ args: inout [any SQLBindable]
  ) {
    var filters = SQLConditions()
    filters.add("c.handling_org = ?", ifSet: f.org)
    filters.add("c.type = ?", ifSet: f.type?.rawValue)
    filters.add("c.urgency = ?", ifSet: f.urgency?.rawValue)
    filters.add("c.channel = ?", ifSet: f.channel?.rawValue)
    clauses += filters.clauses
    args += filters.args
    guard let search else { return }
    clauses.append(search.clause)
    args += search.args
    if !scope.visibility.seesEveryOrganisation {
      // The text of a confidential case must not be found by words from outside (第二十九条):
      // `Visibility.mayReadConfidential` as SQL.
      clauses.append("(c.confidentiality = 'none' OR c.handling_org = ?)")
      args.append(scope.visibility.staff.org)
    }
  }
}

extension Visibility {
  /// A queue line as the operator may read it: a confidential case of another organisation
  /// keeps its number, badges and status, never its subject (第二十九条).
  func masked(_ row: ComplaintRow) -> ComplaintRow {
    let hidden =
      content(confidential: row.confidentiality.isConfidential, handlingOrg: row.handlingOrg)
      == .hidden
    guard hidden else { return row }
    var r = row
    r.subject = ""
    r.masked = true
    return r
  }
}
