import Foundation

/// 居民身份证号码 — the 18-character citizen ID number of GB 11643-1999.
///
/// Layout: 6-digit address code, 8-digit birth date (YYYYMMDD), 3-digit sequence, 1 check
/// character (0–9 or X). The check is ISO 7064 MOD 11-2, which catches every single-digit error and
/// every swap of adjacent digits — the typing mistakes a window clerk actually makes.
public enum ResidentID {
  /// Weights of the first 17 digits (2^(17-i) mod 11).
  private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  /// Check character for each value of the weighted sum mod 11.
  private static let checkCharacters = Array("10X98765432")

  /// Birth years that are plausible for a living applicant; the upper end is `today`.
  private static let earliestBirthYear = 1900

  /// First two digits of the address code: the provinces, autonomous regions, municipalities and
  /// special administrative regions of GB/T 2260.
  public static let provinceCodes: Set<Int> = Set(
    [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46]
      + [50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82])

  /// Returns nil when `text` is a valid ID number (after `normalize`) of someone born by `today`,
  /// else what is wrong.
  public static func validate(_ text: String, today: CivilDate) -> IdentifierProblem? {
    let chars = Array(normalize(text))
    guard chars.count == 18 else { return IdentifierProblem(message: "身份证号码应为18位") }
    let body = String(chars[0..<17])
    guard Masking.isDigits(body) else {
      return IdentifierProblem(message: "身份证号码前17位应为数字")
    }
    guard let province = Int(String(chars[0..<2])), provinceCodes.contains(province) else {
      return IdentifierProblem(message: "身份证号码前两位不是有效的省级行政区划代码")
    }
    guard let born = birthDate(body) else {
      return IdentifierProblem(message: "身份证号码出生日期无效")
    }
    guard born <= today else {
      return IdentifierProblem(message: "身份证号码出生日期晚于今天")
    }
    guard chars[17] == checkCharacter(body) else {
      // Deliberately not saying what the check character should be: that would let anyone forge
      // a "valid" number from a made-up one at the counter.
      return IdentifierProblem(message: "身份证号码校验位错误")
    }
    return nil
  }

  /// Trims surrounding whitespace and upper-cases the check character (a lowercase x is common).
  public static func normalize(_ text: String) -> String { Masking.normalizedCode(text) }

  /// 脱敏显示 — `620402********123X`: address code and last four kept, birth date hidden.
  ///
  /// Anything that is not 18 characters shows at most its first 3 and last 2 characters.
  public static func mask(_ text: String) -> String { Masking.code18(text) }

  /// The birth date encoded at positions 7–14, nil when it is not a real date in range.
  static func birthDate(_ digits: String) -> CivilDate? {
    let chars = Array(digits)
    guard chars.count >= 14,
      let year = Int(String(chars[6..<10])), let month = Int(String(chars[10..<12])),
      let day = Int(String(chars[12..<14])), year >= earliestBirthYear
    else { return nil }
    return CivilDate(year: year, month: month, day: day)
  }

  /// The check character for 17 ASCII digits.
  static func checkCharacter(_ body: String) -> Character {
    var sum = 0
    for (digit, weight) in zip(body.utf8, weights) {
      sum += Int(digit - 48) * weight
    }
    return checkCharacters[sum % 11]
  }
}
