import Domain

/// Keeps `complaint`, its full-text row, its deadline and its scope equal to the stream's fold.
struct ComplaintProjector: Projector {
  var streamKind: String { ComplaintReducer.streamKind }
  var tables: [String] { ["complaint_text", "complaint_bigram", "complaint"] }

  func project(stream: String, events: [Event], in context: ProjectionContext) throws
    -> [Conflict]
  {
    let (state, conflicts) = ComplaintReducer.fold(events, context.fold)
    try write(state, stream: stream, lastTimestamp: events.last?.timestamp ?? 0, in: context)
    return conflicts
  }

  func write(_ state: Complaint?, stream: String, lastTimestamp: Int64, in c: ProjectionContext)
    throws
  {
    let id = String(splitStream(stream).id)
    guard let k = state else {
      if let rowid = try rowid(id, c) { try ComplaintTextIndex.remove(rowid: rowid, c.db) }
      try c.db.run("DELETE FROM complaint WHERE case_id = ?", [id])
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    try upsert(k, lastTimestamp: lastTimestamp, c)
    if let rowid = try rowid(id, c) {
      try ComplaintTextIndex.replace(
        rowid: rowid, subject: k.registration.subject, content: k.registration.content, c.db)
    }
    try DeadlineIndex.replace(stream: stream, with: Self.deadlines(k), in: c)
    var orgs: Set<String> = [k.registration.registeringOrg, k.handlingOrg]
    for r in k.returns { orgs.insert(r.org) }
    try StreamScope.replace(stream: stream, organisations: orgs, in: c)
  }

  func rowid(_ id: String, _ c: ProjectionContext) throws -> Int64? {
    try c.db.fetchOne("SELECT rowid FROM complaint WHERE case_id = ?", [id]) { $0.int64(0) }
  }

  /// The open deadline of a complaint, if it has a clock of its own.
  static func deadlines(_ k: Complaint) -> [OpenDeadline] {
    guard let due = k.due else { return [] }
    let round = k.currentRound
    return [
      OpenDeadline(
        kind: ComplaintReducer.streamKind, caseID: k.id, organisation: k.handlingOrg,
        handler: k.status == .awaitingDispatch ? k.dispatcher : k.handler,
        title: k.isConfidential
          ? "保密\(k.registration.type.title)(\(k.registration.confidentiality.title))"
          : k.registration.subject,
        state: stateTitle(k), start: round.startedOn, limitDays: round.limitDays, due: due)
    ]
  }

  /// The state in the clerk's words, with what waits on whom.
  static func stateTitle(_ k: Complaint) -> String {
    if k.extensionRequest?.state == .pending { return "延期待批" }
    if k.status == .awaitingDispatch && !k.returns.isEmpty { return "已退回待分派" }
    return k.status.title
  }

  static let row = ProjectedRow(
    table: "complaint", key: "case_id",
    columns: [
      "channel", "type", "urgency", "limit_days", "subject", "complainant", "contact",
      "concerned_org", "confidentiality", "registering_org", "registered_by", "registered_on",
      "status", "handling_org", "dispatcher", "handler", "dispatched_on", "return_until",
      "due_date", "due_day", "round", "extension", "merged_into", "merged_count", "returns",
      "concluded_on", "concluded_day", "outcome", "on_time", "satisfaction", "last_ts",
    ])

  func upsert(_ k: Complaint, lastTimestamp: Int64, _ c: ProjectionContext) throws {
    let r = k.registration
    let last = k.currentRound
    let concluded = k.status.awaitsCallback || k.status == .closed ? last.conclusion : nil
    let satisfaction = k.rounds.compactMap(\.callback).last?.satisfaction
    // Updated in place, not deleted and inserted: the rowid (and so the full-text row) stays put.
    let values: [any SQLBindable] = [
      r.channel.rawValue, r.type.rawValue, r.urgency.rawValue, r.limitDays, r.subject,
      r.complainant, r.contact, r.concernedOrg, r.confidentiality.rawValue, r.registeringOrg,
      k.registeredBy, k.registeredOn.iso, k.status.rawValue, k.handlingOrg, k.dispatcher,
      k.handler, k.dispatchedOn?.iso, k.returnUntil?.iso, k.due?.iso, k.due?.dayNumber,
      last.number, k.extensionRequest?.state.rawValue, k.mergedInto, k.mergedSources.count,
      k.returns.count, concluded?.on.iso, concluded?.on.dayNumber, concluded?.kind.rawValue,
      concluded.map(\.onTime), satisfaction?.rawValue, lastTimestamp,
    ]
    try Self.row.write(key: .text(k.id), values.map(\.sqlValue), db: c.db)
  }
}
