import Foundation

/// 工作日计算 — limits, deadlines and elapsed working days, as subtractions of ordinals.
///
/// Regulation: the day of receipt is not counted; a limit of N working days ends at the close of the
/// N-th working day after the receipt date, and a case received on a weekend or holiday starts
/// counting on the next working day in the same way. The ordinal makes that one rule: the deadline
/// is the working day whose ordinal is the receipt day's ordinal plus N, whatever the receipt day is.
extension WorkCalendar {
  /// 工作日序号 — working days on or before `date`, counted from a fixed origin.
  ///
  /// Only differences are meaningful. Increases by one on each working day and is flat across rest
  /// days, so `ordinal(b) - ordinal(a)` is the number of working days in `(a, b]`.
  ///
  /// - Complexity: O(1).
  public func ordinal(of date: CivilDate) -> Int {
    index.ordinal(ofDay: date.dayNumber)
  }

  /// 办结期限 — the day whose close ends a limit of `workingDays` working days received on
  /// `receivedAt`.
  ///
  /// `workingDays == 0` means the case is due the day it was received, even a rest day (立即办结).
  /// For N > 0 the result is always a working day: received on a Saturday with N = 1, the deadline
  /// is the Monday (or the next working day after a holiday).
  ///
  /// - Precondition: `workingDays >= 0`.
  /// - Complexity: O(1).
  public func deadline(receivedAt: CivilDate, workingDays: Int) -> CivilDate {
    precondition(workingDays >= 0, "a limit cannot be negative")
    if workingDays == 0 { return receivedAt }
    let target = ordinal(of: receivedAt) + workingDays
    return CivilDate(dayNumber: index.day(ofOrdinal: target))
  }

  /// 工作日数 — working days in `(from, through]`: the receipt day is not counted, the last day is.
  ///
  /// When `through` is before `from` the result is `-workingDays(after: through, through: from)`, so
  /// the sign says which way the interval runs.
  ///
  /// - Complexity: O(1).
  public func workingDays(after from: CivilDate, through: CivilDate) -> Int {
    ordinal(of: through) - ordinal(of: from)
  }

  /// 倒计时 — the badge for an open case on `today` with deadline `due`.
  ///
  /// - Complexity: O(1).
  public func countdown(today: CivilDate, due: CivilDate) -> Countdown {
    if today == due { return .dueToday }
    if today < due { return .remaining(workingDays(after: today, through: due)) }
    return .overdue(workingDays(after: due, through: today))
  }
}
