import Domain

/// 受理队列 — which applications a list shows.
public enum ApplicationQueue: String, CaseIterable, Sendable {
  /// 我的 — open cases I took a step on (registered, accepted, reviewed …).
  case mine
  /// 本单位 — open cases of my organisation, as implementing organisation or registering desk.
  case organisation
  /// 已办结 — my organisation's closed cases, latest first.
  case closed
  /// 全部 — every open case (supervisors).
  case all
}

/// 排序
public enum ApplicationSort: String, CaseIterable, Sendable {
  /// 按剩余时间 — least time left first; stopped clocks after the running ones.
  case timeLeft
  /// 按登记时间 — newest first.
  case registered
}

/// One line of an application queue: masked identifiers only.
public struct ApplicationRow: Equatable, Sendable {
  public var caseID: String
  public var itemName: String
  public var organisation: String
  public var applicantName: String
  /// 脱敏证件号
  public var maskedID: String
  /// 脱敏电话
  public var maskedPhone: String
  public var channel: ApplicationChannel
  public var status: ApplicationStatus
  public var statusText: String
  public var registeredOn: CivilDate
  public var registeredBy: String
  public var due: CivilDate?
  public var paused: Bool
  public var deemed: Bool
  public var closedOn: CivilDate?
}

extension Store {
  /// A queue, optionally filtered by a search on case number, applicant name or ID number (the
  /// search also finds closed cases of the same scope).
  ///
  /// Read a page at a time (`offset`, `limit`): the order ends on the case number, so pages
  /// neither repeat nor skip a case.
  ///
  /// - Complexity: 本单位 is two index ranges of the organisation's open cases
  ///   (`application_open_by_org`, `application_open_by_desk`); a search scans the scope.
  public func applicationQueue(
    _ queue: ApplicationQueue, for staff: Staff, search: String = "",
    sort: ApplicationSort = .timeLeft, offset: Int = 0, limit: Int = 500
  ) throws -> [ApplicationRow] {
    var conditions: [String] = []
    var args: [any SQLBindable] = []
    switch queue {
    case .mine:
      conditions.append("case_id IN (SELECT case_id FROM application_actor WHERE login = ?)")
      args.append(staff.login)
    case .organisation, .closed:
      conditions.append("(org = ? OR registered_org = ?)")
      args += [staff.org, staff.org]
    case .all:
      guard staff.has(.supervisor) else { throw Refusal("只有督办人员可以查看全部办件") }
    }
    let text = search.trimmingSpaces()
    if text.isEmpty, queue == .organisation {
      // Each side of the OR as its own index range (rowids from the covering index): as one
      // `is_open = 1 AND (… OR …)` SQLite walked every open case of the district.
      conditions = [
        """
        rowid IN (SELECT rowid FROM application WHERE is_open = 1 AND org = ?
          UNION ALL SELECT rowid FROM application WHERE is_open = 1 AND registered_org = ?)
        """
      ]
    } else if text.isEmpty {
      conditions.append(queue == .closed ? "is_open = 0" : "is_open = 1")
    } else {
      let pattern = "%" + Store.escapeLike(text) + "%"
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
    args += [limit, offset]
    return try db.fetchAll(
      ApplicationRow.self,
      """
      SELECT case_id, item_name, org, applicant_name, applicant_kind, applicant_id, phone, channel,
        status, status_text, registered_on, registered_by, due_date, paused, deemed, closed_on
      FROM application WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order)
      LIMIT ? OFFSET ?
      """, args)
  }

  /// Open cases in each queue, for the view tabs.
  /// - Complexity: a key of `application_mine_count` and of `application_count`, and for 全部
  ///   one row per organisation: counters the triggers keep (`Schema.v19`), not the open rows.
  public func applicationQueueCounts(for staff: Staff) throws -> [ApplicationQueue: Int] {
    var out: [ApplicationQueue: Int] = [:]
    out[.mine] = try db.fetchInt(
      "SELECT coalesce(sum(n), 0) FROM application_mine_count WHERE login = ?", [staff.login])
    out[.organisation] = try db.fetchInt(
      "SELECT coalesce(sum(queue), 0) FROM application_count WHERE org = ?", [staff.org])
    if staff.has(.supervisor) {
      out[.all] = try db.fetchInt("SELECT coalesce(sum(handled), 0) FROM application_count")
    }
    return out
  }

  /// The case for its detail view, with its events (the timeline), if the operator may see it.
  public func applicationDetail(caseID: String, for staff: Staff) throws -> (
    application: Application, events: [Event]
  )? {
    let events = try self.events(stream: ApplicationMachine.stream(caseID))
    guard !events.isEmpty, let a = ApplicationMachine.fold(events, foldContext).state else {
      return nil
    }
    guard
      ApplicationActions.canView(staff, a, staffAtServiceCentre: try isServiceCentre(staff.org))
    else {
      throw Refusal(
        "办件\(caseID)属于\(try organisationName(a.item.organisation) ?? a.item.organisation),无权查看")
    }
    return (a, events)
  }
}

extension ApplicationRow: RowDecodable {
  public static let table = "application"
  public static let keyColumn = "case_id"

  /// A list line: the identifiers masked as they are read, so no list ever holds them whole.
  public init(row r: Row) throws {
    let kind: ApplicantKind = try r.decode("applicant_kind")
    let id: String = try r.decode("applicant_id")
    self.init(
      caseID: try r.decode("case_id"), itemName: try r.decode("item_name"),
      organisation: try r.decode("org"), applicantName: try r.decode("applicant_name"),
      maskedID: kind == .person ? ResidentID.mask(id) : CreditCode.mask(id),
      maskedPhone: PhoneNumber.mask(try r.decode("phone")), channel: try r.decode("channel"),
      status: try r.decode("status"), statusText: try r.decode("status_text"),
      registeredOn: try r.decode("registered_on"), registeredBy: try r.decode("registered_by"),
      due: try r.decode("due_date"), paused: try r.decode("paused"),
      deemed: try r.decode("deemed"), closedOn: try r.decode("closed_on"))
  }
}
