import Domain

/// This node's knowledge of other origins' chains: the events it holds, the ranges it holds only
/// as hashes, each origin's head, and the items waiting in quarantine. Reads and writes go
/// through cached statements: an import of 100k events runs these in a tight loop.
struct LocalChain {
  let db: Connection

  func head(_ origin: String) throws -> ChainMark {
    let (seq, hash) = try Journal.head(of: origin, db: db)
    return ChainMark(seq: seq, hash: hash)
  }

  /// Every synchronisable origin's head (node-local origins excluded).
  func heads() throws -> [String: ChainMark] {
    try db.chainMarks(
      of: "origin_head", "SELECT origin, last_seq AS seq, last_hash AS hash FROM origin_head",
      cached: true
    ).filter { SyncScope.node(ofOrigin: $0.key) != nil }
  }

  func eventHash(_ origin: String, _ seq: Int64) throws -> String? {
    try db.hot.fetchOne("SELECT hash FROM journal WHERE origin = ? AND seq = ?", [origin, seq]) {
      $0.text(0)
    }
  }

  /// The hash at `seq` if this node knows it: from the event itself, the end of an elided range,
  /// the head, or the link the next event or range carries. Sequence 0 is the empty hash.
  func knownHash(_ origin: String, _ seq: Int64) throws -> String? {
    if seq == 0 { return "" }
    if let h = try eventHash(origin, seq) { return h }
    if let h = try db.hot.fetchOne(
      "SELECT hash FROM chain_elided WHERE origin = ? AND last_seq = ?", [origin, seq],
      { $0.text(0) }
    ) {
      return h
    }
    let head = try self.head(origin)
    if head.seq == seq { return head.hash }
    if let h = try db.hot.fetchOne(
      "SELECT prev_hash FROM journal WHERE origin = ? AND seq = ?", [origin, seq + 1],
      { $0.text(0) })
    {
      return h
    }
    return try db.hot.fetchOne(
      "SELECT prev_hash FROM chain_elided WHERE origin = ? AND first_seq = ?", [origin, seq + 1]
    ) { $0.text(0) }
  }

  /// The elided range holding `seq`, if any.
  func elided(_ origin: String, containing seq: Int64) throws -> ElidedRange? {
    let range = try db.hot.fetchOne(
      ElidedRange.self,
      """
      SELECT \(ElidedRange.columns) FROM chain_elided
      WHERE origin = ? AND first_seq <= ? ORDER BY first_seq DESC LIMIT 1
      """, [origin, seq])
    guard let range, range.last >= seq else { return nil }
    return range
  }

  func insertElided(_ origin: String, _ r: ElidedRange) throws {
    try db.hot.run(
      "INSERT INTO chain_elided (origin, first_seq, last_seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
      [origin, r.first, r.last, r.prevHash, r.hash])
  }

  func deleteElided(_ origin: String, first: Int64) throws {
    try db.hot.run("DELETE FROM chain_elided WHERE origin = ? AND first_seq = ?", [origin, first])
  }

  /// Appends a range after the head, merged into the range ending at the head if there is one.
  func appendElided(_ origin: String, _ r: ElidedRange) throws {
    if let before = try elided(origin, containing: r.first - 1), before.last == r.first - 1,
      before.hash == r.prevHash
    {
      try db.hot.run(
        "UPDATE chain_elided SET last_seq = ?, hash = ? WHERE origin = ? AND first_seq = ?",
        [r.last, r.hash, origin, before.first])
    } else {
      try insertElided(origin, r)
    }
  }

  func setHead(_ origin: String, _ mark: ChainMark) throws {
    try Journal.setHead(origin: origin, seq: mark.seq, hash: mark.hash, db: db)
  }

  // MARK: - Quarantine

  func quarantined(_ origin: String, upTo seq: Int64) throws -> [ChainItem] {
    try db.hot.fetchAll(
      """
      SELECT origin, seq, last_seq, elided, stream, type, payload, actor, node, ts, prev_hash, hash
      FROM sync_quarantine WHERE origin = ? AND seq <= ? ORDER BY seq, elided
      """, [origin, seq], BundleFormat.readItem)
  }

  func quarantinedHash(_ item: ChainItem) throws -> String? {
    try db.hot.fetchOne(
      "SELECT hash FROM sync_quarantine WHERE origin = ? AND seq = ? AND elided = ?",
      [item.origin, item.first, item.isElided]
    ) { $0.text(0) }
  }

  func quarantine(_ item: ChainItem, peer: String, at ms: Int64) throws {
    let e = item.event
    try db.hot.run(
      """
      INSERT INTO sync_quarantine (origin, seq, elided, last_seq, stream, type, payload, actor,
        node, ts, prev_hash, hash, peer, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        item.origin, item.first, item.isElided, item.last, e?.stream ?? "",
        e?.type.rawValue ?? "", e?.payload ?? "", e?.actor ?? "", e?.node ?? "",
        e?.timestamp ?? 0, item.prevHash, item.hash, peer, ms,
      ])
  }

  func release(_ item: ChainItem) throws {
    try db.hot.run(
      "DELETE FROM sync_quarantine WHERE origin = ? AND seq = ? AND elided = ?",
      [item.origin, item.first, item.isElided])
  }
}
