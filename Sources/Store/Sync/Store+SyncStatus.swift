import Domain
import Foundation

/// One bundle exchanged with a peer, for the 同步 pane.
public struct BundleRecord: Equatable, Sendable {
  public var at: Date
  public var serial: Int
  public var events: Int
}

/// 对端节点 — a node this one exchanges bundles with, and how the exchange stands.
public struct PeerSyncStatus: Equatable, Sendable {
  public var code: String
  public var name: String
  public var lastExport: BundleRecord?
  public var lastImport: BundleRecord?
  /// Events this node holds beyond the peer's marks, per origin (what it is known to lack).
  public var lacking: [String: Int64]
}

/// 分叉告警 — a refused bundle that disagreed with this node's history.
public struct SyncAlarm: Equatable, Sendable {
  public var at: Date
  public var peer: String
  public var message: String
}

extension BundleRecord: RowDecodable, Decodable {
  /// Read from either log; the error names both.
  public static let table = "sync_export/sync_import"
  public static let keyColumn = "serial"
  enum CodingKeys: String, CodingKey {
    case at = "ts"
    case serial, events
  }
}

extension SyncAlarm: RowDecodable, Decodable {
  public static let table = "sync_alarm"
  public static let keyColumn = "ts"
  enum CodingKeys: String, CodingKey {
    case at = "ts"
    case peer, message
  }
}

/// Everything the 同步 pane shows.
public struct SyncOverview: Equatable, Sendable {
  public var node: NodeIdentity
  public var peers: [PeerSyncStatus]
  public var awaiting: [AwaitedEvents]
  public var alarms: [SyncAlarm]
  public var conflicts: [ConflictRecord]
}

extension Store {
  /// The peers this node exchanges with: every enrolled township at the district; the district
  /// at a township.
  public func syncPeers() throws -> [(code: String, name: String)] {
    if node.isDistrict {
      return try db.fetchAll(
        "SELECT code, name FROM peer_node WHERE code <> ? ORDER BY code", [node.code]
      ) { row in
        try row.read("peer_node", keyColumn: "code") {
          (try $0.decode("code"), try $0.decode("name"))
        }
      }
    }
    return [(node.district, try peerName(node.district))]
  }

  public func syncOverview(alarmLimit: Int = 20) throws -> SyncOverview {
    try db.inTransaction(.deferred) {
      let heads = try LocalChain(db: db).heads()
      let book = SyncBookkeeping(db: db)
      var peers: [PeerSyncStatus] = []
      for (code, name) in try syncPeers() {
        let scope = ExportScope(exporter: node, peer: code, caseStreams: [])
        let marks = try book.marks(of: code)
        var lacking: [String: Int64] = [:]
        for (origin, head) in heads where scope.covers(origin: origin) {
          let gap = head.seq - (marks[origin]?.seq ?? 0)
          if gap > 0 { lacking[origin] = gap }
        }
        peers.append(
          PeerSyncStatus(
            code: code, name: name, lastExport: try lastBundle("sync_export", peer: code),
            lastImport: try lastBundle("sync_import", peer: code), lacking: lacking))
      }
      let alarms = try db.fetchAll(
        SyncAlarm.self, "SELECT ts, peer, message FROM sync_alarm ORDER BY id DESC LIMIT ?",
        [alarmLimit])
      return SyncOverview(
        node: node, peers: peers, awaiting: try awaitedEvents(), alarms: alarms,
        conflicts: try openConflicts())
    }
  }

  private func lastBundle(_ table: String, peer: String) throws -> BundleRecord? {
    try db.fetchOne(
      BundleRecord.self,
      "SELECT ts, serial, events FROM \(table) WHERE peer = ? ORDER BY id DESC LIMIT 1", [peer])
  }

  static func date(ms: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(ms) / 1000) }

  /// What the quarantine waits for: per origin, the missing range and who sent what waits.
  public func awaitedEvents() throws -> [AwaitedEvents] {
    try db.fetchAll(
      """
      SELECT q.origin, coalesce(h.last_seq, 0) AS head, min(q.seq) AS first_held,
        sum(1 - q.elided) AS waiting,
        (SELECT peer FROM sync_quarantine p WHERE p.origin = q.origin ORDER BY p.seq LIMIT 1)
          AS peer
      FROM sync_quarantine q LEFT JOIN origin_head h ON h.origin = q.origin
      GROUP BY q.origin ORDER BY q.origin
      """
    ) { row in
      try row.read("sync_quarantine", keyColumn: "origin") { r in
        AwaitedEvents(
          origin: try r.decode("origin"), from: try r.decode("head", as: Int64.self) + 1,
          through: try r.decode("first_held", as: Int64.self) - 1, peer: try r.decode("peer"),
          waiting: try r.decode("waiting"))
      }
    }
  }
}
