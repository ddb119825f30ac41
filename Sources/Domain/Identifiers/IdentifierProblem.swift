import Foundation

/// 填写问题 — why an identifier or a form field was refused, in words a clerk can act on.
///
/// A value rather than a thrown error: forms collect the problems of every field and show them
/// together. The message never repeats the input or the expected check character, because it may
/// be logged or shown on a screen facing the applicant.
public struct IdentifierProblem: Error, Equatable, Sendable, CustomStringConvertible {
  public let message: String

  public var description: String { message }
}

/// 脱敏 — shared rules for hiding the middle of an identifier in lists.
enum Masking {
  /// Keeps `prefix` leading and `suffix` trailing characters and stars the rest.
  ///
  /// Input that is not a well-formed identifier gets the tight rule: at most the first 3 and last 2
  /// characters, and nothing at all when that would leave fewer stars than shown characters.
  static func keep(_ text: String, prefix: Int, suffix: Int) -> String {
    // Identifiers are ASCII: bytes, not grapheme clusters (every queue row masks two of them).
    // CR is left to the general path: CR LF is one character.
    let bytes = Array(text.utf8)
    if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      guard bytes.count > prefix + suffix else { return stars(bytes.count) }
      var out = bytes[..<prefix] + [UInt8](repeating: 0x2A, count: bytes.count - prefix - suffix)
      out += bytes[(bytes.count - suffix)...]
      return String(decoding: out, as: UTF8.self)
    }
    let chars = Array(text)
    guard chars.count > prefix + suffix else { return stars(chars.count) }
    return String(chars.prefix(prefix)) + stars(chars.count - prefix - suffix)
      + String(chars.suffix(suffix))
  }

  /// The rule for odd input: never more than the first 3 and the last 2 characters.
  static func odd(_ text: String) -> String {
    let count = text.count
    // Below 10 characters, showing 5 would reveal half or more of what was typed.
    guard count >= 10 else { return stars(count) }
    return keep(text, prefix: 3, suffix: 2)
  }

  /// Upper case; ASCII letters by byte (no Unicode case tables) when the text is ASCII.
  static func upper(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.uppercased() }
    guard bytes.contains(where: { (0x61...0x7A).contains($0) }) else { return text }
    return String(
      decoding: bytes.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
  }

  /// Trims surrounding whitespace and upper-cases: an 18-character code as typed (a lowercase
  /// check character or letter is common).
  static func normalizedCode(_ text: String) -> String {
    upper(text.trimmingSpacesAndNewlines())
  }

  /// 脱敏显示 of an 18-character code (resident ID, credit code): the first 6 and last 4 kept;
  /// anything else by the rule for odd input.
  static func code18(_ text: String) -> String {
    let normalized = normalizedCode(text)
    guard normalized.count == 18 else { return odd(normalized) }
    return keep(normalized, prefix: 6, suffix: 4)
  }

  static func stars(_ count: Int) -> String { String(repeating: "*", count: max(0, count)) }

  /// Whether every character is an ASCII digit.
  static func isDigits<S: StringProtocol>(_ text: S) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) }
  }
}
