import CSQLite

/// A value one column can hold, read from the current row.
public protocol ColumnDecodable {
  /// The column's value as this type; nil when it is not one (NULL included, but for `Optional`).
  static func decode(_ row: Row, _ index: Int32) -> Self?
}

/// A record read from a row by column name.
///
/// A NULL where the record needs a value, a value not of the column's type and a column the
/// statement lacks are errors naming the table, the row's key and the column: never a row
/// dropped from a list or a value read as `""` (a corrupt case would vanish from its queue).
public protocol RowDecodable {
  /// Where the rows come from, and the column naming a row, for the error about a bad one.
  static var table: String { get }
  static var keyColumn: String { get }
  init(row: Row) throws
}

/// Why a column could not be read; `Row.decode(_:)` adds the table and the key.
public struct ColumnDecodingError: Error, Equatable, CustomStringConvertible {
  public var column: String
  /// `NULL`, `no such column`, or the type the value is not.
  public var problem: String

  public var description: String { "column \(column): \(problem)" }
}

extension Row {
  /// The named column as `T`. Never carries the value itself: it may be an ID number.
  public func decode<T: ColumnDecodable>(_ column: String, as type: T.Type = T.self)
    throws(ColumnDecodingError) -> T
  {
    guard let i = statement.columnIndex[column] else {
      throw ColumnDecodingError(column: column, problem: "no such column")
    }
    if let value = T.decode(self, i) { return value }
    let problem = isNull(Int(i)) ? "NULL" : "not a valid \(T.self)"
    throw ColumnDecodingError(column: column, problem: problem)
  }

  /// The row read by column name in `body` (`decode`), for a statement whose row is not one
  /// record type (a join read into a result, a visibility check on the way); a column that
  /// cannot be read throws `StoreError.unreadableRow` naming `table` and `key`, the row's key as
  /// the caller knows it (often the bound one).
  public func read<T>(_ table: String, key: String, _ body: (Row) throws -> T) throws -> T {
    do {
      return try body(self)
    } catch let error as ColumnDecodingError {
      throw StoreError.unreadableRow(
        table: table, key: key, column: error.column, problem: error.problem)
    }
  }

  /// `read(_:key:_:)` where the row's key is its column `keyColumn` (as text, `?` if absent).
  public func read<T>(_ table: String, keyColumn: String, _ body: (Row) throws -> T) throws -> T {
    try read(table, key: statement.columnIndex[keyColumn].map { text(Int($0)) } ?? "?", body)
  }

  /// The whole row as `T`; a column that cannot be read throws `StoreError.unreadableRow`.
  public func decode<T: RowDecodable>(_ type: T.Type) throws -> T {
    do {
      return try T(row: self)
    } catch let error as ColumnDecodingError {
      let key = statement.columnIndex[T.keyColumn].map { text(Int($0)) } ?? "?"
      throw StoreError.unreadableRow(
        table: T.table, key: key, column: error.column, problem: error.problem)
    }
  }
}

extension Connection {
  /// Every row as `T`, in the statement's order; the first unreadable row throws.
  public func fetchAll<T: RowDecodable>(
    _ type: T.Type, _ sql: String, _ args: [any SQLBindable] = [], cached: Bool = false
  ) throws -> [T] {
    try fetchAll(sql, args, cached: cached) { try $0.decode(T.self) }
  }

  /// The first row as `T`, nil when there is none.
  public func fetchOne<T: RowDecodable>(
    _ type: T.Type, _ sql: String, _ args: [any SQLBindable] = [], cached: Bool = false
  ) throws -> T? {
    var out: T?
    try forEach(sql, args, cached: cached) { row in
      if out == nil { out = try row.decode(T.self) }
    }
    return out
  }

  /// The first row read by column name in `body` (`Row.read`: what cannot be read is an error
  /// naming `table` and `key`), nil when there is none.
  public func fetchOne<T>(
    _ table: String, key: String, _ sql: String, _ args: [any SQLBindable] = [],
    cached: Bool = false, _ body: (Row) throws -> T
  ) throws -> T? {
    var out: T?
    try forEach(sql, args, cached: cached) { row in
      if out == nil { out = try row.read(table, key: key, body) }
    }
    return out
  }

