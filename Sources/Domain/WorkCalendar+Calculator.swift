/// 期限计算 — the question a clerk asks the calendar at the counter ("received on this day, N
/// working days: when is it due?"), checked and answered here; the calendar pane only passes on
/// what was typed and shows the answer or the reason.
extension WorkCalendar {
  /// The years the calendar pane shows and the calculator counts in.
  public static let calculatorYears: ClosedRange<Int> = 2000...2199
  /// The time limits the calculator counts, in working days.
  public static let calculatorDays: ClosedRange<Int> = 0...999

  /// A calculation: the receipt date, the time limit, the deadline they give.
  public struct Calculation: Equatable, Sendable {
    public var received: CivilDate
    public var workingDays: Int
    public var deadline: CivilDate
  }

  /// The deadline for a receipt date (`YYYY-MM-DD`) and a number of working days as typed, or
  /// what is wrong with them.
  public func calculate(received: String, workingDays: String) -> Result<Calculation, Refusal> {
    guard let r = CivilDate(iso: received) else {
      return .failure(Refusal("受理日期格式应为 YYYY-MM-DD,例如 2026-11-26"))
    }
    let years = Self.calculatorYears
    guard years.contains(r.year) else {
      return .failure(
        Refusal("受理日期超出支持范围(\(years.lowerBound)–\(years.upperBound)年)"))
    }
    let days = Self.calculatorDays
    guard let n = Int(workingDays), days.contains(n) else {
      return .failure(
        Refusal("办理时限应为\(days.lowerBound)至\(days.upperBound)之间的整数(工作日)"))
    }
    return .success(
      Calculation(received: r, workingDays: n, deadline: deadline(receivedAt: r, workingDays: n)))
  }

  /// The nearest day the calendar pane can show.
  public static func clampToCalculatorYears(_ d: CivilDate) -> CivilDate {
    let lo = CivilDate(year: calculatorYears.lowerBound, month: 1, day: 1) ?? d
    let hi = CivilDate(year: calculatorYears.upperBound, month: 12, day: 31) ?? d
    return min(max(d, lo), hi)
  }
}
