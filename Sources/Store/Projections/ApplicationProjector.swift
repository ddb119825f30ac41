import Domain

/// 办件 projector: the `application` row, its actors and notices, its deadline rows and scope.
struct ApplicationProjector: FoldingProjector {
  typealias Reducer = ApplicationMachine
  var tables: [String] { ["application_actor", "application_notice", "application"] }

  static let row = ProjectedRow(
    table: "application", key: "case_id",
    columns: [
      "item_code", "item_version", "item_name", "org", "registered_org", "registered_by",
      "registered_at", "registered_on", "channel", "applicant_kind", "applicant_name",
      "applicant_id", "phone", "status", "status_text", "is_open", "accepted_on", "deemed",
      "due_date", "due_day", "paused", "closed_on", "decision", "rating", "on_time",
    ])
  static let actors = ProjectedRowSet(
    table: "application_actor", owner: "case_id", key: ["login"], columns: [])
  static let notices = ProjectedRowSet(
    table: "application_notice", owner: "case_id", key: ["number"],
    columns: ["kind", "issued_on", "issued_by"])

  func write(_ state: Application?, stream: String, in c: ProjectionContext) throws {
    let caseID = SQLValue.text(String(splitStream(stream).id))
    guard let a = state else {
      try Self.actors.replace(owner: caseID, with: [], db: c.db)
      try Self.notices.replace(owner: caseID, with: [], db: c.db)
      try Self.row.delete(key: caseID, db: c.db)
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    let clock = a.queueClock(c.calendar)
    let values: [any SQLBindable] = [
      a.item.code, a.item.version, a.item.name, a.item.organisation, a.registeredOrg,
      a.registeredBy, a.registeredAt, a.registeredOn.iso, a.channel.rawValue,
      a.applicant.kind.rawValue, a.applicant.name, a.applicant.idNumber, a.applicant.phone,
      a.status.rawValue, a.statusText, a.status.isOpen, a.acceptedOn?.iso, a.deemedOn != nil,
      clock?.due.iso, clock?.due.dayNumber, clock?.paused ?? false, a.closedOn?.iso,
      a.decision?.rawValue, a.rating?.level, a.concludedOnTime(c.calendar),
    ]
    // The case row first: actors and notices reference it.
    try Self.row.write(key: caseID, values.map(\.sqlValue), db: c.db)
    try Self.actors.replace(owner: caseID, with: a.actors.map { [.text($0)] }, db: c.db)
    try Self.notices.replace(
      owner: caseID,
      with: a.notices.map {
        [.text($0.number), .text($0.kind.rawValue), .text($0.issuedOn.iso), .text($0.issuedBy)]
      }, db: c.db)
    try DeadlineIndex.replace(
      stream: stream, with: ApplicationMachine.openDeadlines(a, c.calendar), in: c)
    try StreamScope.replace(
      stream: stream, organisations: [a.item.organisation, a.registeredOrg], in: c)
  }
}