  /// The named column of every row, for a statement that selects one value a row; a value that
  /// cannot be read throws `StoreError.unreadableRow` naming `table`.
  public func values<T: ColumnDecodable>(
    _ column: String, of table: String, as type: T.Type = T.self, _ sql: String,
    _ args: [any SQLBindable] = [], cached: Bool = false
  ) throws -> [T] {
    try fetchAll(sql, args, cached: cached) { try $0.value(column, of: table, as: T.self) }
  }

  /// The named column of the first row, nil when there is none.
  public func value<T: ColumnDecodable>(
    _ column: String, of table: String, as type: T.Type = T.self, _ sql: String,
    _ args: [any SQLBindable] = [], cached: Bool = false
  ) throws -> T? {
    var out: T?
    try forEach(sql, args, cached: cached) { row in
      if out == nil { out = try row.value(column, of: table, as: T.self) }
    }
    return out
  }
}

extension Connection {
  /// Column `key` → column `value` of every row, the first row of a repeated key winning: the
  /// name lookups (login → name, code → name, rule → value).
  public func dictionary<K: ColumnDecodable & Hashable, V: ColumnDecodable>(
    _ key: String, _ value: String, of table: String, _ sql: String,
    _ args: [any SQLBindable] = [], cached: Bool = false
  ) throws -> [K: V] {
    var out: [K: V] = [:]
    try forEach(sql, args, cached: cached) { row in
      let k = try row.value(key, of: table, as: K.self)
      if out[k] == nil { out[k] = try row.value(value, of: table, as: V.self) }
    }
    return out
  }
}

extension Row {
  /// One column as `T`; what cannot be read throws `StoreError.unreadableRow`, keyed by the
  /// column itself (a one-value statement has no other key).
  func value<T: ColumnDecodable>(_ column: String, of table: String, as type: T.Type) throws -> T {
    do {
      return try decode(column, as: T.self)
    } catch {
      throw StoreError.unreadableRow(
        table: table, key: column, column: error.column, problem: error.problem)
    }
  }
}

extension String: ColumnDecodable {
  public static func decode(_ row: Row, _ i: Int32) -> String? {
    row.isNull(Int(i)) ? nil : row.text(Int(i))
  }
}

extension Int: ColumnDecodable {
  public static func decode(_ row: Row, _ i: Int32) -> Int? {
    sqlite3_column_type(row.handle, i) == SQLITE_INTEGER ? row.int(Int(i)) : nil
  }
}

extension Int64: ColumnDecodable {
  public static func decode(_ row: Row, _ i: Int32) -> Int64? {
    sqlite3_column_type(row.handle, i) == SQLITE_INTEGER ? row.int64(Int(i)) : nil
  }
}

extension Bool: ColumnDecodable {
  /// 0 or 1, as the projections write booleans.
  public static func decode(_ row: Row, _ i: Int32) -> Bool? {
    switch Int.decode(row, i) {
    case 0: return false
    case 1: return true
    default: return nil
    }
  }
}

extension Double: ColumnDecodable {
  public static func decode(_ row: Row, _ i: Int32) -> Double? {
    let type = sqlite3_column_type(row.handle, i)
    return type == SQLITE_FLOAT || type == SQLITE_INTEGER ? row.double(Int(i)) : nil
  }
}

extension Optional: ColumnDecodable where Wrapped: ColumnDecodable {
  /// NULL is nil; any other value must be a valid `Wrapped`.
  public static func decode(_ row: Row, _ i: Int32) -> Wrapped?? {
    if row.isNull(Int(i)) { return .some(nil) }
    return Wrapped.decode(row, i).map { .some($0) }
  }
}

extension ColumnDecodable where Self: RawRepresentable, RawValue: ColumnDecodable {
  /// A code as the projections store it (`rawValue`); an unknown code is not a value.
  public static func decode(_ row: Row, _ i: Int32) -> Self? {
    RawValue.decode(row, i).flatMap(Self.init(rawValue:))
  }
}
