import Foundation

/// 统一社会信用代码 — the 18-character unified social credit code of GB 32100-2015, carried by
/// every enterprise, public institution and social organisation that applies or is complained about.
///
/// Layout: registering authority (1), organisation type (1), administrative division (6),
/// organisation code (9), check character (1). The alphabet is 0–9 and the capitals without I, O,
/// Z, S and V, which are too easily misread for 1, 0, 2, 5 and U.
public enum CreditCode {
  private static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

  /// Returns nil when `text` is a valid code (after `normalize`), else what is wrong.
  public static func validate(_ text: String) -> IdentifierProblem? {
    let chars = Array(normalize(text))
    guard chars.count == 18 else { return IdentifierProblem(message: "统一社会信用代码应为18位") }
    var values: [Int] = []
    values.reserveCapacity(18)
    for char in chars {
      guard let value = alphabet.firstIndex(of: char) else {
        return IdentifierProblem(message: "统一社会信用代码含有无效字符(不使用I、O、Z、S、V)")
      }
      values.append(value)
    }
    guard values[17] == checkValue(values[0..<17]) else {
      return IdentifierProblem(message: "统一社会信用代码校验位错误")
    }
    return nil
  }

  /// Trims surrounding whitespace and upper-cases (codes are often typed in lowercase).
  public static func normalize(_ text: String) -> String { Masking.normalizedCode(text) }

  /// 脱敏显示 — first 6 and last 4 kept, like a resident ID: a sole trader's code is personal data.
  public static func mask(_ text: String) -> String { Masking.code18(text) }

  /// `(31 - Σ value × weight mod 31) mod 31`, as an index into the alphabet.
  static func checkValue(_ values: ArraySlice<Int>) -> Int {
    var sum = 0
    for (value, weight) in zip(values, weights) { sum += value * weight }
    return (31 - sum % 31) % 31
  }

  /// The check character for 17 valid code characters; nil if any is outside the alphabet.
  static func checkCharacter(_ body: String) -> Character? {
    var values: [Int] = []
    for char in body {
      guard let value = alphabet.firstIndex(of: char) else { return nil }
      values.append(value)
    }
    guard values.count == 17 else { return nil }
    return alphabet[checkValue(values[...])]
  }
}
