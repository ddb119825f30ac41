import CSQLite
import Foundation

/// One SQLite connection: owns the handle and a cache of the hot prepared statements.
///
/// A statement is prepared for its call and finalized after it, unless the caller opts in with
/// `cached: true`: the write path's statements (journal append, projections, transactions),
/// run for every step, keep theirs. Queries whose text varies with a filter or a search stay
/// out of the cache, which would otherwise grow by every combination a clerk ever typed.
///
/// The only code (with `Statement`) that calls sqlite3. Not Sendable: one owner at a time.
public final class Connection {
  let handle: OpaquePointer
  public let path: String
  private var cache: [String: Statement] = [:]
  /// Hot statements named by their text's identity (`StatementText`), not hashed by it.
  var cacheByText: [ObjectIdentifier: Statement] = [:]
  private var savepointDepth = 0
  /// When set, told each statement's SQL and the pages its use touched (`pagesTouched`), as
  /// the statement is reset: the benchmark's breakdown of a screen by statement (issue 26).
  public var pageTrace: ((String, Int) -> Void)?
  /// Rows this transaction has read or written (`TransactionMemo`).
  lazy var memo = TransactionMemo(connection: self)
  /// Frames in the WAL after the last commit, while checkpoints are deferred
  /// (`deferCheckpoints`); nil while SQLite checkpoints inside the commit itself.
  var walFrames: Int?
  /// The statement tracer's box while a test traces (`traceStatements`).
  var tracer: UnsafeMutableRawPointer?
  /// Owners of the in-memory images this connection reads, by schema (`Connection+Image`):
  /// kept alive as long as SQLite may read them.
  var images: [String: AnyObject] = [:]

  public enum Mode: Sendable {
    case readWrite(create: Bool)
    case readOnly
  }

