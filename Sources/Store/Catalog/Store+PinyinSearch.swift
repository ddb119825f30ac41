import Domain
import Foundation

/// The reading table, read once per process from `share/zwfw/pinyin-readings.tsv` (nil when the
/// data directory or the file cannot be read: search then matches Chinese text and codes only).
private let installedReadings: PinyinReadings? = {
  guard let share = try? ShareDirectory.locate(),
    let text = try? String(contentsOf: share.url(PinyinSearch.file), encoding: .utf8)
  else { return nil }
  let table = PinyinReadings(tsv: text)
  return table.isEmpty ? nil : table
}()

/// 拼音和别名检索 — items found as clerks speak of them: by pinyin initials or syllables of the
/// name or of an alias (`gtgsdj`, `dibao`), the aliases themselves (`低保`) matched by the
/// search text (`CatalogItemProjector`).
enum PinyinSearch {
  static let file = "pinyin-readings.tsv"

  /// The table this process uses.
  static var readings: PinyinReadings? { installedReadings }

  /// The lowercase words of a search that is all Latin letters (a pinyin spelling), else nil.
  static func words(_ text: String) -> [String]? {
    let words = text.split(whereSeparator: { $0.isWhitespace }).map { $0.lowercased() }.prefix(5)
    guard !words.isEmpty,
      words.allSatisfy({ $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } })
    else { return nil }
    return Array(words)
  }

  /// How well `words` spell `names` (an item's name first, then its aliases): the fewest runs
  /// summed over the words, each word matching any name; nil when a word matches none. A word
  /// may spread over a name in at most one run per three letters (`gtgsdj`: 个体工商 + 登记), so
  /// a few letters never match a name letter by scattered letter.
  static func score(_ words: [String], _ names: [String], _ table: PinyinReadings) -> Int? {
    var total = 0
    for word in words {
      let allowed = max(1, word.count / 3)
      let best = names.compactMap { table.runs(word, in: $0) }.filter { $0 <= allowed }.min()
      guard let best else { return nil }
      total += best
    }
    return total
  }
}

extension Store {
  /// The codes of the items a pinyin search finds, best first (fewest runs, then code), leaving
  /// out `excluding` (what the text search already found).
  /// - Complexity: O(items × name length × query length): a district's catalog is a few hundred
  ///   items, read from the narrow `search_text` index.
  func pinyinMatches(_ text: String, excluding: Set<String>, limit: Int) throws -> [String] {
    guard limit > 0, let words = PinyinSearch.words(text), let table = PinyinSearch.readings
    else { return [] }
    var scored: [(score: Int, code: String)] = []
    try db.forEach("SELECT code, search_text FROM catalog_item ORDER BY code") { row in
      try row.read("catalog_item", keyColumn: "code") { r in
        let code: String = try r.decode("code")
        guard !excluding.contains(code) else { return }
        let names = CatalogSearchText.names(try r.decode("search_text"), code: code)
        if let s = PinyinSearch.score(words, names, table) { scored.append((s, code)) }
      }
    }
    return scored.sorted { ($0.score, $0.code) < ($1.score, $1.code) }.prefix(limit).map(\.code)
  }
}
