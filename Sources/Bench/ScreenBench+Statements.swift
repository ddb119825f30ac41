import Foundation
import Store

/// One statement of the first frame and the pages its uses touched (issue 26): where a first
/// frame that grows with N spends them.
struct StatementPages: Codable {
  /// The SQL with its white space collapsed.
  var sql: String
  var uses: Int
  var pages: Int
}

extension ScreenBench {
  /// The first frame's statements, most pages first (`Store.open` itself is not traced: its
  /// pages are the first frame's total less these).
  static func firstFrameStatements(path: String, login: String) throws -> [StatementPages] {
    var byText: [String: StatementPages] = [:]
    _ = try open(path: path, login: login) { sql, pages in
      let text = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      byText[text, default: StatementPages(sql: text, uses: 0, pages: 0)].uses += 1
      byText[text, default: StatementPages(sql: text, uses: 0, pages: 0)].pages += pages
    }
    return byText.values.sorted { ($0.pages, $1.sql) > ($1.pages, $0.sql) }
  }
}
