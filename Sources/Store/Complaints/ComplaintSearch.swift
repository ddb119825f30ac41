import Domain

/// 投诉检索 — how a search string becomes part of a queue's WHERE clause.
///
/// In 全部 (every complaint ever filed) a search lists the matches newest first: the word's
/// index list is read in its own order, descending, and each case fetched by its rowid until the
/// page is full (`Store.searchAllStatement`), whether the word is rare or in every seventh
/// complaint. In a view, a queue page is the first 200 cases in the view's order: a word found
/// in a few cases is answered from its index list (those cases are read and sorted); a word
/// found in thousands (「排队」 in a district's five years of complaints) is answered by reading
/// the view in its order and checking each case's text until the page is full, so neither grows
/// with the years of history behind it. The index tells which is which by counting its list, up
/// to `commonAt`.
struct ComplaintSearch {
  /// The clause and its bound values.
  let clause: String
  let args: [any SQLBindable]
  /// Matches too many cases to list: counts stop at `countCap` (the tab shows 500+).
  let isCommon: Bool

  /// Index matches from which a word is read in queue order instead of from its list.
  static let commonAt = 1000
  /// Counts of a common word's cases stop here; a view showing this many shows "500+".
  static var countCap: Int { ComplaintFilter.searchCountCap }

  /// The full-text index that holds `q` and its MATCH expression; nil for a string no index
  /// holds (one character, or two with punctuation).
  static func index(for q: String) -> (table: String, query: String)? {
    if q.count >= 3 {
      // A trigram phrase matches the text anywhere; quotes inside are doubled per FTS5 syntax.
      return ("complaint_text", "\"" + q.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }
    return ComplaintTextIndex.bigramWord(q).map { ("complaint_bigram", $0) }
  }

  static func plan(_ raw: String?, db: Connection, commonAt: Int = commonAt) throws
    -> ComplaintSearch?
  {
    guard let q = raw?.trimmingSpaces(), !q.isEmpty else { return nil }
    if let index = index(for: q) {
      let listed = try db.fetchInt(
        "SELECT count(*) FROM (SELECT rowid FROM \(index.table) WHERE \(index.table) MATCH ? LIMIT ?)",
        [index.query, commonAt])
      if listed < commonAt {
        return ComplaintSearch(
          clause:
            "c.rowid IN (SELECT rowid FROM \(index.table) WHERE \(index.table) MATCH ?)",
          args: [index.query], isCommon: false)
      }
    }
    // A common word, or a string no index holds (one character, or with punctuation). The
    // content is read from the trigram index's own copy (`complaint_text_content`, FTS5's
    // documented shadow table: id, c0 = subject, c1 = content) by rowid, a plain B-tree
    // lookup; through the virtual table each case cost twice as much.
    let pattern = "%" + Store.escapeLike(q) + "%"
    return ComplaintSearch(
      clause: """
        (c.subject LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM complaint_text_content t \
        WHERE t.id = c.rowid AND t.c1 LIKE ? ESCAPE '\\'))
        """,
      args: [pattern, pattern], isCommon: true)
  }
}
