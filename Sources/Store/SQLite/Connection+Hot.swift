/// The statements a step runs every time (journal append, fold reads, projection writes):
/// `db.hot.run(…)` keeps each prepared for the connection's life, where `db.run(…)` prepares
/// and finalizes.
public struct HotStatements {
  let connection: Connection

  public func run(_ sql: String, _ args: [any SQLBindable] = []) throws(DatabaseError) {
    try connection.run(sql, args, cached: true)
  }

  public func fetchAll<T>(
    _ sql: String, _ args: [any SQLBindable] = [], _ map: (Row) throws -> T
  ) throws -> [T] {
    try connection.fetchAll(sql, args, cached: true, map)
  }

  public func forEach(
    _ sql: String, _ args: [any SQLBindable] = [], _ body: (Row) throws -> Void
  ) throws {
    try connection.forEach(sql, args, cached: true, body)
  }

  public func fetchOne<T>(
    _ sql: String, _ args: [any SQLBindable] = [], _ map: (Row) throws(DatabaseError) -> T
  ) throws(DatabaseError) -> T? {
    try connection.fetchOne(sql, args, cached: true, map)
  }

  public func fetchInt(_ sql: String, _ args: [any SQLBindable] = []) throws(DatabaseError)
    -> Int
  {
    try connection.fetchInt(sql, args, cached: true)
  }
}

extension HotStatements {
  public func fetchAll<T: RowDecodable>(
    _ type: T.Type, _ sql: String, _ args: [any SQLBindable] = []
  ) throws -> [T] {
    try connection.fetchAll(type, sql, args, cached: true)
  }

  public func fetchOne<T: RowDecodable>(
    _ type: T.Type, _ sql: String, _ args: [any SQLBindable] = []
  ) throws -> T? {
    try connection.fetchOne(type, sql, args, cached: true)
  }

  public func dictionary<K: ColumnDecodable & Hashable, V: ColumnDecodable>(
    _ key: String, _ value: String, of table: String, _ sql: String,
    _ args: [any SQLBindable] = []
  ) throws -> [K: V] {
    try connection.dictionary(key, value, of: table, sql, args, cached: true)
  }

  public func values<T: ColumnDecodable>(
    _ column: String, of table: String, as type: T.Type = T.self, _ sql: String,
    _ args: [any SQLBindable] = []
  ) throws -> [T] {
    try connection.values(column, of: table, as: type, sql, args, cached: true)
  }

  public func value<T: ColumnDecodable>(
    _ column: String, of table: String, as type: T.Type = T.self, _ sql: String,
    _ args: [any SQLBindable] = []
  ) throws -> T? {
    try connection.value(column, of: table, as: type, sql, args, cached: true)
  }
}

extension Connection {
  /// Opts the next statement into the cache of prepared statements (see `Connection`).
  public var hot: HotStatements { HotStatements(connection: self) }
}

/// A hot statement's text that its user keeps (a projection's `INSERT`): the connection finds
/// its prepared statement by the object's identity, where `db.hot.run(text)` hashes the whole
/// text at every call — a rebuild runs such statements for every row it writes.
final class StatementText: Sendable {
  let sql: String
  init(_ sql: String) { self.sql = sql }
}

extension Connection {
  /// Runs `text`'s statement, prepared once for the connection's life, with `values`.
  func run(_ text: StatementText, _ values: [SQLValue]) throws(DatabaseError) {
    let s = try prepared(text)
    try s.bind(values: values)
    defer { s.reset() }
    while try s.step() {}
  }

  /// Runs `text`'s statement with `first` and then each column's value: a projected row's
  /// owner and columns bound as they are, with no array of arguments made for the row.
  func run(_ text: StatementText, first: SQLValue, then columns: [ProjectedColumn])
    throws(DatabaseError)
  {
    let s = try prepared(text)
    try s.bind(first: first, then: columns)
    defer { s.reset() }
    while try s.step() {}
  }

  /// `text`'s statement, prepared at its first use and kept for the connection's life.
  private func prepared(_ text: StatementText) throws(DatabaseError) -> Statement {
    let key = ObjectIdentifier(text)
    if let hit = cacheByText[key] { return hit }
    let s = try Statement(connection: self, sql: text.sql, persistent: true)
    cacheByText[key] = s
    return s
  }
}
