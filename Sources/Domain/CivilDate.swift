import Foundation

/// 日期 — a calendar date with no time and no zone: the unit every working-day rule counts in.
///
/// Dates are civil dates in the deployment's zone (see `DeploymentZone`), so "today" for a clerk in
/// Baiyin is the same whatever zone the machine's clock is set to.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Days since 1970-01-01 (negative before). Arithmetic on dates is arithmetic on this number.
  public let dayNumber: Int

  /// Returns nil for an impossible date (2026-02-30, month 13, year outside 1..9999).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CivilDate.daysInMonth(year: year, month: month)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
    self.dayNumber = CivilDate.daysFromCivil(year, month, day)
  }

  public init(dayNumber: Int) {
    let (y, m, d) = CivilDate.civilFromDays(dayNumber)
    self.year = y
    self.month = m
    self.day = d
    self.dayNumber = dayNumber
  }

  /// Parses exactly `YYYY-MM-DD`; anything else (including `2026-2-3`) is nil.
  public init?(iso text: String) {
    var text = text
    // Read in place: queue rows parse two or three dates each, an array per date showed.
    let parts: (Int, Int, Int)? = text.withUTF8 { bytes in
      guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
      else { return nil }
      func number(_ range: Range<Int>) -> Int? {
        var value = 0
        for i in range {
          let b = bytes[i]
          guard b >= 48, b <= 57 else { return nil }
          value = value * 10 + Int(b - 48)
        }
        return value
      }
      guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else {
        return nil
      }
      return (y, m, d)
    }
    guard let (y, m, d) = parts else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let r = (dayNumber + 3) % 7
    return (r < 0 ? r + 7 : r) + 1
  }

  public var isWeekend: Bool { weekday >= 6 }

  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// The same day in a month `months` away, clamped to the month's last day (Jan 31 + 1 → Feb 28).
  public func adding(months: Int) -> CivilDate {
    let total = (year * 12 + (month - 1)) + months
    let y = total / 12
    let m = total % 12 + 1
    let d = min(day, CivilDate.daysInMonth(year: y, month: m))
    return CivilDate(year: y, month: m, day: d) ?? self
  }

  public var firstOfMonth: CivilDate { CivilDate(year: year, month: month, day: 1) ?? self }

  public var iso: String {
    let y = String(year)
    let m = month < 10 ? "0\(month)" : "\(month)"
    let d = day < 10 ? "0\(day)" : "\(day)"
    return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
  }

  public var description: String { iso }

  /// 星期一 … 星期日 as one character: 一 … 日.
  public var weekdayName: String { ["一", "二", "三", "四", "五", "六", "日"][weekday - 1] }

  public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

  public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeap(year) ? 29 : 28
    default: return 0
    }
  }

  // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
  static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}

extension CivilDate: Codable {
  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CivilDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "不是有效日期: \(text)"))
    }
    self = date
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(iso)
  }
}
