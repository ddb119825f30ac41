/// 放假安排的合理范围 — what a year of the State Council's holiday notice looks like, so that a
/// file that is not one (every day of 2027–2199 a holiday, a year with one make-up day) is refused
/// before it moves every deadline. The bounds hold for every notice from 2004 to 2026 with room
/// to spare (16–23 weekday days off, 5–12 make-up working days).
public enum CalendarNotice {
  /// Weekday days off in one year (the seven festivals give about 18).
  public static let weekdayDaysOff = 5...40
  /// Make-up working days in one year (2013 had the most, 12).
  public static let maxMakeUpDays = 12
  /// Festivals every notice since 2004 names: a year without them is a fragment, not a notice.
  public static let requiredFestivals = ["元旦", "春节", "国庆"]

  /// Why `year` is not a plausible notice, nil when it is. `latestYear` is next year: the
  /// Council publishes a notice late in the year before.
  public static func check(_ year: CalendarYear, latestYear: Int) -> Refusal? {
    let y = year.year
    if y > latestYear {
      return Refusal("\(y)年晚于明年(\(latestYear)年),国务院尚未发布该年的放假安排")
    }
    let holidays = year.entries.filter { $0.kind == .holiday }
    let makeUp = year.entries.filter { $0.kind == .workday }
    let offOnWeekdays = holidays.filter { !$0.date.isWeekend }.count
    guard weekdayDaysOff.contains(offOnWeekdays) else {
      return Refusal(
        "\(y)年有 \(offOnWeekdays) 个工作日放假,不像国务院的放假安排(应为 \(weekdayDaysOff.lowerBound)–\(weekdayDaysOff.upperBound) 天)"
      )
    }
    guard makeUp.count <= maxMakeUpDays else {
      return Refusal("\(y)年有 \(makeUp.count) 个调休上班日,不像国务院的放假安排(至多 \(maxMakeUpDays) 天)")
    }
    for festival in requiredFestivals
    where !holidays.contains(where: { $0.name.contains(festival) }) {
      return Refusal("\(y)年缺少「\(festival)」放假安排:导入须是整年的放假安排,而不是其中几天")
    }
    return nil
  }

  /// What importing `new` over `old` changes, one line a date: `2027-10-08 调休上班(国庆节调休) → 工作日`.
  public static func changes(from old: CalendarYear?, to new: CalendarYear) -> [String] {
    let before = Dictionary(
      (old?.entries ?? []).map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
    let after = Dictionary(new.entries.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
    let dates = Set(before.keys).union(after.keys).sorted()
    return dates.compactMap { d in
      let a = before[d]
      let b = after[d]
      guard a != b else { return nil }
      return "\(d.iso) \(describe(a, d)) → \(describe(b, d))"
    }
  }

  static func describe(_ e: CalendarEntry?, _ d: CivilDate) -> String {
    guard let e else { return d.isWeekend ? "周末" : "工作日" }
    return e.kind == .holiday ? "放假(\(e.name))" : "调休上班(\(e.name))"
  }
}
