import Domain

/// 事件日志 — appending to and reading from the journal table.
///
/// Appends happen inside the caller's write transaction, together with the projection update, so
/// an event and its effect are committed or lost as one.
enum Journal {
  static let columns = "origin, seq, stream, type, payload, actor, node, ts, prev_hash, hash"

  /// Appends drafts as the next events of `origin`, chaining their hashes.
  static func append(
    _ drafts: [EventDraft], origin: String, node: String, actor: String, timestamp: Int64,
    db: Connection
  ) throws -> [Event] {
    var (seq, prev) = try head(of: origin, db: db)
    var out: [Event] = []
    out.reserveCapacity(drafts.count)
    for draft in drafts {
      seq += 1
      var event = Event(
        origin: origin, seq: seq, stream: draft.stream, type: draft.type, payload: draft.payload,
        actor: actor, node: node, timestamp: timestamp, prevHash: prev, hash: "")
      event.hash = event.computedHash()
      try write(event, db: db)
      if let body = draft.body { event.remember(body) }
      prev = event.hash
      out.append(event)
    }
    try setHead(origin: origin, seq: seq, hash: prev, db: db)
    for event in out { extendMemo(event, db: db) }
    return out
  }

  /// Keeps a stream's remembered events equal to what `events(stream:)` would read: an event
  /// that folds after the last one is appended, any other makes the stream be read again.
  private static func extendMemo(_ event: Event, db: Connection) {
    let key = memoKey(event.stream)
    guard var events: [Event] = db.memo.value(key) else { return }
    db.memo.forget(key)
    if let last = events.last, !Event.foldOrder(last, event) { return }
    events.append(event)
    db.memo.remember(key, events)
  }

  static func memoKey(_ stream: String) -> String { "journal:" + stream }

  /// Inserts an event from elsewhere (a sync bundle): its stream is read again when next asked.
  static func insert(_ e: Event, db: Connection) throws {
    db.memo.forget(memoKey(e.stream))
    try write(e, db: db)
  }

  private static func write(_ e: Event, db: Connection) throws {
    try db.hot.run(
      "INSERT INTO journal (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [
        e.origin, e.seq, e.stream, e.type.rawValue, e.payload, e.actor, e.node, e.timestamp,
        e.prevHash, e.hash,
      ])
  }

  /// The last sequence number and hash of an origin: (0, "") before its first event.
  static func head(of origin: String, db: Connection) throws -> (Int64, String) {
    let key = "head:" + origin
    if let head: (Int64, String) = db.memo.value(key) { return head }
    return try db.hot.fetchOne(
      "SELECT last_seq, last_hash FROM origin_head WHERE origin = ?", [origin]
    ) {
      ($0.int64(0), $0.text(1))
    } ?? (0, "")
  }

  static func setHead(origin: String, seq: Int64, hash: String, db: Connection) throws {
    try db.hot.run(
      """
      INSERT INTO origin_head (origin, last_seq, last_hash) VALUES (?, ?, ?)
      ON CONFLICT (origin) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash
      """, [origin, seq, hash])
    db.memo.remember("head:" + origin, (seq, hash))
  }

  static func read(_ row: Row) -> Event {
    Event(
      origin: row.text(0), seq: row.int64(1), stream: row.text(2), type: EventType(row.text(3)),
      payload: row.text(4), actor: row.text(5), node: row.text(6), timestamp: row.int64(7),
      prevHash: row.text(8), hash: row.text(9))
  }

  /// A case's timeline: `journal_by_stream` in order, one rowid lookup per event (v28).
  static let streamSQL =
    "SELECT \(columns) FROM journal WHERE stream = ? ORDER BY ts, origin, seq"

  /// A stream's events in fold order (timestamp, origin, seq). A command reads its case and
  /// re-folds it after appending; within one transaction the second read comes from the memo.
  /// - Complexity: O(log n + k) on `journal_by_stream`.
  static func events(stream: String, db: Connection) throws -> [Event] {
    let key = memoKey(stream)
    if let events: [Event] = db.memo.value(key) { return events }
    let events = try db.hot.fetchAll(streamSQL, [stream], read)
    db.memo.remember(key, events)
    return events
  }

  /// Every distinct stream with the given kind prefix (`staff/…`).
  static func streams(kind: String, db: Connection) throws -> [String] {
    let lo = kind + "/"
    let hi = kind + "0"  // '0' follows '/' in ASCII: the range covers exactly "kind/…".
    return try db.hot.fetchAll(
      "SELECT DISTINCT stream FROM journal WHERE stream >= ? AND stream < ? ORDER BY stream",
      [lo, hi]
    ) { $0.text(0) }
  }

  /// How many distinct streams of a kind the journal holds (a rebuild's progress total).
  static func streamCount(kind: String, db: Connection) throws -> Int {
    try db.fetchInt(
      "SELECT count(DISTINCT stream) FROM journal WHERE stream >= ? AND stream < ?",
      [kind + "/", kind + "0"])
  }

  /// Each stream of a kind with its events in fold order, streams in order, read in one pass
  /// over `journal_by_stream`: one stream's events are in memory at a time.
  static func forEachStream(
    kind: String, db: Connection, _ body: (String, [Event]) throws -> Void
  ) throws {
    var stream: String?
    var events: [Event] = []
    // Not a cached statement: `body` runs the store's cached ones while this one steps.
    try db.forEach(
      """
      SELECT \(columns) FROM journal WHERE stream >= ? AND stream < ?
      ORDER BY stream, ts, origin, seq
      """, [kind + "/", kind + "0"]
    ) { row in
      let e = read(row)
      if e.stream != stream {
        if let s = stream { try body(s, events) }
        stream = e.stream
        events.removeAll(keepingCapacity: true)
      }
      events.append(e)
    }
    if let s = stream { try body(s, events) }
  }

  static func count(db: Connection) throws -> Int {
    try db.hot.fetchInt("SELECT count(*) FROM journal")
  }
}
