import Foundation

/// 部署时区 — the zone every civil date is computed in (Asia/Shanghai by default).
///
/// A fixed offset rather than Foundation's zone database: a fresh server may have no tzdata, and
/// China has kept UTC+8 without daylight saving since 1991, so the offset is exact for every date
/// a case can carry.
public struct DeploymentZone: Sendable, Equatable {
  public let name: String
  public let offsetSeconds: Int

  public static let shanghai = DeploymentZone(name: "Asia/Shanghai", offsetSeconds: 8 * 3600)

  /// The zone for a name from configuration; nil when unknown (the caller says so to the user).
  public static func named(_ name: String) -> DeploymentZone? {
    switch name {
    case "Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi", "PRC", "Asia/Hong_Kong",
      "Asia/Macau", "Asia/Taipei":
      return DeploymentZone(name: name, offsetSeconds: 8 * 3600)
    case "UTC", "Etc/UTC":
      return DeploymentZone(name: name, offsetSeconds: 0)
    default:
      if let tz = TimeZone(identifier: name) {
        return DeploymentZone(name: name, offsetSeconds: tz.secondsFromGMT())
      }
      return nil
    }
  }

  public func civilDate(_ instant: Date) -> CivilDate {
    let seconds = Int((instant.timeIntervalSince1970).rounded(.down)) + offsetSeconds
    return CivilDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
  }

  /// Hour and minute of the instant in this zone.
  public func clockTime(_ instant: Date) -> (hour: Int, minute: Int) {
    let seconds = Int((instant.timeIntervalSince1970).rounded(.down)) + offsetSeconds
    let inDay = ((seconds % 86400) + 86400) % 86400
    return (inDay / 3600, (inDay % 3600) / 60)
  }

  public func instant(_ date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date {
    let seconds = date.dayNumber * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }

  /// `2026-11-26 09:30` in this zone.
  public func format(_ instant: Date) -> String {
    let (h, m) = clockTime(instant)
    return civilDate(instant).iso + " " + (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "")
      + "\(m)"
  }

  /// Parses `YYYY-MM-DDTHH:MM` (or `YYYY-MM-DD HH:MM`, or a bare date meaning 09:00) as local time.
  public func parseLocal(_ text: String) -> Date? {
    let t = text.trimmingSpaces()
    if let d = CivilDate(iso: t) { return instant(d, hour: 9) }
    guard t.count == 16 || t.count == 19 else { return nil }
    let chars = Array(t)
    guard chars[10] == "T" || chars[10] == " ", chars[13] == ":" else { return nil }
    guard let d = CivilDate(iso: String(chars[0..<10])),
      let h = Int(String(chars[11..<13])), let m = Int(String(chars[14..<16])),
      (0...23).contains(h), (0...59).contains(m)
    else { return nil }
    var s = 0
    if chars.count == 19 {
      guard chars[16] == ":", let sec = Int(String(chars[17..<19])), (0...59).contains(sec) else {
        return nil
      }
      s = sec
    }
    return instant(d, hour: h, minute: m, second: s)
  }
}
