import Foundation

/// 文本字段 — checks for free text typed at the window, and making stored text safe to draw.
///
/// Control characters are refused at entry and neutralised at display: text reaches the database
/// from forms, imports and township sync, and an escape sequence drawn raw would let a complaint's
/// text recolour, move or retitle a clerk's terminal.
public enum FieldText {
  /// Returns nil when `text` is acceptable for the field named `field` (shown in 「」 in messages).
  ///
  /// - Whitespace-only text counts as empty.
  /// - `maxLength` counts characters (字) of the trimmed text — the value a form stores — so a CJK
  ///   character, an emoji or a letter each count one.
  /// - No control character is allowed (C0, DEL, C1), except line feeds when `multiline`.
  public static func check(
    _ text: String, field: String, required: Bool, maxLength: Int, multiline: Bool = false
  ) -> IdentifierProblem? {
    let trimmed = text.trimmingSpacesAndNewlines()
    if trimmed.isEmpty {
      return required ? IdentifierProblem(message: "「\(field)」不能为空") : nil
    }
    let hasControl = trimmed.unicodeScalars.contains { scalar in
      isControl(scalar) && !(multiline && scalar == "\n")
    }
    if hasControl {
      return IdentifierProblem(message: "「\(field)」含有控制字符")
    }
    if trimmed.count > maxLength {
      return IdentifierProblem(message: "「\(field)」不能超过\(maxLength)个字")
    }
    return nil
  }

  /// A person's name: what `check` asks, and at least one letter or CJK character (a name of
  /// digits or punctuation only, `12345`, is a typing slip in the wrong field).
  public static func checkPersonName(_ text: String, field: String, maxLength: Int)
    -> IdentifierProblem?
  {
    if let p = check(text, field: field, required: true, maxLength: maxLength) { return p }
    guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
      return IdentifierProblem(message: "「\(field)」应含有汉字或字母")
    }
    return nil
  }

  /// Text that is safe to draw on one line of a terminal: every escape sequence, control character
  /// (C0, DEL, C1) and line break becomes a single space.
  ///
  /// Escape sequences go whole — `ESC [ 31 m` becomes one space, not a space followed by "[31m" —
  /// so the reader sees where something was removed without the debris.
  public static func sanitizeForDisplay(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      guard isControl(scalar) else {
        out.append(scalar)
        i += 1
        continue
      }
      i = endOfControl(scalars, at: i)
      out.append(" ")
    }
    return String(out)
  }

  /// C0 controls (U+0000–U+001F, tab and line breaks included), DEL and C1 (U+0080–U+009F).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Index just past the control character or sequence starting at `start`.
  private static func endOfControl(_ scalars: [Unicode.Scalar], at start: Int) -> Int {
    let value = scalars[start].value
    let i = start + 1
    switch value {
    case 0x0D where i < scalars.count && scalars[i] == "\n":
      return i + 1  // CRLF is one line break, one space.
    case 0x1B:  // ESC
      guard i < scalars.count else { return i }
      switch scalars[i] {
      case "[": return endOfCSI(scalars, from: i + 1)
      case "]", "P", "X", "^", "_": return endOfString(scalars, from: i + 1)
      default:
        // Two-character sequences (ESC 7, ESC c); a following control is handled on its own.
        return isControl(scalars[i]) ? i : i + 1
      }
    case 0x9B: return endOfCSI(scalars, from: i)  // C1 CSI
    case 0x90, 0x98, 0x9D, 0x9E, 0x9F: return endOfString(scalars, from: i)  // DCS SOS OSC PM APC
    default: return i
    }
  }

  /// Past a CSI's parameter and intermediate bytes and its final byte (0x40–0x7E).
  private static func endOfCSI(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var i = start
    while i < scalars.count, (0x20...0x3F).contains(scalars[i].value) { i += 1 }
    if i < scalars.count, (0x40...0x7E).contains(scalars[i].value) { i += 1 }
    return i
  }

  /// Past a control string (OSC, DCS …) and its terminator, BEL or ST (ESC \ or U+009C).
  /// An unterminated string loses only its introducer: the rest is shown as plain text rather than
  /// hiding what may be the substance of a complaint.
  private static func endOfString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var i = start
    while i < scalars.count {
      switch scalars[i].value {
      case 0x07, 0x9C: return i + 1
      case 0x1B where i + 1 < scalars.count && scalars[i + 1] == "\\": return i + 2
      default: i += 1
      }
    }
    return start
  }
}
