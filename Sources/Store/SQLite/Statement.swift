import CSQLite

/// A prepared statement. Finalized in `deinit`; reused from the connection's cache, so callers
/// always go through `Connection` (which resets it) rather than holding one.
public final class Statement {
  let handle: OpaquePointer
  public let sql: String
  unowned let connection: Connection
  /// The connection's page count when this use began (only while `Connection.pageTrace` is set).
  var pagesAtBind = 0

  init(connection: Connection, sql: String, persistent: Bool) throws(DatabaseError) {
    var stmt: OpaquePointer?
    let flags: UInt32 = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
    let rc = sqlite3_prepare_v3(connection.handle, sql, -1, flags, &stmt, nil)
    guard rc == SQLITE_OK, let stmt else {
      sqlite3_finalize(stmt)
      throw connection.error(rc, sql: sql)
    }
    self.handle = stmt
    self.sql = sql
    self.connection = connection
  }

  deinit { sqlite3_finalize(handle) }

  func bind(_ args: [any SQLBindable]) throws(DatabaseError) {
    try bind(count: args.count) { i throws(DatabaseError) in try bind(args[i].sqlValue, at: i) }
  }

  /// The same for values already converted: no existential per argument (a rebuild binds
  /// every column of every projected row).
  func bind(values: [SQLValue]) throws(DatabaseError) {
    try bind(count: values.count) { i throws(DatabaseError) in try bind(values[i], at: i) }
  }

  /// A projected row: its owner, then its columns' values (`Connection.run(_:first:then:)`).
  func bind(first: SQLValue, then columns: [ProjectedColumn]) throws(DatabaseError) {
    try bind(count: columns.count + 1) { i throws(DatabaseError) in
      try bind(i == 0 ? first : columns[i - 1].1.sqlValue, at: i)
    }
  }

  private func bind(count: Int, _ each: (Int) throws(DatabaseError) -> Void)
    throws(DatabaseError)
  {
    sqlite3_reset(handle)
    if connection.pageTrace != nil { pagesAtBind = connection.pagesTouched() }
    sqlite3_clear_bindings(handle)
    let expected = Int(sqlite3_bind_parameter_count(handle))
    // A wrong argument count is a programmer mistake, not a runtime condition.
    precondition(
      count == expected, "expected \(expected) arguments for `\(sql)`, got \(count)")
    for i in 0..<count { try each(i) }
  }

  private func bind(_ value: SQLValue, at i: Int) throws(DatabaseError) {
    let index = Int32(i + 1)
    let rc: Int32
    switch value {
    case .null: rc = sqlite3_bind_null(handle, index)
    case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
    case .real(let v): rc = sqlite3_bind_double(handle, index, v)
    case .text(let v): rc = sqlite3_bind_text(handle, index, v, -1, csqlite_transient())
    case .blob(let v):
      rc = v.withUnsafeBytes { raw in
        sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), csqlite_transient())
      }
    }
    guard rc == SQLITE_OK else { throw connection.error(rc, sql: sql) }
  }

  /// Steps once: true if a row is available.
  func step() throws(DatabaseError) -> Bool {
    let rc = sqlite3_step(handle)
    switch rc {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let err = connection.error(rc, sql: sql)
      sqlite3_reset(handle)
      throw err
    }
  }

  func reset() {
    sqlite3_reset(handle)
    if let trace = connection.pageTrace { trace(sql, connection.pagesTouched() - pagesAtBind) }
  }

  /// Result columns by name (`AS` aliases as written), computed once per prepared statement.
  lazy var columnIndex: [String: Int32] = {
    var out: [String: Int32] = [:]
    for i in 0..<sqlite3_column_count(handle) {
      guard let name = sqlite3_column_name(handle, i) else { continue }
      // The first of two columns of one name wins, as SQL reads `SELECT a.x, b.x`.
      if out[String(cString: name)] == nil { out[String(cString: name)] = i }
    }
    return out
  }()
}

@available(*, unavailable)
extension Statement: Sendable {}

/// The current row of a stepping statement; valid only inside the row callback.
///
/// Read by column name (`decode`, see `RowDecodable`); the positional readers below remain for
/// statements of one or two columns and for tools that copy whole rows.
public struct Row {
  let statement: Statement
  var handle: OpaquePointer { statement.handle }

  init(_ statement: Statement) { self.statement = statement }

  public var columnCount: Int { Int(sqlite3_column_count(handle)) }

  public func isNull(_ i: Int) -> Bool { sqlite3_column_type(handle, Int32(i)) == SQLITE_NULL }

  public func int(_ i: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(i))) }

  public func int64(_ i: Int) -> Int64 { sqlite3_column_int64(handle, Int32(i)) }

  public func double(_ i: Int) -> Double { sqlite3_column_double(handle, Int32(i)) }

  public func bool(_ i: Int) -> Bool { sqlite3_column_int64(handle, Int32(i)) != 0 }

  public func text(_ i: Int) -> String {
    guard let p = sqlite3_column_text(handle, Int32(i)) else { return "" }
    let n = Int(sqlite3_column_bytes(handle, Int32(i)))
    return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
  }

  public func optionalText(_ i: Int) -> String? { isNull(i) ? nil : text(i) }

  public func optionalInt(_ i: Int) -> Int? { isNull(i) ? nil : int(i) }

  public func blob(_ i: Int) -> [UInt8] {
    let n = Int(sqlite3_column_bytes(handle, Int32(i)))
    guard n > 0, let p = sqlite3_column_blob(handle, Int32(i)) else { return [] }
    return Array(UnsafeRawBufferPointer(start: p, count: n))
  }

  public func value(_ i: Int) -> SQLValue {
    switch sqlite3_column_type(handle, Int32(i)) {
    case SQLITE_INTEGER: return .integer(int64(i))
    case SQLITE_FLOAT: return .real(double(i))
    case SQLITE_TEXT: return .text(text(i))
    case SQLITE_BLOB: return .blob(blob(i))
    default: return .null
    }
  }
}
