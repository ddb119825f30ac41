import Domain

/// `catalog_item.search_text` — what the text search matches (`LIKE` on it, the trigram index on
/// the name column): the code, the name and the aliases, separated by tabs so the pinyin search
/// reads the names back. Rows projected before aliases existed hold `CODE NAME`.
enum CatalogSearchText {
  static func make(_ item: CatalogItem) -> String {
    ([item.code, item.name] + (item.aliases ?? [])).joined(separator: "\t")
  }

  /// The name and the aliases: what the trigram index holds besides the code.
  static func names(_ item: CatalogItem) -> String {
    ([item.name] + (item.aliases ?? [])).joined(separator: "\t")
  }

  /// The name and aliases a stored search text holds.
  static func names(_ text: String, code: String) -> [String] {
    if text.contains("\t") { return text.split(separator: "\t").dropFirst().map(String.init) }
    let name = text.hasPrefix(code + " ") ? String(text.dropFirst(code.count + 1)) : text
    return [name]
  }
}
