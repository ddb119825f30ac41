/// 显示宽度 — how many terminal columns text takes, agreeing with glibc's `wcwidth`.
///
/// CJK glyphs take two columns, combining marks none. Control characters count as one column
/// because `FieldText.sanitizeForDisplay` replaces them with a space before anything is drawn.
public enum DisplayWidth {
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x300 { return 1 }  // ASCII and Latin: the hot path
    if contains(doubleWidthRanges, v) { return 2 }
    if contains(zeroWidthRanges, v) { return 0 }
    return 1
  }

  /// A grapheme's width: its first scalar's, since the rest are combining or joiners.
  public static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    var w = of(first)
    // An emoji presentation selector widens a narrow base (e.g. U+2764 U+FE0F).
    if w == 1, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { w = 2 }
    return w
  }

  public static func of(_ text: some StringProtocol) -> Int {
    var total = 0
    for c in text { total += of(c) }
    return total
  }

  static func contains(_ ranges: [(UInt32, UInt32)], _ v: UInt32) -> Bool {
    var lo = 0
    var hi = ranges.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let (a, b) = ranges[mid]
      if v < a {
        hi = mid - 1
      } else if v > b {
        lo = mid + 1
      } else {
        return true
      }
    }
    return false
  }

  /// The longest prefix of `text` that fits in `columns`, and its width. Never splits a glyph.
  public static func prefix(_ text: String, fitting columns: Int) -> (String, Int) {
    var used = 0
    var end = text.startIndex
    for i in text.indices {
      let w = of(text[i])
      if used + w > columns { break }
      used += w
      end = text.index(after: i)
    }
    return (String(text[..<end]), used)
  }

  /// Fits text into exactly `columns` when it is wider, marking the cut with `~`.
  public static func truncate(_ text: String, to columns: Int) -> String {
    guard columns > 0 else { return "" }
    if of(text) <= columns { return text }
    let (head, _) = prefix(text, fitting: columns - 1)
    return head + "~"
  }

  /// Pads (or truncates) to exactly `columns`.
  public static func pad(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
    let t = truncate(text, to: columns)
    let gap = String(repeating: " ", count: max(0, columns - of(t)))
    return alignRight ? gap + t : t + gap
  }

  /// Breaks text into lines of at most `columns`, for Chinese (which wraps anywhere) and for
  /// words of Latin text alike: a run of ASCII letters and digits (a case number, a phone number)
  /// or a written date (`2026年11月26日`) moves whole to the next line when it fits there, and a
  /// line never starts with Chinese closing punctuation (，。、；：！？）」』》) — the word before it
  /// moves down with it. Explicit newlines are kept.
  public static func wrap(_ text: String, columns: Int) -> [String] {
    guard columns > 1 else { return [text] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line: [Character] = []
      var width = 0
      // Where the last token placed on this line starts: closing punctuation takes it along.
      var lastStart = 0
      func breakLine() {
        lines.append(String(line))
        line = []
        width = 0
        lastStart = 0
      }
      for token in tokens(paragraph) {
        let w = token.reduce(0) { $0 + of($1) }
        if width + w <= columns {
          lastStart = line.count
          line += token
          width += w
          continue
        }
        if token.count > 1, w <= columns {
          breakLine()
          line = token
          width = w
          continue
        }
        if token.count == 1, let c = token.first, closingPunctuation.contains(c), lastStart > 0,
          w + line[lastStart...].reduce(0, { $0 + of($1) }) <= columns
        {
          let carried = Array(line[lastStart...])
          line.removeSubrange(lastStart...)
          breakLine()
          line = carried + token
          width = line.reduce(0) { $0 + of($1) }
          continue
        }
        lastStart = line.count
        for c in token {
          let cw = of(c)
          if width + cw > columns {
            if c == " " {
              breakLine()
              continue
            }
            breakLine()
          }
          line.append(c)
          width += cw
        }
      }
      lines.append(String(line))
    }
    return lines
  }

  static let closingPunctuation: Set<Character> = Set("，。、；：！？）」』》,.;:!?)")

  /// ASCII letters and digits (with `-`, `.`, `/`, `:`, `_` inside, never first: a line may not
  /// start with `:`) group into one token, and so does
  /// a written date (`2026年11月26日`, `11月26日`); every other character is a token of its own.
  static func tokens(_ text: Substring) -> [[Character]] {
    var out: [[Character]] = []
    var run: [Character] = []
    for c in text {
      if c.isASCII, c.isLetter || c.isNumber || (!run.isEmpty && "-./:_@".contains(c)) {
        run.append(c)
      } else if "年月日".contains(c), let last = run.last, last.isASCII, last.isNumber {
        run.append(c)
        if c == "日" {
          out.append(run)
          run.removeAll()
        }
      } else {
        if !run.isEmpty { out.append(run) }
        run.removeAll()
        out.append([c])
      }
    }
    if !run.isEmpty { out.append(run) }
    return out
  }
}
