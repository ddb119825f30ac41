import Foundation

/// 倒计时 — how an open case stands against its deadline, in working days.
///
/// Requirement: for a case open on date T with deadline D, `剩N日` with N the working days in
/// (T, D], `今日到期` when T = D, `超期N日` with N the working days in (D, T].
public enum Countdown: Equatable, Sendable {
  /// 剩N日 — working days left after today up to and including the deadline.
  ///
  /// Can be 0 when the deadline is a rest day and no working day lies before it (a hand-set date).
  case remaining(Int)
  /// 今日到期 — the deadline is today.
  case dueToday
  /// 超期N日 — working days elapsed since the deadline, up to and including today.
  ///
  /// 0 when the date has passed but no working day has (the Saturday after a Friday deadline).
  case overdue(Int)

  /// The badge text shown in lists.
  public var label: String {
    switch self {
    case .remaining(let n): return "剩\(n)日"
    case .dueToday: return "今日到期"
    // No working day has passed, yet the deadline has: "超期0日" would read as "not overdue".
    case .overdue(let n) where n <= 0: return "已超期"
    case .overdue(let n): return "超期\(n)日"
    }
  }

  /// 临期: a deadline this many working days away, or nearer, is a warning.
  public static let soonDays = 2

  /// The last day that counts as 即将到期 seen from `today` (`soonDays` working days on):
  /// what the queues and the 督办 board count as soon due.
  public static func soonUntil(_ today: CivilDate, _ calendar: WorkCalendar) -> CivilDate {
    calendar.deadline(receivedAt: today, workingDays: soonDays)
  }

  /// The badge colour: green, yellow, red (bold / reverse on a monochrome terminal).
  public var level: CountdownLevel {
    switch self {
    case .remaining(let n): return n > Self.soonDays ? .ok : .warning
    case .dueToday: return .warning
    case .overdue: return .overdue
    }
  }
}

/// 预警级别 — ordered so a list can sort or filter by urgency (`level >= .warning`).
public enum CountdownLevel: Int, Sendable, Comparable {
  /// 正常 — more than two working days left.
  case ok
  /// 临期 — two working days or fewer left, or due today.
  case warning
  /// 超期 — past the deadline.
  case overdue

  public static func < (a: CountdownLevel, b: CountdownLevel) -> Bool { a.rawValue < b.rawValue }
}
