import Domain

extension Store {
  /// Walks every origin's hash chain; `fast` checks the links without rehashing each event.
  public func verifyAudit(fast: Bool = false) throws -> AuditReport {
    try ChainVerifier.verify(db: db, fast: fast)
  }

  public func eventCount() throws -> Int { try Journal.count(db: db) }

  /// A stream's events in fold order: the case timeline.
  public func events(stream: String) throws -> [Event] {
    try Journal.events(stream: stream, db: db)
  }

  /// Recomputes every projection from the journal, in one transaction.
  /// - Parameter progress: streams re-folded of all (`Store.refoldTitle`).
  public func rebuild(progress: ProgressReporter? = nil) throws {
    // From the journal, not from what this process remembers of it.
    foldCache.invalidate()
    PayloadCache.shared.removeAll()
    try db.inTransaction(.immediate) { try refoldAll(progress: progress) }
  }

  /// The body of a rebuild, inside the caller's write transaction (`audit verify` rolls it back).
  func refoldAll(progress: ProgressReporter? = nil) throws {
    // Tables reference each other (staff → org); check the references at commit, not per row.
    try db.execute("PRAGMA defer_foreign_keys = ON")
    for p in projectors {
      for t in p.tables { try db.run("DELETE FROM \(t)") }
    }
    try db.run("DELETE FROM deadline")
    try db.run("DELETE FROM conflict")
    try db.run("DELETE FROM stream_scope")
    // A migration that added projected columns asked for this rebuild.
    try db.run("DELETE FROM refold_pending")
    db.memo.removeAll()
    // Organisations and calendars first: staff reference organisations, deadlines the calendar.
    let order =
      ["org", "calendar"]
      + projectors.map(\.streamKind).filter {
        $0 != "org" && $0 != "calendar"
      }
    let streams = try order.map { try Journal.streams(kind: $0, db: db) }
    let total = streams.reduce(0) { $0 + $1.count }
    var done = 0
    progress?(ProgressStep(Self.refoldTitle, done: 0, total: total))
    for (kind, list) in zip(order, streams) {
      for s in list {
        try reproject(stream: s)
        done += 1
        progress?(ProgressStep(Self.refoldTitle, done: done, total: total))
      }
      if kind == "calendar" { try reloadCalendar() }
    }
  }

  /// Every projected table as text, for comparing a rebuild with the live tables and two nodes'
  /// states. Row order is by primary key.
  public func projectionDump() throws -> String {
    var tables = projectors.flatMap(\.tables) + ["deadline", "conflict", "stream_scope"]
    var seen = Set<String>()
    tables = tables.filter { seen.insert($0).inserted }
    var out = ""
    for t in tables {
      out += "## \(t)\n"
      // A pair key is a secret of this node and differs between the two ends: never dumped.
      let filter = t == "setting" ? " WHERE key NOT LIKE 'pairkey.%'" : ""
      let rows = try db.fetchAll("SELECT * FROM \(t)\(filter)") {
        $0.dumpTexts.joined(separator: "\t")
      }
      out += rows.sorted().joined(separator: "\n") + "\n"
    }
    return out
  }

  /// Refused attempts, newest first.
  public func refusals(limit: Int = 100) throws -> [(actor: String, action: String, reason: String)]
  {
    try db.fetchAll(
      "SELECT actor, action, reason FROM refusal_log ORDER BY id DESC LIMIT ?", [limit]
    ) { ($0.text(0), $0.text(1), $0.text(2)) }
  }
}
