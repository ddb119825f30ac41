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
    if trimmed.count > maxLength {
      return IdentifierProblem(message: "「\(field)」不能超过\(maxLength)个字")
    }
    return nil
  }

  /// Text that is safe to draw on one line of a terminal: `SafeText.line`, the one sanitiser.
  public static func sanitizeForDisplay(_ text: String) -> String { SafeText.line(text) }
}
