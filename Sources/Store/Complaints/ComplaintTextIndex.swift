/// 投诉全文索引 — the two full-text indexes of a complaint's subject and content.
///
/// `complaint_text` (trigram) answers any string of three characters or more. Two-character
/// Chinese words (「排队」「窗口」) are the commonest searches and a trigram cannot hold them, so
/// `complaint_bigram` indexes every pair of adjacent characters as a word of its own: a
/// two-character search is one word's list, not a scan of every complaint ever filed.
enum ComplaintTextIndex {
  /// Adjacent character pairs of each text, space-separated (the unicode61 tokenizer reads each
  /// pair as one word; a pair with punctuation or a space splits into single letters that no
  /// two-character search asks for). Pairs never span two texts.
  static func bigrams(_ texts: String...) -> String {
    bigrams(of: texts)
  }

  static func bigrams(of texts: [String]) -> String {
    var out = ""
    for text in texts {
      var previous: Character? = nil
      for ch in text {
        if let p = previous {
          if !out.isEmpty { out.append(" ") }
          out.append(p)
          out.append(ch)
        }
        previous = ch
      }
    }
    return out
  }

  /// The one word a two-character search looks up, when both characters are letters or digits
  /// (what the tokenizer keeps together); nil for anything else.
  static func bigramWord(_ query: String) -> String? {
    guard query.count == 2,
      query.unicodeScalars.allSatisfy({
        switch $0.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
          .decimalNumber, .letterNumber, .otherNumber:
          return true
        default: return false
        }
      })
    else { return nil }
    return "\"" + query + "\""
  }

  /// Writes a complaint's texts to both indexes, unless they are already there: a complaint's
  /// texts are fixed at registration, and rewriting them at every step cost more than the step.
  static func replace(rowid: Int64, subject: String, content: String, _ db: Connection) throws {
    if !db.memo.projectingFresh {
      let stored = try db.hot.fetchOne(
        "SELECT subject, content FROM complaint_text WHERE rowid = ?", [rowid]
      ) { ($0.text(0), $0.text(1)) }
      if let stored, stored == (subject, content) { return }
      try remove(rowid: rowid, db)
    }
    try db.hot.run(
      "INSERT INTO complaint_text (rowid, subject, content) VALUES (?, ?, ?)",
      [rowid, subject, content])
    try db.hot.run(
      "INSERT INTO complaint_bigram (rowid, grams) VALUES (?, ?)",
      [rowid, bigrams(subject, content)])
  }

  static func remove(rowid: Int64, _ db: Connection) throws {
    try db.hot.run("DELETE FROM complaint_text WHERE rowid = ?", [rowid])
    try db.hot.run("DELETE FROM complaint_bigram WHERE rowid = ?", [rowid])
  }
}
