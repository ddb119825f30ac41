import Domain

/// The sync tables that record the exchange itself (not projections): what each peer is known
/// to hold, the bundles written and applied, and fork alarms.
struct SyncBookkeeping {
  let db: Connection

  /// What `peer` is known to hold, per origin (from the newest bundle imported from it).
  func marks(of peer: String) throws -> [String: ChainMark] {
    try db.chainMarks(
      of: "sync_peer_mark", "SELECT origin, seq, hash FROM sync_peer_mark WHERE peer = ?", [peer])
  }

  /// The peer's own chain heads as last reported: the witnesses of its history.
  func witnesses(of peer: String) throws -> [String: ChainMark] {
    try marks(of: peer).filter { SyncScope.node(ofOrigin: $0.key) == peer }
  }

  func replaceMarks(of peer: String, with marks: [String: ChainMark]) throws {
    try db.run("DELETE FROM sync_peer_mark WHERE peer = ?", [peer])
    for (origin, mark) in marks {
      try db.run(
        "INSERT INTO sync_peer_mark (peer, origin, seq, hash) VALUES (?, ?, ?, ?)",
        [peer, origin, mark.seq, mark.hash])
    }
  }

  /// The serial of the newest bundle imported from `peer` (0 if none).
  func lastImportedSerial(from peer: String) throws -> Int {
    try db.fetchInt("SELECT coalesce(max(serial), 0) FROM sync_import WHERE peer = ?", [peer])
  }

  /// Serials grow across a restore too: a restored node's record of its exports ends at the
  /// backup, so each epoch starts its serials at `(epoch - 1) * epochSerialSpan + 1`, above
  /// anything an earlier epoch can have sent, and the peer sees its bundles as newer.
  func nextExportSerial(to peer: String, epoch: Int) throws -> Int {
    let next = try db.fetchInt(
      "SELECT coalesce(max(serial), 0) + 1 FROM sync_export WHERE peer = ?", [peer])
    return max(next, (epoch - 1) * Self.epochSerialSpan + 1)
  }

  static let epochSerialSpan = 1_000_000

  struct ImportRecord {
    var peer: String
    var serial: Int
    var ms: Int64
    var actor: String
    var digest: String
    var events: Int
    var quarantined: Int
    var cases: Int
    var conflicts: Int
  }

  func record(_ r: ImportRecord) throws {
    try db.run(
      """
      INSERT INTO sync_import (peer, serial, ts, actor, digest, events, quarantined, cases,
        conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [r.peer, r.serial, r.ms, r.actor, r.digest, r.events, r.quarantined, r.cases, r.conflicts])
  }

  func recordExport(
    peer: String, serial: Int, ms: Int64, actor: String, path: String, events: Int, digest: String
  ) throws {
    try db.run(
      """
      INSERT INTO sync_export (peer, serial, ts, actor, path, events, digest)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """, [peer, serial, ms, actor, path, events, digest])
  }

  func raiseAlarm(_ problem: BundleProblem, at ms: Int64) throws {
    guard let s = problem.alarmSubject else { return }
    try db.run(
      "INSERT INTO sync_alarm (ts, peer, origin, seq, kind, message) VALUES (?, ?, ?, ?, ?, ?)",
      [ms, s.peer, s.origin, s.seq, s.kind, problem.reason])
  }

  func unresolvedConflictCount() throws -> Int {
    try db.fetchInt("SELECT count(*) FROM conflict WHERE resolved_by IS NULL")
  }
}
