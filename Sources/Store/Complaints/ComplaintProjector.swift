import Domain

/// Keeps `complaint`, its full-text row, its deadline and its scope equal to the stream's fold.
struct ComplaintProjector: Projector {
  var streamKind: String { ComplaintMachine.streamKind }
  var tables: [String] { ["complaint_text", "complaint_bigram", "complaint"] }

  func project(stream: String, events: [Event], in context: ProjectionContext) throws
    -> [Conflict]
  {
    let (state, conflicts) = ComplaintMachine.fold(events, context.fold)
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
    try DeadlineIndex.replace(
      stream: stream, with: ComplaintMachine.openDeadlines(k, c.calendar), in: c)
    var orgs: Set<String> = [k.registration.registeringOrg, k.handlingOrg]
    for r in k.returns { orgs.insert(r.org) }
    try StreamScope.replace(stream: stream, organisations: orgs, in: c)
  }

  func rowid(_ id: String, _ c: ProjectionContext) throws -> Int64? {
    try c.db.fetchOne("SELECT rowid FROM complaint WHERE case_id = ?", [id]) { $0.int64(0) }
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
