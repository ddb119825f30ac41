import Domain

/// 受理队列 — which applications a list shows.
public enum ApplicationQueue: String, CaseIterable, Sendable {
  /// 我的 — open cases assigned to me (认领, 指派), and those I registered that nobody was
  /// assigned yet while they wait for the intake decision at my desk.
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
  /// A queue, optionally filtered by a search on any part of the case number, applicant name or
  /// ID number (the search also finds closed cases of the same scope, newest first whatever the
  /// sort).
  ///
  /// Read a page at a time (`offset`, `limit`): the order ends on the case number (a search's
  /// on the rowid), so pages neither repeat nor skip a case.
  ///
  /// - Complexity: each queue and sort reads its own ordered index and stops at the page
  ///   (`applicationQueueStatement`); a search reads its fragment's list in `application_search`
  ///   the same way.
  public func applicationQueue(
    _ queue: ApplicationQueue, for staff: Staff, search: String = "",
    sort: ApplicationSort = .timeLeft, offset: Int = 0, limit: Int = 500
  ) throws -> [ApplicationRow] {
    let (sql, args) = try Self.applicationQueueStatement(
      queue, for: staff, search: search, sort: sort)
    return try db.fetchAll(ApplicationRow.self, sql, args + [limit, offset])
  }

  /// Open cases in each queue, for the view tabs.
  /// - Complexity: a key of `application_mine_count` and of `application_count`, and for 全部
  ///   one row per organisation: counters the triggers keep (`Schema.v22`), not the open rows.
  public func applicationQueueCounts(for staff: Staff) throws -> [ApplicationQueue: Int] {
    var out: [ApplicationQueue: Int] = [:]
    out[.mine] = try db.fetchInt(Self.mineCountSQL, [staff.login])
    out[.organisation] = try db.fetchInt(Self.organisationCountSQL, [staff.org])
    if staff.has(.supervisor) { out[.all] = try db.fetchInt(Self.allCountSQL) }
    return out
  }

  static let mineCountSQL =
    "SELECT coalesce(sum(n), 0) FROM application_mine_count WHERE login = ?"
  static let organisationCountSQL =
    "SELECT coalesce(sum(queue), 0) FROM application_count WHERE org = ?"
  /// One row per organisation: sized by the directory, not the cases.
  static let allCountSQL = "SELECT coalesce(sum(handled), 0) FROM application_count"

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