  /// Opens and configures a connection the way the store of record needs it.
  public init(path: String, mode: Mode = .readWrite(create: true)) throws(DatabaseError) {
    var db: OpaquePointer?
    // URI filenames let an import ATTACH a bundle read-only (`file:…?mode=ro`); a plain path is
    // unaffected.
    var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_URI
    switch mode {
    case .readWrite(let create):
      flags |= SQLITE_OPEN_READWRITE
      if create { flags |= SQLITE_OPEN_CREATE }
    case .readOnly:
      flags |= SQLITE_OPEN_READONLY
    }
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(db)
      throw DatabaseError(code: rc, message: message)
    }
    self.handle = db
    self.path = path
    sqlite3_extended_result_codes(db, 1)
    // Double-quoted strings as identifiers only: a typo'd column must fail, not become a string.
    _ = csqlite_db_config_int(db, SQLITE_DBCONFIG_DQS_DML, 0)
    _ = csqlite_db_config_int(db, SQLITE_DBCONFIG_DQS_DDL, 0)
    sqlite3_busy_timeout(db, 5000)
    // Reading the schema makes a file that is not a database fail here, not at the first query.
    try execute("SELECT count(*) FROM sqlite_master")
  }

  deinit {
    if walFrames != nil { sqlite3_wal_hook(handle, nil, nil) }
    cache.removeAll()
    cacheByText.removeAll()
    traceStatements(nil)
    sqlite3_close_v2(handle)
  }

  /// Store-of-record settings: foreign keys, WAL, and synchronous=FULL so a committed case
  /// survives a power cut at the counter (NORMAL could lose the last transactions).
  public func configureForStore() throws(DatabaseError) {
    try execute("PRAGMA foreign_keys = ON")
    let mode = try fetchOne("PRAGMA journal_mode = WAL") { $0.text(0) } ?? ""
    if mode.lowercased() != "wal" {
      throw DatabaseError(code: SQLITE_ERROR, message: "could not enable WAL (got \(mode))")
    }
    try execute("PRAGMA synchronous = FULL")
    // 16 MB of page cache instead of 2: a step touches a case's rows in five tables and their
    // indexes, and with 2 MB a day's batch of steps spilled pages to the WAL mid-transaction
    // and read them back. Pages are allocated only as they are read.
    try execute("PRAGMA cache_size = -16384")
    // A command inside a batch is a savepoint, and SQLite keeps a savepoint's original pages in
    // a sub-journal: in memory rather than a temporary file (the benchmark's write path took
    // a fifth less time).
    try execute("PRAGMA temp_store = MEMORY")
  }

  /// SQLite's heap in this process at its highest since the last reset, and now
  /// (`sqlite3_status64`): what a statement held in memory, for tests and measurements.
  public static func memoryUsed(resetHighwater: Bool) -> (now: Int64, highest: Int64) {
    var now: sqlite3_int64 = 0
    var highest: sqlite3_int64 = 0
    sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &now, &highest, resetHighwater ? 1 : 0)
    return (Int64(now), Int64(highest))
  }

  /// For a file from outside (a sync bundle): its schema is not trusted to run functions from
  /// views or triggers, writes are impossible, and every page's cells are bounds-checked.
  public func hardenForUntrustedFile() throws(DatabaseError) {
    _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0)
    _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_DEFENSIVE, 1)
    try execute("PRAGMA trusted_schema = OFF")
    try execute("PRAGMA cell_size_check = ON")
    try execute("PRAGMA query_only = ON")
  }

  func error(_ rc: Int32, sql: String?) -> DatabaseError {
    DatabaseError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
  }

  /// Runs one or more statements with no arguments (schema, pragmas).
  public func execute(_ sql: String) throws(DatabaseError) {
    var errmsg: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
    if rc != SQLITE_OK {
      let message = errmsg.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
      sqlite3_free(errmsg)
      throw DatabaseError(code: rc, message: message, sql: sql)
    }
  }

  /// A prepared statement for this SQL text: the cached one when `cached`, else a fresh one
  /// finalized when the caller lets it go.
  func statement(_ sql: String, cached: Bool) throws(DatabaseError) -> Statement {
    guard cached else { return try Statement(connection: self, sql: sql, persistent: false) }
    if let s = cache[sql] { return s }
    let s = try Statement(connection: self, sql: sql, persistent: true)
    cache[sql] = s
    return s
  }

  /// Statements kept prepared (for tests: only the hot ones opt in).
  var cachedStatementCount: Int { cache.count + cacheByText.count }

  /// Runs a statement that returns no rows.
  public func run(_ sql: String, _ args: [any SQLBindable] = [], cached: Bool = false)
    throws(DatabaseError)
  {
    let s = try statement(sql, cached: cached)
    try s.bind(args)
    defer { s.reset() }
    while try s.step() {}
  }

  /// Maps every row.
  /// - Complexity: the statement's own; rows are produced one by one.
  public func fetchAll<T>(
    _ sql: String, _ args: [any SQLBindable] = [], cached: Bool = false,
    _ map: (Row) throws -> T
  ) throws -> [T] {
    let s = try statement(sql, cached: cached)
    try s.bind(args)
    defer { s.reset() }
    var out: [T] = []
    while try s.step() { out.append(try map(Row(s))) }
    return out
  }

  /// Calls `body` for every row, without collecting them.
  public func forEach(
    _ sql: String, _ args: [any SQLBindable] = [], cached: Bool = false,
    _ body: (Row) throws -> Void
  ) throws {
    let s = try statement(sql, cached: cached)
    try s.bind(args)
    defer { s.reset() }
    while try s.step() { try body(Row(s)) }
  }

  public func fetchOne<T>(
    _ sql: String, _ args: [any SQLBindable] = [], cached: Bool = false,
    _ map: (Row) throws(DatabaseError) -> T
  ) throws(DatabaseError) -> T? {
    let s = try statement(sql, cached: cached)
    try s.bind(args)
    defer { s.reset() }
    guard try s.step() else { return nil }
    return try map(Row(s))
  }

  public func fetchInt(_ sql: String, _ args: [any SQLBindable] = [], cached: Bool = false)
    throws(DatabaseError) -> Int
  {
    try fetchOne(sql, args, cached: cached) { $0.int(0) } ?? 0
  }

  /// Runs `body` waiting at most `ms` for another connection's lock (5 s otherwise): a probe
  /// that must not stall, like asking whether another process is upgrading the database.
  public func withBusyTimeout<T>(_ ms: Int32, _ body: () throws -> T) rethrows -> T {
    sqlite3_busy_timeout(handle, ms)
    defer { sqlite3_busy_timeout(handle, 5000) }
    return try body()
  }

  public var changes: Int { Int(sqlite3_changes(handle)) }
  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
  public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

  /// Whether this connection holds the database's write lock (a write transaction is open).
  var holdsWriteLock: Bool { sqlite3_txn_state(handle, "main") == SQLITE_TXN_WRITE }

  public enum TransactionKind: Sendable {
    /// Reads: take a snapshot lazily.
    case deferred
    /// Every write: take the write lock up front, so two clerks never deadlock mid-transaction.
    case immediate
  }

  /// Runs `body` in a transaction; commits on return, rolls back on throw. Nested calls become
  /// savepoints, so a helper that needs atomicity composes with its caller's transaction.
  public func inTransaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws
    -> T
  {
    // Prepared once and reused (a command is a savepoint inside a batch, a transaction at the
    // counter; preparing these every time was a noticeable part of a step).
    if isInTransaction {
      savepointDepth += 1
      let name = "sp\(savepointDepth)"
      defer { savepointDepth -= 1 }
      try run("SAVEPOINT \(name)", cached: true)
      do {
        let value = try body()
        try run("RELEASE \(name)", cached: true)
        return value
      } catch {
        memo.removeAll()
        try? run("ROLLBACK TO \(name)", cached: true)
        try? run("RELEASE \(name)", cached: true)
        throw error
      }
    }
    memo.reset()
    try run(kind == .immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", cached: true)
    defer { memo.reset() }
    do {
      let value = try body()
      try run("COMMIT", cached: true)
      return value
    } catch {
      if isInTransaction { try? run("ROLLBACK", cached: true) }
      throw error
    }
  }

  /// Statements still stepping (for tests: none may be left busy).
  public var busyStatementCount: Int {
    var n = 0
    var s = sqlite3_next_stmt(handle, nil)
    while let stmt = s {
      if sqlite3_stmt_busy(stmt) != 0 { n += 1 }
      s = sqlite3_next_stmt(handle, stmt)
    }
    return n
  }

  public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

@available(*, unavailable)
extension Connection: Sendable {}
