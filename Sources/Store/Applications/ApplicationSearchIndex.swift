/// 办件检索索引 — what 受理登记's `/` search reads: the case number, the applicant's name and the
/// ID number of every application, cut into pieces a full-text index holds (`Schema.v29`).
///
/// The search matches any fragment of the three (`LIKE '%…%'`), so a word in the middle of a name
/// (「金穗」 in 白银区金穗餐饮有限公司) must be found, and most searches are one or two Chinese
/// characters, which a trigram index cannot hold. So the index's words are every adjacent pair of
/// characters of each text, in order, then each character once: one character is one word's list,
/// two characters another, and a longer fragment the phrase of its pairs (its pairs next to each
/// other, which only that fragment or one spanning two texts can give). The list is a superset of
/// what the fragment matches; the statement keeps the `LIKE` of the three columns, so what a
/// search finds is exactly what it found when it read every application.
///
/// The index is external-content (its text is `application_search_text`, computed from the row by
/// `zwfw_application_grams`, so nothing is stored twice); removing a row's words needs the words
/// it was given, so `grams` must never change what it returns for a text without a schema step
/// that rebuilds the index.
enum ApplicationSearchIndex {
  static let table = "application_search"

  /// Between the three texts in the one argument `zwfw_application_grams` takes (`char(31)`, a
  /// character no clerk types): no pair spans two texts.
  static let separator: Unicode.Scalar = "\u{1F}"

  /// A character as the index holds it, read as SQLite reads text (by code point): an ASCII
  /// letter in lower case (as `LIKE` and the `ascii` tokenizer fold it), any other ASCII
  /// character but a digit as `_` (the tokenizer's one extra word character; punctuation would
  /// split a word), anything else as it is (the tokenizer keeps every non-ASCII character).
  static func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
    guard s.isASCII else { return s }
    switch s.value {
    case 0x30...0x39, 0x61...0x7A: return s
    case 0x41...0x5A: return Unicode.Scalar(s.value + 0x20) ?? s
    default: return "_"
    }
  }

  /// The words of one application: the pairs of each text in order, then every character once.
  /// - Parameter joined: case number, name and ID number separated by `separator`.
  ///
  /// Written as UTF-8 into one buffer: a rebuild calls it once per application, and a string per
  /// word and a hashed set of characters were most of remaking the index (`ApplicationSearchTests`
  /// hold it equal to the words made one string at a time).
  static func grams(_ joined: String) -> String {
    var pairs: [UInt8] = []
    var singles: [UInt8] = []
    pairs.reserveCapacity(joined.utf8.count * 3)
    singles.reserveCapacity(joined.utf8.count + 16)
    // A few dozen characters: a linear look beats hashing each.
    var seen: [Unicode.Scalar] = []
    var previous: Unicode.Scalar? = nil
    func append(_ c: Unicode.Scalar, to out: inout [UInt8]) {
      UTF8.encode(c) { out.append($0) }
    }
    for raw in joined.unicodeScalars {
      guard raw != separator else {
        previous = nil
        continue
      }
      let c = folded(raw)
      if !seen.contains(c) {
        seen.append(c)
        if !singles.isEmpty { singles.append(0x20) }
        append(c, to: &singles)
      }
      if let p = previous {
        if !pairs.isEmpty { pairs.append(0x20) }
        append(p, to: &pairs)
        append(c, to: &pairs)
      }
      previous = c
    }
    if !pairs.isEmpty && !singles.isEmpty { pairs.append(0x20) }
    pairs += singles
    return String(decoding: pairs, as: UTF8.self)
  }

  /// The MATCH expression of a search: its one character, its one pair, or the phrase of its
  /// pairs; nil for an empty search. Quotes cannot occur inside: they fold to `_`.
  static func match(_ search: String) -> String? {
    var words: [String] = []
    var previous: Unicode.Scalar? = nil
    for raw in search.unicodeScalars {
      let c = folded(raw)
      if let p = previous { words.append(word(p, c)) }
      previous = c
    }
    guard let last = previous else { return nil }
    if words.isEmpty { words.append(word(last)) }
    return "\"" + words.joined(separator: " ") + "\""
  }

  private static func word(_ a: Unicode.Scalar, _ b: Unicode.Scalar? = nil) -> String {
    var s = String.UnicodeScalarView()
    s.append(a)
    if let b { s.append(b) }
    return String(s)
  }
}
