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
    var typed = text
    if let verdict = typed.withUTF8({ plainVerdict($0, today: today) }) { return verdict.problem }
    let chars = Array(normalize(text))
    guard chars.count == 18 else { return Problems.length }
    let body = String(chars[0..<17])
    guard Masking.isDigits(body) else { return Problems.digits }
    guard let province = Int(String(chars[0..<2])), provinceCodes.contains(province) else {
      return Problems.province
    }
    guard let born = birthDate(body) else { return Problems.birthDate }
    guard born <= today else { return Problems.bornLater }
    guard chars[17] == checkCharacter(body) else {
      // Deliberately not saying what the check character should be: that would let anyone forge
      // a "valid" number from a made-up one at the counter.
      return Problems.check
    }
    return nil
  }

  /// What `validate` answers.
  private enum Problems {
    static let length = IdentifierProblem(message: "身份证号码应为18位")
    static let digits = IdentifierProblem(message: "身份证号码前17位应为数字")
    static let province = IdentifierProblem(message: "身份证号码前两位不是有效的省级行政区划代码")
    static let birthDate = IdentifierProblem(message: "身份证号码出生日期无效")
    static let bornLater = IdentifierProblem(message: "身份证号码出生日期晚于今天")
    static let check = IdentifierProblem(message: "身份证号码校验位错误")
  }

  /// The answer of `validate`, when there is one.
  private struct Verdict {
    let problem: IdentifierProblem?
  }

  /// `validate`'s answer for a number typed plainly — exactly 17 ASCII digits and a digit or
  /// X (either case), nothing around them, which `normalize` leaves as it is but for the x —
  /// read by byte, without splitting characters (every registration a rebuild folds checks one);
  /// nil for any other text, which takes the general path.
  private static func plainVerdict(_ b: UnsafeBufferPointer<UInt8>, today: CivilDate) -> Verdict? {
    guard b.count == 18 else { return nil }
    var sum = 0
    for i in 0..<17 {
      let digit = b[i] &- 48
      guard digit < 10 else { return nil }
      sum += Int(digit) * weights[i]
    }
    let last = b[17] == UInt8(ascii: "x") ? UInt8(ascii: "X") : b[17]
    guard last &- 48 < 10 || last == UInt8(ascii: "X") else { return nil }
    func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(b[$1] - 48) } }
    guard provinceCodes.contains(number(0..<2)) else { return Verdict(problem: Problems.province) }
    let year = number(6..<10)
    guard year >= earliestBirthYear,
      let born = CivilDate(year: year, month: number(10..<12), day: number(12..<14))
    else { return Verdict(problem: Problems.birthDate) }
    guard born <= today else { return Verdict(problem: Problems.bornLater) }
    guard last == checkBytes[sum % 11] else { return Verdict(problem: Problems.check) }
    return Verdict(problem: nil)
  }

  private static let checkBytes = Array("10X98765432".utf8)

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
