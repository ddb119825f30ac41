import Domain
import Foundation

/// A record a projection stores whole, as JSON in its `body` column.
protocol StoredBody: Decodable {
  static var table: String { get }
  static var keyColumn: String { get }
}

/// One `body` column read as its record: text that is not a valid record is an error naming the
/// row (`StoreError.unreadableRow`), never a record silently missing from a list.
struct BodyRow<Value: StoredBody>: RowDecodable {
  static var table: String { Value.table }
  static var keyColumn: String { Value.keyColumn }
  let value: Value

  init(row: Row) throws {
    guard let value = Self.decode(try row.decode("body", as: String.self)) else {
      throw ColumnDecodingError(column: "body", problem: "not a valid \(Value.self)")
    }
    self.value = value
  }

  static func decode(_ json: String) -> Value? {
    try? JSONDecoder().decode(Value.self, from: Data(json.utf8))
  }
}

extension Connection {
  /// The `body` of every row (the statement selects the table's key column and `body`).
  func bodies<T: StoredBody>(
    _ type: T.Type, _ sql: String, _ args: [any SQLBindable] = []
  ) throws -> [T] {
    try fetchAll(BodyRow<T>.self, sql, args).map(\.value)
  }

  /// The `body` of the first row, nil when there is none.
  func body<T: StoredBody>(_ type: T.Type, _ sql: String, _ args: [any SQLBindable] = [])
    throws -> T?
  {
    try fetchOne(BodyRow<T>.self, sql, args)?.value
  }
}

extension CatalogItem: StoredBody {
  static let table = "catalog_item"
  static let keyColumn = "code"
}

extension CatalogChange: StoredBody {
  static let table = "catalog_change"
  static let keyColumn = "id"
}

extension ListAdjustment: StoredBody {
  static let table = "list_adjustment"
  static let keyColumn = "id"
}
