import Domain
import Foundation

/// One row of the catalog table: what a list shows without decoding the whole guide.
public struct CatalogSummary: Equatable, Sendable {
  public var code: String
  public var name: String
  public var type: ItemType
  public var organisation: String
  public var status: ItemStatus
  public var version: Int
  public var promisedDays: Int
  public var legalDays: Int
  public var isFullyOnline: Bool
}

extension CatalogSummary: RowDecodable, Decodable {
  public static let table = "catalog_item"
  public static let keyColumn = "code"

  enum CodingKeys: String, CodingKey {
    case code, name, type
    case organisation = "org"
    case status, version
    case promisedDays = "promised_days"
    case legalDays = "legal_days"
    case isFullyOnline = "fully_online"
  }
}

/// One version of an item in its history.
public struct CatalogVersionInfo: Equatable, Sendable {
  public var version: Int
  public var kind: ChangeKind
  public var changeID: String
  public var effectiveOn: CivilDate?
}

extension CatalogVersionInfo: RowDecodable {
  public static let table = "catalog_version"
  public static let keyColumn = "version"

  /// `effective_on` is `""` for a version never put in effect.
  public init(row r: Row) throws {
    let effective: String = try r.decode("effective_on")
    self.init(
      version: try r.decode("version"), kind: try r.decode("kind"),
      changeID: try r.decode("change_id"),
      effectiveOn: effective.isEmpty ? nil : try r.decode("effective_on"))
  }
}

extension Store {
  /// The version of an item in effect now (whatever its status), nil for an unknown code.
  public func catalogItem(code: String) throws -> CatalogItem? {
    guard
      let body = try db.value(
        "body", of: "catalog_item", as: String.self, "SELECT body FROM catalog_item WHERE code = ?",
        [code])
    else { return nil }
    guard let item = itemBodies.value(code, text: body, decode: BodyRow<CatalogItem>.decode)
    else {
      throw StoreError.unreadableRow(
        table: "catalog_item", key: code, column: "body", problem: "not a valid CatalogItem")
    }
    return item
  }

  /// One version exactly as it was in effect: what an application registered under it was told.
  public func catalogItem(code: String, version: Int) throws -> CatalogItem? {
    try db.fetchOne(
      BodyRow<CatalogItem>.self,
      "SELECT code, body FROM catalog_version WHERE code = ? AND version = ?", [code, version]
    )?.value
  }

  /// Every version of an item, oldest first.
  public func catalogVersions(code: String) throws -> [CatalogVersionInfo] {
    try db.fetchAll(
      CatalogVersionInfo.self,
      "SELECT version, kind, change_id, effective_on FROM catalog_version WHERE code = ? ORDER BY version",
      [code])
  }

  /// Every item in effect, in code order (for the export).
  public func allCatalogItems() throws -> [CatalogItem] {
    try db.bodies(CatalogItem.self, "SELECT code, body FROM catalog_item ORDER BY code")
  }

  public func catalogItemCount() throws -> Int {
    try db.fetchInt("SELECT count(*) FROM catalog_item")
  }

  /// Items whose code, name or alias contains every word of `text` (Chinese substrings
  /// included), as the clerk types: exact code first, then codes starting with it, then by code;
  /// after them the items a pinyin spelling finds (`gtgsdj`, `dibao`: `pinyinMatches`).
  /// - Complexity: words of three or more characters use the trigram index; shorter ones scan
  ///   the narrow covering index on `search_text`.
  public func searchCatalog(_ text: String, limit: Int) throws -> [CatalogItem] {
    let (sql, args) = Self.searchQuery(text, columns: "i.code, i.body", limit: limit)
    let found = try db.bodies(CatalogItem.self, sql, args)
    let spoken = try pinyinMatches(
      text, excluding: Set(found.map(\.code)), limit: limit - found.count)
    return try found + spoken.compactMap { try catalogItem(code: $0) }
  }

  /// `searchCatalog` for lists: the table's columns only, no guide to decode.
  public func searchCatalogSummaries(_ text: String, limit: Int) throws -> [CatalogSummary] {
    let columns = Self.catalogSummaryColumns
    let (sql, args) = Self.searchQuery(text, columns: columns, limit: limit)
    let found = try db.fetchAll(CatalogSummary.self, sql, args)
    let spoken = try pinyinMatches(
      text, excluding: Set(found.map(\.code)), limit: limit - found.count)
    return try found
      + spoken.compactMap {
        try db.fetchOne(
          CatalogSummary.self, "SELECT \(columns) FROM catalog_item i WHERE i.code = ?", [$0])
      }
  }

  static let catalogSummaryColumns =
    "i.code, i.name, i.type, i.org, i.status, i.version, i.promised_days, i.legal_days, i.fully_online"

  /// The SQL for a search: at most five words; each value bound, never interpolated.
  static func searchQuery(_ text: String, columns: String, limit: Int) -> (
    String, [any SQLBindable]
  ) {
    let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init).prefix(5)
    var sql = "SELECT \(columns) FROM catalog_item i"
    var args: [any SQLBindable] = []
    var conditions: [String] = []
    let long = words.filter { $0.count >= 3 }
    if !long.isEmpty {
      sql += " JOIN catalog_search ON catalog_search.rowid = i.rowid"
      conditions.append("catalog_search MATCH ?")
      // Each word a quoted phrase: trigram matches it anywhere in the code or the name.
      args.append(
        long.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(
          separator: " AND "))
    }
    for w in words where w.count < 3 {
      conditions.append(
        "i.rowid IN (SELECT rowid FROM catalog_item WHERE search_text LIKE ? ESCAPE '\\')")
      args.append("%" + escapeLike(w) + "%")
    }
    if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
    let upper = text.trimmingSpaces().uppercased()
    if words.isEmpty {
      // The whole list: code order is the unique index's, read until the page is full.
      sql += " ORDER BY i.code LIMIT ?"
      args.append(max(0, limit))
      return (sql, args)
    }
    sql += " ORDER BY i.code = ? DESC, i.code LIKE ? ESCAPE '\\' DESC, i.code LIMIT ?"
    args += [upper, escapeLike(upper) + "%", max(0, limit)]
    return (sql, args)
  }

  static func escapeLike(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
      .replacingOccurrences(of: "_", with: "\\_")
  }

  /// The item's versions, folded from the journal: what the rules consult inside a command.
  public func catalogHistory(code: String) throws -> CatalogItemHistory? {
    CatalogItemReducer.fold(try events(stream: CatalogItemReducer.stream(code)), foldContext).state
  }
}
