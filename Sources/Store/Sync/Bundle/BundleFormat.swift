import Domain

/// 同步文件格式 — a bundle is a small SQLite file with exactly these tables and nothing else.
///
/// `PRAGMA application_id` marks it as a bundle and `PRAGMA user_version` carries the format
/// version, so a newer format is told apart from a foreign file before its schema is read.
enum BundleFormat {
  static let version = 1
  /// "zwfb"
  static let applicationID: Int32 = 0x7A77_6662

  static let schema = """
    CREATE TABLE manifest (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      format INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('sync', 'enrolment')),
      district TEXT NOT NULL,
      from_node TEXT NOT NULL,
      from_origin TEXT NOT NULL,
      to_node TEXT NOT NULL,
      serial INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      training INTEGER NOT NULL CHECK (training IN (0, 1)),
      event_count INTEGER NOT NULL,
      elided_count INTEGER NOT NULL,
      digest TEXT NOT NULL
    );
    CREATE TABLE mark (
      origin TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE witness (
      origin TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE event (
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL,
      \(Schema.eventColumns),
      PRIMARY KEY (origin, seq)
    ) WITHOUT ROWID;
    CREATE TABLE elided (
      origin TEXT NOT NULL,
      first_seq INTEGER NOT NULL,
      last_seq INTEGER NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      PRIMARY KEY (origin, first_seq)
    ) WITHOUT ROWID;
    """

  /// One row of `sqlite_master`: a bundle must have exactly the rows a fresh bundle has.
  struct SchemaObject: Equatable {
    var type: String
    var name: String
    var table: String
    var sql: String?
  }

  static func schemaObjects(_ db: Connection) throws -> [SchemaObject] {
    try db.fetchAll("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name") {
      SchemaObject(
        type: $0.text(0), name: $0.text(1), table: $0.text(2), sql: $0.optionalText(3))
    }
  }

  /// The schema objects of a freshly created bundle, read back from SQLite itself.
  static func expectedObjects() throws -> [SchemaObject] {
    let db = try Connection(path: ":memory:")
    try db.execute(schema)
    return try schemaObjects(db)
  }

  /// The bundle's items in cover order, events and elided ranges merged by (origin, seq).
  static let itemsQuery = """
    SELECT origin, seq, seq, 0, stream, type, payload, actor, node, ts, prev_hash, hash FROM event
    UNION ALL
    SELECT origin, first_seq, last_seq, 1, '', '', '', '', '', 0, prev_hash, hash FROM elided
    ORDER BY 1, 2
    """

  /// One origin's items with a first sequence number in (?2, ?3], in order.
  static let originItemsQuery = """
    SELECT origin, seq, seq, 0, stream, type, payload, actor, node, ts, prev_hash, hash FROM event
    WHERE origin = ?1 AND seq > ?2 AND seq <= ?3
    UNION ALL
    SELECT origin, first_seq, last_seq, 1, '', '', '', '', '', 0, prev_hash, hash FROM elided
    WHERE origin = ?1 AND first_seq > ?2 AND first_seq <= ?3
    ORDER BY 1, 2
    """

  static func readItem(_ row: Row) -> ChainItem {
    let origin = row.text(0)
    if row.int(3) == 1 {
      return ChainItem(
        origin: origin,
        elided: ElidedRange(
          first: row.int64(1), last: row.int64(2), prevHash: row.text(10), hash: row.text(11)))
    }
    return ChainItem(
      event: Event(
        origin: origin, seq: row.int64(1), stream: row.text(4), type: EventType(row.text(5)),
        payload: row.text(6), actor: row.text(7), node: row.text(8), timestamp: row.int64(9),
        prevHash: row.text(10), hash: row.text(11)))
  }
}

/// 摘要 — SHA-256 over the bundle's items in (origin, seq) order, one line per item:
/// `origin seq hash` for an event, `origin first-last prev hash` for an elided range.
struct BundleDigest {
  private var hasher = SHA256()

  mutating func add(_ item: ChainItem) {
    let line: String
    if item.isElided {
      line = "\(item.origin) \(item.first)-\(item.last) \(item.prevHash) \(item.hash)\n"
    } else {
      line = "\(item.origin) \(item.first) \(item.hash)\n"
    }
    hasher.update(line.utf8)
  }

  mutating func finalize() -> String { SHA256.hex(hasher.finalize()) }
}
