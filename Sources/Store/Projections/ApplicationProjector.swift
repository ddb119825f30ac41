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
    let caseID = SQLValue.text(String(splitStream(stream).id))
    guard let a = state else {
      try Self.actors.replace(owner: caseID, with: [], db: c.db)
      try Self.notices.replace(owner: caseID, with: [], db: c.db)
      try Self.platform.replace(owner: caseID, with: [], db: c.db)
      try Self.row.delete(key: caseID, db: c.db)
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      try CaseFindIndex.replace(stream: stream, keys: [], in: c)
      return
    }
    let clock = a.queueClock(c.calendar)
    // The case row first: actors and notices reference it.
    try Self.row.write(
      key: caseID,
      [
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
        ("on_time", a.concludedOnTime(c.calendar)), ("assignee", a.work.assignee),
      ], db: c.db)
    try Self.actors.replace(owner: caseID, with: a.actors.map { [("login", $0)] }, db: c.db)
    try Self.notices.replace(
      owner: caseID,
      with: a.notices.map {
        [
          ("number", $0.number), ("kind", $0.kind.rawValue), ("issued_on", $0.issuedOn.iso),
          ("issued_by", $0.issuedBy),
        ]
      }, db: c.db)
    try Self.platform.replace(
      owner: caseID, with: a.platform.map { [[("number", $0.number)]] } ?? [], db: c.db)
    try DeadlineIndex.replace(
      stream: stream, with: ApplicationMachine.openDeadlines(a, c.calendar), in: c)
    try StreamScope.replace(
      stream: stream, organisations: [a.item.organisation, a.registeredOrg], in: c)
    try CaseFindIndex.replace(stream: stream, keys: ApplicationMachine.findKeys(a), in: c)
  }
}
