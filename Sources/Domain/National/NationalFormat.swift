import Foundation

/// How values are written in the national data sets.
public enum NationalFormat {
  /// `YYYYMMDDThhmmss` in the deployment zone — every date-time the standard names, 办结时间
  /// included (its table 8 prints `YYYYMMDDhh:mm:ss`, a misprint against every other table).
  public static func dateTime(_ instant: Date, zone: DeploymentZone) -> String {
    let day = zone.civilDate(instant)
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.offsetSeconds
    let inDay = ((seconds % 86_400) + 86_400) % 86_400
    return digits(day.year, 4) + digits(day.month, 2) + digits(day.day, 2) + "T"
      + digits(inDay / 3600, 2) + digits(inDay % 3600 / 60, 2) + digits(inDay % 60, 2)
  }

  /// `dateTime` of a journal timestamp (milliseconds since 1970).
  public static func dateTime(milliseconds: Int64, zone: DeploymentZone) -> String {
    dateTime(Date(timeIntervalSince1970: Double(milliseconds / 1000)), zone: zone)
  }

  /// A day as a date-time at its start, or its last second (a limit that runs through the day).
  public static func dateTime(_ day: CivilDate, endOfDay: Bool = false) -> String {
    digits(day.year, 4) + digits(day.month, 2) + digits(day.day, 2)
      + (endOfDay ? "T235959" : "T000000")
  }

  /// 办件编号 as letters and digits only: `BYQ-2026-000001` → `BYQ2026000001`.
  public static func caseNumber(_ caseID: String) -> String {
    String(
      caseID.unicodeScalars.filter {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
      }.map(Character.init))
  }

  /// 是/否 items (n1): 1 yes, 0 no.
  public static func flag(_ value: Bool) -> String { value ? "1" : "0" }

  static func digits(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

extension NationalFormat {
  /// A date-time written `YYYYMMDDThhmmss` in the deployment zone, as milliseconds since 1970 and
  /// its civil day; nil when it is not one (a 13th month, 24 o'clock, another layout).
  public static func parseDateTime(_ text: String, zone: DeploymentZone)
    -> (milliseconds: Int64, day: CivilDate)?
  {
    let chars = Array(text.unicodeScalars)
    guard chars.count == 15, chars[8] == "T",
      chars.enumerated().allSatisfy({ $0.offset == 8 || ("0"..."9").contains($0.element) })
    else { return nil }
    func number(_ from: Int, _ length: Int) -> Int {
      chars[from..<from + length].reduce(0) { $0 * 10 + Int($1.value - 48) }
    }
    let hour = number(9, 2)
    let minute = number(11, 2)
    let second = number(13, 2)
    guard let day = CivilDate(year: number(0, 4), month: number(4, 2), day: number(6, 2)),
      hour < 24, minute < 60, second < 60
    else { return nil }
    let seconds = day.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - zone.offsetSeconds
    return (Int64(seconds) * 1000, day)
  }
}
