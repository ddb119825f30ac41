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
  /// - No control character is allowed (C0, DEL, C1, format characters such as bidi overrides),
  ///   except line feeds when `multiline`.
  public static func check(
    _ text: String, field: String, required: Bool, maxLength: Int, multiline: Bool = false
  ) -> IdentifierProblem? {
    let trimmed = text.trimmingSpacesAndNewlines()
    if trimmed.isEmpty {
      return required ? IdentifierProblem(message: "「\(field)」不能为空") : nil
    }
    // Bidi overrides and other invisible format characters count as controls: they would make
    // a name or a notice read differently from what is stored.
    let hasControl = trimmed.unicodeScalars.contains { scalar in
      SafeText.isUnsafe(scalar) && !(multiline && scalar == "\n")
    }
    if hasControl {
      return IdentifierProblem(message: "「\(field)」含有控制字符")
    }
    // A text of no more bytes, or scalars, than the limit has no more characters either: the
    // characters are counted (a grapheme walk) only when those cheaper counts exceed it.
    if trimmed.utf8.count > maxLength, trimmed.unicodeScalars.count > maxLength,
      trimmed.count > maxLength
    {
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

  /// Text that is safe to draw on one line of a terminal: `SafeText.line`, the one sanitiser.
  public static func sanitizeForDisplay(_ text: String) -> String { SafeText.line(text) }
}
