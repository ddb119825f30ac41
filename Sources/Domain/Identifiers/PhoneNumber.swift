import Foundation

/// 联系电话 — mainland mobile numbers and fixed-line numbers as applicants write them on forms.
///
/// Mobile: 11 digits, `1[3-9]` then 9 digits. Fixed line: trunk prefix 0, an area code of 2–3 more
/// digits, then a 7–8 digit local number, optionally with a hyphen after the area code
/// (`0943-8221234`). SMS notices need a mobile; a contact number may be either.
public enum PhoneNumber {
  /// Returns nil when `text` (trimmed) is a mainland mobile number.
  public static func validateMobile(_ text: String) -> IdentifierProblem? {
    let trimmed = text.trimmingSpacesAndNewlines()
    guard trimmed.utf8.count == 11, Masking.isDigits(trimmed) else {
      return IdentifierProblem(message: "手机号码应为11位数字")
    }
    guard isMobile(trimmed) else {
      return IdentifierProblem(message: "手机号码应以13至19开头")
    }
    return nil
  }

  /// Returns nil when `text` (trimmed) is a mobile or a fixed-line number.
  public static func validateContact(_ text: String) -> IdentifierProblem? {
    let trimmed = text.trimmingSpacesAndNewlines()
    if isMobile(trimmed) || landline(trimmed) != nil { return nil }
    return IdentifierProblem(message: "联系电话应为手机号码或固定电话(如0943-8221234)")
  }

  /// 脱敏显示 — mobile `138****5678`; fixed line keeps the area code and the last 2 digits
  /// (`0943-******34`). Anything else shows at most its first 3 and last 2 characters.
  public static func mask(_ text: String) -> String {
    let trimmed = text.trimmingSpacesAndNewlines()
    if isMobile(trimmed) { return Masking.keep(trimmed, prefix: 3, suffix: 4) }
    if let (area, hyphen, local) = landline(trimmed) {
      return area + (hyphen ? "-" : "") + Masking.keep(local, prefix: 0, suffix: 2)
    }
    return Masking.odd(trimmed)
  }

  static func isMobile(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    return bytes.count == 11 && Masking.isDigits(text) && bytes[0] == UInt8(ascii: "1")
      && bytes[1] >= UInt8(ascii: "3")
  }

  /// Splits a fixed-line number into area code (with its 0), whether a hyphen was written, and the
  /// local number; nil when it is not one.
  static func landline(_ text: String) -> (area: String, hyphen: Bool, local: String)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 2 {
      let area = parts[0]
      let local = parts[1]
      guard Masking.isDigits(area), Masking.isDigits(local), area.hasPrefix("0"),
        (3...4).contains(area.utf8.count), (7...8).contains(local.utf8.count)
      else { return nil }
      return (String(area), true, String(local))
    }
    guard parts.count == 1, Masking.isDigits(text), text.hasPrefix("0"),
      (10...12).contains(text.utf8.count)
    else { return nil }
    // Without a hyphen the split is not written down; China's three-digit area codes are exactly
    // 010 (Beijing) and 020–029 (the big cities), every other code has four digits.
    let areaLength = text.hasPrefix("01") || text.hasPrefix("02") ? 3 : 4
    let local = text.dropFirst(areaLength)
    guard (7...8).contains(local.utf8.count) else { return nil }
    return (String(text.prefix(areaLength)), false, String(local))
  }
}
