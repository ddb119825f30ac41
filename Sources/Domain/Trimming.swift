/// Trimming without Foundation's `trimmingCharacters(in:)`, which on Linux bridges every string
/// to `NSString` even when there is nothing to trim; registration checks trim every field and
/// that bridge was a tenth of a step's cost. Same sets as `CharacterSet.whitespaces` and
/// `.whitespacesAndNewlines`.
extension StringProtocol {
  /// Without leading and trailing spaces and tabs (`CharacterSet.whitespaces`).
  public func trimmingSpaces() -> String { trimming(Self.isSpace) }

  /// Without leading and trailing spaces, tabs and line breaks
  /// (`CharacterSet.whitespacesAndNewlines`).
  public func trimmingSpacesAndNewlines() -> String {
    trimming { Self.isSpace($0) || Self.isNewline($0) }
  }

  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    // ASCII and CJK ideographs answered without the category table (the only ASCII space
    // separator is the space; ideographs are letters).
    if s.value < 0x80 { return s == " " || s == "\t" }
    if isIdeograph(s) { return false }
    return s.properties.generalCategory == .spaceSeparator
  }

  static func isNewline(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x0A...0x0D, 0x85: return true
    case 0..<0x80: return false
    case _ where isIdeograph(s): return false
    default:
      let c = s.properties.generalCategory
      return c == .lineSeparator || c == .paragraphSeparator
    }
  }

  /// CJK Unified Ideographs (U+4E00–U+9FFF): letters (Lo), never a space or line break.
  private static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(s.value)
  }

  private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !drop($0) }),
      let last = scalars.lastIndex(where: { !drop($0) })
    else { return "" }
    // Nothing to trim (the usual case): the text as it is, without rebuilding it.
    if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex {
      return String(self)
    }
    var kept = String.UnicodeScalarView()
    kept.append(contentsOf: scalars[first...last])
    return String(kept)
  }
}
