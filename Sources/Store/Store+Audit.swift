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

  /// Every projected table as text, for comparing a rebuild with the live tables and two nodes'
  /// states. Row order is by primary key.
  public func projectionDump() throws -> String {
    var out = ""
    for t in projectionTables {
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
      "SELECT id, actor, action, reason FROM refusal_log ORDER BY id DESC LIMIT ?", [limit]
    ) { row in
      try row.read("refusal_log", keyColumn: "id") {
        (try $0.decode("actor"), try $0.decode("action"), try $0.decode("reason"))
      }
    }
  }
}
