import Domain

/// 清单 — what a bundle says about itself: who wrote it for whom, the exporter's chain heads,
/// what the exporter last saw of the recipient's own chains, and how to check its contents.
struct BundleManifest: Equatable {
  enum Kind: String {
    case sync
    /// 登记文件: the first bundle for a newly enrolled township, used by `zwfw init`.
    case enrolment
  }

  var format: Int
  var kind: Kind
  var district: String
  var fromNode: String
  var fromOrigin: String
  var toNode: String
  /// Counts up per (exporter, recipient): the recipient tells an older bundle by it.
  var serial: Int
  /// Milliseconds since 1970 UTC.
  var createdAt: Int64
  var training: Bool
  var eventCount: Int
  var elidedCount: Int
  var digest: String
  /// The exporter's per-origin high-water marks and chain heads.
  var marks: [String: ChainMark]
  /// The recipient's own chain heads as the exporter last saw them (its witnesses).
  var witness: [String: ChainMark]

  func write(to db: Connection) throws {
    try db.run(
      """
      INSERT INTO manifest (id, format, kind, district, from_node, from_origin, to_node, serial,
        created_at, training, event_count, elided_count, digest)
      VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        format, kind.rawValue, district, fromNode, fromOrigin, toNode, serial, createdAt, training,
        eventCount, elidedCount, digest,
      ])
    for (table, rows) in [("mark", marks), ("witness", witness)] {
      for (origin, mark) in rows.sorted(by: { $0.key < $1.key }) {
        try db.run(
          "INSERT INTO \(table) (origin, seq, hash) VALUES (?, ?, ?)",
          [origin, mark.seq, mark.hash])
      }
    }
  }

  /// Reads and sanity-checks the manifest of an opened bundle.
  static func read(from db: Connection, path: String) throws -> BundleManifest {
    let rows = try db.fetchAll(
      """
      SELECT format, kind, district, from_node, from_origin, to_node, serial, created_at, training,
        event_count, elided_count, digest FROM manifest
      """
    ) { row -> BundleManifest? in
      guard let kind = Kind(rawValue: row.text(1)) else { return nil }
      return BundleManifest(
        format: row.int(0), kind: kind, district: row.text(2), fromNode: row.text(3),
        fromOrigin: row.text(4), toNode: row.text(5), serial: row.int(6), createdAt: row.int64(7),
        training: row.bool(8), eventCount: row.int(9), elidedCount: row.int(10),
        digest: row.text(11), marks: [:], witness: [:])
    }
    guard rows.count == 1, var manifest = rows[0] else {
      throw BundleProblem.malformed(path: path, detail: "清单应有且只有一行")
    }
    guard manifest.format == BundleFormat.version, manifest.serial >= 1,
      manifest.eventCount >= 0, manifest.elidedCount >= 0, manifest.digest.count == 64,
      NodeEnrolment.checkCode(manifest.fromNode) == nil,
      NodeEnrolment.checkCode(manifest.toNode) == nil,
      NodeEnrolment.checkCode(manifest.district) == nil,
      SyncScope.node(ofOrigin: manifest.fromOrigin) == manifest.fromNode
    else { throw BundleProblem.malformed(path: path, detail: "清单内容无效") }
    manifest.marks = try readMarks("mark", db: db, path: path)
    manifest.witness = try readMarks("witness", db: db, path: path)
    return manifest
  }

  static func readMarks(_ table: String, db: Connection, path: String) throws -> [String: ChainMark]
  {
    let marks: [String: ChainMark]
    do {
      marks = try db.chainMarks(of: table, "SELECT origin, seq, hash FROM \(table)")
    } catch is StoreError {
      // A bundle is someone else's file: a value of the wrong kind is a malformed bundle.
      throw BundleProblem.malformed(path: path, detail: "链头记录无效")
    }
    for (origin, mark) in marks {
      guard SyncScope.node(ofOrigin: origin) != nil, mark.seq >= 0,
        mark.hash.count == (mark.seq == 0 ? 0 : 64)
      else { throw BundleProblem.malformed(path: path, detail: "链头记录无效") }
    }
    return marks
  }
}
