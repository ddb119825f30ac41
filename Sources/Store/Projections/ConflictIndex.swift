import Domain

/// Keeps the `conflict` table equal to the conflicts a stream's fold reports, with resolutions
/// taken from `conflict.resolved` events of the same stream.
enum ConflictIndex {
  static func replace(stream: String, conflicts: [Conflict], events: [Event], db: Connection)
    throws
  {
    if !db.memo.projectingFresh {
      try db.hot.run("DELETE FROM conflict WHERE stream = ?", [stream])
    }
    guard !conflicts.isEmpty else { return }
    var resolutions: [String: (String, String)] = [:]
    for e in events where e.type == .conflictResolved {
      if let r = try? e.decode(ConflictResolution.self) {
        resolutions["\(r.origin)#\(r.seq)"] = (e.actor, r.resolution)
      }
    }
    for c in conflicts {
      let r = resolutions["\(c.origin)#\(c.seq)"]
      try db.hot.run(
        "INSERT OR REPLACE INTO conflict (origin, seq, stream, message, resolved_by, resolution) VALUES (?, ?, ?, ?, ?, ?)",
        [c.origin, c.seq, stream, c.message, r?.0, r?.1])
    }
  }
}
