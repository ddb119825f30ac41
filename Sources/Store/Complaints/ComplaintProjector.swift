import Domain
import Foundation

/// Keeps `complaint`, its full-text row, its deadline and its scope equal to the stream's fold.
struct ComplaintProjector: Projector {
  var streamKind: String { ComplaintMachine.streamKind }
  var tables: [String] {
    ["complaint_text", "complaint_bigram", "complaint", CaseFindIndex.table]
  }

  func project(stream: String, events: [Event], in context: ProjectionContext) throws
    -> [Conflict]
  {
    let (state, conflicts) = ComplaintMachine.fold(events, context.fold)
    try write(state, stream: stream, lastTimestamp: events.last?.timestamp ?? 0, in: context)
    return conflicts
  }

  func fold(stream: String, events: [Event], in context: FoldContext) -> FoldedRows? {
    let (state, conflicts) = ComplaintMachine.fold(events, context)
    let last = events.last?.timestamp ?? 0
    return FoldedRows(conflicts: conflicts) {
      try write(state, stream: stream, lastTimestamp: last, in: $0)
    }
  }

  func decodeState(_ json: Data) -> Any? { ComplaintMachine.decodeState(json) }

  func write(_ state: Complaint?, stream: String, lastTimestamp: Int64, in c: ProjectionContext)
    throws
  {
    let id = String(splitStream(stream).id)
    guard let k = state else {
      if let rowid = try rowid(id, c) { try ComplaintTextIndex.remove(rowid: rowid, c.db) }
      try c.db.hot.run("DELETE FROM complaint WHERE case_id = ?", [id])
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      try CaseFindIndex.replace(stream: stream, keys: [], in: c)
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
    try CaseFindIndex.replace(stream: stream, keys: ComplaintMachine.findKeys(k), in: c)
  }

  func rowid(_ id: String, _ c: ProjectionContext) throws -> Int64? {
    try c.db.hot.fetchOne("SELECT rowid FROM complaint WHERE case_id = ?", [id]) { $0.int64(0) }
  }

  static let row = ProjectedRow(table: "complaint", key: "case_id")

  func upsert(_ k: Complaint, lastTimestamp: Int64, _ c: ProjectionContext) throws {
    let r = k.registration
    let last = k.currentRound
    let concluded = k.status.awaitsCallback || k.status == .closed ? last.conclusion : nil
    let satisfaction = k.rounds.compactMap(\.callback).last?.satisfaction
    // Updated in place, not deleted and inserted: the rowid (and so the full-text row) stays put.
    try Self.row.write(
      key: .text(k.id),
      [
        ("channel", r.channel.rawValue), ("type", r.type.rawValue),
        ("urgency", r.urgency.rawValue), ("limit_days", r.limitDays), ("subject", r.subject),
        ("complainant", r.complainant), ("contact", r.contact),
        ("concerned_org", r.concernedOrg), ("confidentiality", r.confidentiality.rawValue),
        ("registering_org", r.registeringOrg), ("registered_by", k.registeredBy),
        ("registered_on", k.registeredOn.iso), ("status", k.status.rawValue),
        ("handling_org", k.handlingOrg), ("dispatcher", k.dispatcher), ("handler", k.handler),
        ("dispatched_on", k.dispatchedOn?.iso), ("return_until", k.returnUntil?.iso),
        ("due_date", k.due?.iso), ("due_day", k.due?.dayNumber), ("round", last.number),
        ("extension", k.extensionRequest?.state.rawValue), ("merged_into", k.mergedInto),
        ("merged_count", k.mergedSources.count), ("returns", k.returns.count),
        ("concluded_on", concluded?.on.iso), ("concluded_day", concluded?.on.dayNumber),
        ("outcome", concluded?.kind.rawValue), ("on_time", concluded.map(\.onTime)),
        ("satisfaction", satisfaction?.rawValue), ("last_ts", lastTimestamp),
        ("no_callback", k.notCalledBack),
      ], db: c.db)
  }
}
