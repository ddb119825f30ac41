import Domain

/// 办件 projector: the `application` row, its actors and notices, its deadline rows and scope.
struct ApplicationProjector: FoldingProjector {
  typealias Reducer = ApplicationReducer
  var tables: [String] { ["application_actor", "application_notice", "application"] }

  func write(_ state: Application?, stream: String, in c: ProjectionContext) throws {
    let caseID = String(splitStream(stream).id)
    try c.db.run("DELETE FROM application_actor WHERE case_id = ?", [caseID])
    try c.db.run("DELETE FROM application_notice WHERE case_id = ?", [caseID])
    guard let a = state else {
      try c.db.run("DELETE FROM application WHERE case_id = ?", [caseID])
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    let clock = a.queueClock(c.calendar)
    try c.db.run(
      """
      INSERT OR REPLACE INTO application (case_id, item_code, item_version, item_name, org,
        registered_org, registered_by, registered_at, registered_on, channel, applicant_kind,
        applicant_name, applicant_id, phone, status, status_text, is_open, accepted_on, deemed,
        due_date, due_day, paused, closed_on, decision, rating, on_time)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        a.caseID, a.item.code, a.item.version, a.item.name, a.item.organisation, a.registeredOrg,
        a.registeredBy, a.registeredAt, a.registeredOn.iso, a.channel.rawValue,
        a.applicant.kind.rawValue, a.applicant.name, a.applicant.idNumber, a.applicant.phone,
        a.status.rawValue, a.statusText, a.status.isOpen, a.acceptedOn?.iso, a.deemedOn != nil,
        clock?.due.iso, clock?.due.dayNumber, clock?.paused ?? false, a.closedOn?.iso,
        a.decision?.rawValue, a.rating?.level, a.concludedOnTime(c.calendar),
      ])
    for login in a.actors {
      try c.db.run(
        "INSERT OR IGNORE INTO application_actor (login, case_id) VALUES (?, ?)", [login, caseID])
    }
    for n in a.notices {
      try c.db.run(
        """
        INSERT OR REPLACE INTO application_notice (number, case_id, kind, issued_on, issued_by)
        VALUES (?, ?, ?, ?, ?)
        """, [n.number, caseID, n.kind.rawValue, n.issuedOn.iso, n.issuedBy])
    }
    let deadlines = a.clocks(c.calendar).map {
      OpenDeadline(
        purpose: $0.purpose, kind: ApplicationReducer.streamKind, caseID: a.caseID,
        organisation: a.item.organisation, handler: a.review?.by, title: a.item.name,
        state: $0.state, start: $0.start, limitDays: $0.limitDays, due: $0.due, paused: $0.paused)
    }
    try DeadlineIndex.replace(stream: stream, with: deadlines, in: c)
    try StreamScope.replace(
      stream: stream, organisations: [a.item.organisation, a.registeredOrg], in: c)
  }
}
