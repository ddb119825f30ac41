/// 文书版式 — the one layout of every notice: A4 text at most 66 display columns (33 CJK
/// characters) a line, so that CUPS's text filter, which draws a CJK character two columns
/// wide, prints every line whole between 56-point margins.
///
/// The layout is decided by the template, line by line, before its placeholders are filled (a
/// value can never change how its line is laid out):
/// - `^…` is centred (the issuing body, the title, the number);
/// - `>…` is right-aligned (the signature block: issuing body and date);
/// - `    …` (four spaces) is a paragraph: its first line indented by two CJK characters, the
///   next ones at the margin — and a numbered item (`1. …`) hangs its next lines under its text;
/// - anything else wraps at the margin.
/// A line that is a single placeholder whose value is empty is left out. Values are sanitised
/// (control characters become spaces) and may hold several lines: each is laid out like the
/// template line it fills.
public enum NoticeLayout {
  /// Display columns of a printed line.
  public static let columns = 66
  /// The paragraph indent: two CJK characters.
  static let indent = "    "

  public static func lay(_ template: String, values: [String: String]) -> Result<
    String, NoticeTemplate.Problem
  > {
    let clean = values.mapValues { value in
      value.split(separator: "\n", omittingEmptySubsequences: false)
        .map { FieldText.sanitizeForDisplay(String($0)) }.joined(separator: "\n")
    }
    var out: [String] = []
    for raw in template.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = Substring(raw)
      if line.hasSuffix("\r") { line = line.dropLast() }
      let style: Style
      if line.hasPrefix("^") {
        style = .centred
        line = line.dropFirst()
      } else if line.hasPrefix(">") {
        style = .right
        line = line.dropFirst()
      } else if line.hasPrefix(indent) {
        style = .paragraph
        line = line.dropFirst(indent.count)
      } else {
        style = .plain
      }
      let filled: String
      switch NoticeTemplate.fill(String(line), clean) {
      case .success(let text): filled = text
      case .failure(let p): return .failure(p)
      }
      if filled.trimmingSpaces().isEmpty, isSinglePlaceholder(line) { continue }
      for piece in filled.split(separator: "\n", omittingEmptySubsequences: false) {
        out += lay(String(piece), style)
      }
    }
    while out.last?.isEmpty == true { out.removeLast() }
    return .success(out.joined(separator: "\n") + "\n")
  }

  enum Style { case plain, centred, right, paragraph }

  static func lay(_ text: String, _ style: Style) -> [String] {
    switch style {
    case .plain:
      return DisplayWidth.wrap(text, columns: columns).map(trimEnd)
    case .centred, .right:
      return DisplayWidth.wrap(text.trimmingSpaces(), columns: columns).map { line in
        let l = trimEnd(line)
        let gap = columns - DisplayWidth.of(l)
        return String(repeating: " ", count: style == .centred ? gap / 2 : gap) + l
      }
    case .paragraph:
      if let marker = itemMarker(text) {
        let hang = indent.count + DisplayWidth.of(marker)
        let body = String(text.dropFirst(marker.count))
        let lines = DisplayWidth.wrap(body, columns: columns - hang).map(trimEnd)
        let pad = String(repeating: " ", count: hang)
        return lines.enumerated().map { i, l in (i == 0 ? indent + marker : pad) + l }
      }
      return DisplayWidth.wrap(indent + text, columns: columns).map(trimEnd)
    }
  }

  /// `1. ` or `12. ` at the start of a list item.
  static func itemMarker(_ text: String) -> String? {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard (1...2).contains(digits.count) else { return nil }
    let rest = text.dropFirst(digits.count)
    guard rest.hasPrefix(". ") else { return nil }
    return String(digits) + ". "
  }

  static func isSinglePlaceholder(_ line: Substring) -> Bool {
    let t = line.trimmingSpaces()
    return t.hasPrefix("{{") && t.hasSuffix("}}") && t.dropFirst(2).range(of: "{{") == nil
  }

  static func trimEnd(_ s: String) -> String {
    var s = Substring(s)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
