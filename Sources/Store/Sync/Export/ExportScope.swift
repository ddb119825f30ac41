import Domain

/// 导出范围 — what one node sends another.
///
/// The district sends a township the shared data (every district-only kind) and the case streams
/// that concern an organisation the township's node serves (`stream_scope` joined with
/// `org.node`), never another township's cases. A township sends the district its own events.
/// Nobody sends a peer the peer's own events (except, after a restore, those of its earlier
/// epoch), and node-local configuration never leaves.
struct ExportScope {
  let exporter: NodeIdentity
  let peer: String
  /// Case streams the peer may receive (district exporter only).
  let caseStreams: Set<String>
  /// Organisations the peer's node serves (district exporter only).
  var servedOrganisations: Set<String> = []
  /// 全区通用 templates (`phrase/…` of no organisation): every township receives them.
  var districtWidePhrases: Set<String> = []
  /// The newest epoch the peer has reported (its origins in the marks of its latest bundle).
  var peerEpoch = 0

  static func make(exporter: NodeIdentity, peer: String, db: Connection) throws -> ExportScope {
    var streams = Set<String>()
    var served = Set<String>()
    if exporter.isDistrict {
      try db.forEach(
        """
        SELECT DISTINCT s.stream FROM stream_scope s JOIN org o ON o.code = s.org
        WHERE o.node = ?
        """, [peer]
      ) { streams.insert($0.text(0)) }
      try db.forEach("SELECT code FROM org WHERE node = ?", [peer]) { served.insert($0.text(0)) }
    }
    var scope = ExportScope(exporter: exporter, peer: peer, caseStreams: streams)
    scope.servedOrganisations = served
    if exporter.isDistrict {
      try db.forEach("SELECT id FROM phrase WHERE org IS NULL") {
        scope.districtWidePhrases.insert(PhraseReducer.stream($0.text(0)))
      }
    }
    try db.forEach("SELECT origin FROM sync_peer_mark WHERE peer = ?", [peer]) {
      if SyncScope.node(ofOrigin: $0.text(0)) == peer {
        scope.peerEpoch = max(scope.peerEpoch, SyncScope.epoch(ofOrigin: $0.text(0)) ?? 0)
      }
    }
    return scope
  }

  /// Whether any of this origin's events may go to the peer. The peer's own events go back to
  /// it only from the district and only from an epoch before its current one: a township
  /// restored from a backup gets back what it had sent after the backup.
  func covers(origin: String) -> Bool {
    guard let node = SyncScope.node(ofOrigin: origin) else { return false }
    if node == peer {
      return exporter.isDistrict && SyncScope.isEarlierEpoch(origin, of: peer, before: peerEpoch)
    }
    return exporter.isDistrict || node == exporter.code
  }

  /// Whether this event (of a covered origin) is sent whole rather than as a hash.
  func sends(_ e: Event) -> Bool { sends(stream: e.stream) }

  func sends(stream: String) -> Bool {
    if SyncScope.isLocalOnly(stream: stream) { return false }
    if !exporter.isDistrict || SyncScope.isDistrictOnly(stream: stream) { return true }
    return caseStreams.contains(stream) || districtWidePhrases.contains(stream)
  }

  /// Events at or below the peer's marks that must be sent again: every earlier event of a case
  /// stream that has new events for the peer, so a case that has just come into the peer's scope
  /// (a complaint dispatched to the township) arrives with its whole history; so does every case
  /// of an organisation newly given to the peer's node. Only the district scopes what it sends;
  /// a township's bundle always carries its whole chain.
  func backfill(marks: [String: ChainMark], heads: [String: ChainMark], db: Connection) throws
    -> [String: Set<Int64>]
  {
    guard exporter.isDistrict else { return [:] }
    var active = Set<String>()
    var reassigned = Set<String>()
    for origin in heads.keys.sorted() where covers(origin: origin) {
      let base = marks[origin]?.seq ?? 0
      try db.forEach(
        "SELECT stream FROM journal WHERE origin = ? AND seq > ?", [origin, base]
      ) { row in
        let stream = row.text(0)
        if SyncScope.isCase(stream: stream), caseStreams.contains(stream) { active.insert(stream) }
        let (kind, id) = splitStream(stream)
        if kind == OrganisationReducer.streamKind, servedOrganisations.contains(String(id)) {
          reassigned.insert(String(id))
        }
      }
    }
    for org in reassigned.sorted() {
      try db.forEach("SELECT stream FROM stream_scope WHERE org = ?", [org]) {
        active.insert($0.text(0))
      }
    }
    var out: [String: Set<Int64>] = [:]
    for stream in active {
      try db.forEach("SELECT origin, seq FROM journal WHERE stream = ?", [stream]) { row in
        let origin = row.text(0)
        let seq = row.int64(1)
        if covers(origin: origin), seq <= marks[origin]?.seq ?? 0 {
          out[origin, default: []].insert(seq)
        }
      }
    }
    return out
  }
}
