import Foundation

/// 日类型 — what a civil date is for counting limits.
///
/// The names travel with the kind because the UI shows them ("春节", "春节调休") beside a date, and
/// they come from the State Council's notice rather than from any rule we could compute.
public enum DayKind: Equatable, Sendable {
  /// 工作日 — an ordinary Monday to Friday.
  case workday
  /// 周末 — an ordinary Saturday or Sunday.
  case weekend
  /// 法定节假日 — a rest day by the annual notice, named after its festival ("春节", "国庆节").
  ///
  /// Weekend days inside a holiday block are listed as holidays too, so a Saturday can be one.
  case holiday(String)
  /// 调休上班日 — a Saturday or Sunday the notice makes a working day ("春节调休").
  case makeupWorkday(String)

  /// Whether limits count this day.
  public var isWorkingDay: Bool {
    switch self {
    case .workday, .makeupWorkday: return true
    case .weekend, .holiday: return false
    }
  }
}

/// 节假日安排条目 — one line of the State Council's annual notice: a date and what it becomes.
///
/// Only exceptions to the Mon–Fri rule are entries; every date not listed follows the rule, which
/// keeps the shipped table small (771 lines for 2004–2026) and easy to check against the notices.
public struct CalendarEntry: Codable, Equatable, Sendable {
  /// The two things a notice can do to a date.
  public enum Kind: String, Codable, Sendable {
    /// 放假 — a rest day (weekday or weekend inside the holiday block).
    case holiday
    /// 调休上班 — a weekend day worked in exchange.
    case workday
  }

  public var date: CivilDate
  public var kind: Kind
  /// The festival's name as printed in the notice, e.g. "国庆节" or "国庆节调休".
  public var name: String

  /// The day kind this entry makes of its date.
  public var dayKind: DayKind {
    switch kind {
    case .holiday: return .holiday(name)
    case .workday: return .makeupWorkday(name)
    }
  }
}
