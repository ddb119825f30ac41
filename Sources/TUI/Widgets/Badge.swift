import Domain

/// 倒计时标识 — `剩N日` green, `今日到期` / `剩1日` yellow, `超期N日` red; on a monochrome terminal the
/// styles fall back to plain, bold and reverse, so the urgency still shows.
public enum CountdownBadge {
  public static func text(_ countdown: Countdown, paused: Bool = false) -> String {
    paused ? "暂停" : countdown.label
  }

  public static func style(_ countdown: Countdown, paused: Bool = false) -> Style {
    if paused { return .dim }
    switch countdown.level {
    case .ok: return .ok
    case .warning: return .warning
    case .overdue: return .danger
    }
  }

  public static func cell(_ countdown: Countdown, paused: Bool = false) -> TableCell {
    TableCell(text(countdown, paused: paused), style: style(countdown, paused: paused))
  }

  /// The badge for a due date as of today.
  public static func cell(due: CivilDate, paused: Bool = false, _ context: AppContext) -> TableCell
  {
    cell(context.calendar.countdown(today: context.today, due: due), paused: paused)
  }
}
