/// A `Decodable` record read from a row: each coding key names a column (`case due =
/// "due_date"`), each stored property's type is a `ColumnDecodable`. One decoder serves every
/// record, so a record declares its columns and nothing else; the rules are `Row.decode(_:as:)`'s
/// (NULL into a non-optional, a value of another type, a column the statement lacks: errors).
extension RowDecodable where Self: Decodable {
  public init(row: Row) throws {
    try self.init(from: RowDecoder(row: row))
  }
}

struct RowDecoder: Decoder {
  let row: Row
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(RowColumns<Key>(row: row))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    throw ColumnDecodingError(column: "*", problem: "a row is read by column name")
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    throw ColumnDecodingError(column: "*", problem: "a row is read by column name")
  }
}

/// The row's columns as a keyed container: every value goes through `ColumnDecodable`.
private struct RowColumns<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let row: Row
  var codingPath: [any CodingKey] { [] }

  var allKeys: [Key] { row.statement.columnIndex.keys.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool { row.statement.columnIndex[key.stringValue] != nil }

  func decodeNil(forKey key: Key) throws -> Bool {
    guard let i = row.statement.columnIndex[key.stringValue] else {
      throw ColumnDecodingError(column: key.stringValue, problem: "no such column")
    }
    return row.isNull(Int(i))
  }

  // The column types a record uses; the other primitives are no column's type.
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type, key) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type, key) }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type, key) }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type, key) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(type, key) }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try none(type, key) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try none(type, key) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try none(type, key) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try none(type, key) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try none(type, key) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try none(type, key) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try none(type, key) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try none(type, key) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try none(type, key) }

  private func none<T>(_ type: T.Type, _ key: Key) throws -> T {
    throw ColumnDecodingError(column: key.stringValue, problem: "\(T.self) is not a column type")
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    guard let column = T.self as? any ColumnDecodable.Type else { return try none(type, key) }
    return try value(column, key)
  }

  /// An optional property: its column must still be in the statement; NULL is nil.
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let column = T.self as? any ColumnDecodable.Type else { return try none(type, key) }
    return try optional(column, key)
  }

  private func value<C: ColumnDecodable, T>(_ column: C.Type, _ key: Key) throws -> T {
    let v = try row.decode(key.stringValue, as: C.self)
    guard let t = v as? T else {
      throw ColumnDecodingError(column: key.stringValue, problem: "not a valid \(T.self)")
    }
    return t
  }

  private func optional<C: ColumnDecodable, T>(_ column: C.Type, _ key: Key) throws -> T? {
    guard let v = try row.decode(key.stringValue, as: C?.self) else { return nil }
    guard let t = v as? T else {
      throw ColumnDecodingError(column: key.stringValue, problem: "not a valid \(T.self)")
    }
    return t
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    throw ColumnDecodingError(column: key.stringValue, problem: "a column holds one value")
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    throw ColumnDecodingError(column: key.stringValue, problem: "a column holds one value")
  }

  func superDecoder() throws -> any Decoder { RowDecoder(row: row) }

  func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row) }
}
