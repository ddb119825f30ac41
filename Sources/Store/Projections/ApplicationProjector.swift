import Domain

/// 办件 projector: the `application` row, its actors and notices, its deadline rows and scope.
struct ApplicationProjector: FoldingProjector {
  typealias Reducer = ApplicationMachine
  var tables: [String] {
    [
      "application_actor", "application_notice", "application_platform", "application",
      CaseFindIndex.table,
    ]
  }

  static let row = ProjectedRow(table: "application", key: "case_id")
  static let actors = ProjectedRowSet(table: "application_actor", owner: "case_id", key: ["login"])
  static let notices = ProjectedRowSet(
    table: "application_notice", owner: "case_id", key: ["number"])
  static let platform = ProjectedRowSet(
    table: "application_platform", owner: "case_id", key: ["number"])

  func write(_ state: Application?, stream: String, in c: ProjectionContext) throws {
    try Self.rows(state, stream: stream, calendar: c.calendar).write(in: c)
  }

  /// Folds and makes every row here — on a rebuild's folding thread — so the writing thread
  /// only binds and steps (making the rows was a quarter of writing an application).
  func fold(stream: String, events: [Event], in context: FoldContext) -> FoldedRows? {
    let (state, conflicts) = Reducer.fold(events, context)
    let rows = Self.rows(state, stream: stream, calendar: context.calendar)
    return FoldedRows(conflicts: conflicts) { try rows.write(in: $0) }
  }

  /// Every row of one application's fold, made and not yet written.
  static func rows(_ state: Application?, stream: String, calendar: WorkCalendar) -> MadeRows {
    let caseID = SQLValue.text(String(splitStream(stream).id))
    guard let a = state else {
      return MadeRows(
        stream: stream, key: caseID, table: Self.row, row: nil,
        owned: [(actors, []), (notices, []), (platform, [])],
        deadlines: [], scope: [], find: [])
    }
    let clock = a.queueClock(calendar)
    return MadeRows(
      stream: stream, key: caseID, table: Self.row,
      row: [
        ("item_code", a.item.code), ("item_version", a.item.version),
        ("item_name", a.item.name), ("org", a.item.organisation),
        ("registered_org", a.registeredOrg), ("registered_by", a.registeredBy),
        ("registered_at", a.registeredAt), ("registered_on", a.registeredOn.iso),
        ("channel", a.channel.rawValue), ("applicant_kind", a.applicant.kind.rawValue),
        ("applicant_name", a.applicant.name), ("applicant_id", a.applicant.idNumber),
        ("phone", a.applicant.phone), ("status", a.status.rawValue),
        ("status_text", a.statusText), ("is_open", a.status.isOpen),
        ("accepted_on", a.acceptedOn?.iso), ("deemed", a.deemedOn != nil),
        ("due_date", clock?.due.iso), ("due_day", clock?.due.dayNumber),
        ("paused", clock?.paused ?? false), ("closed_on", a.closedOn?.iso),
        ("decision", a.decision?.rawValue), ("rating", a.rating?.level),
        ("on_time", a.concludedOnTime(calendar)), ("assignee", a.work.assignee),
      ],
      owned: [
        (actors, a.actors.map { [("login", $0)] }),
        (
          notices,
          a.notices.map {
            [
              ("number", $0.number), ("kind", $0.kind.rawValue), ("issued_on", $0.issuedOn.iso),
              ("issued_by", $0.issuedBy),
            ]
          }
        ),
        (platform, a.platform.map { [[("number", $0.number)]] } ?? []),
      ],
      deadlines: DeadlineIndex.rows(ApplicationMachine.openDeadlines(a, calendar), calendar),
      scope: StreamScope.rows([a.item.organisation, a.registeredOrg]),
      find: CaseFindIndex.rows(ApplicationMachine.findKeys(a)))
  }
}
