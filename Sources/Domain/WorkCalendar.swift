import Foundation

/// 工作日历 — which days count towards a limit, from the State Council's notices where loaded and
/// from the Mon–Fri rule elsewhere.
///
/// A value: build it once at start-up (a few milliseconds) and pass it to every rule that needs
/// "today" or a deadline, so tests can pin the calendar like the clock. The counting operations live
/// in `WorkCalendar+Counting.swift` and run in constant time against a precomputed index.
public struct WorkCalendar: Sendable {
  /// 已导入年份 — the years whose official notice is loaded. Any other year falls back to Mon–Fri,
  /// and the UI says so.
  ///
  /// Only years the index covers (`WorkCalendar.supportedYears`) are kept: a notice for a year
  /// outside it could not change any count.
  public let loadedYears: Set<Int>

  /// Entries of the loaded years, keyed by day number, for classification.
  private let entryByDay: [Int: CalendarEntry]

  /// The working-day index over `supportedYears`.
  let index: WorkingDayIndex

  /// The years the precomputed index covers. Dates outside still work (the Mon–Fri rule continues
  /// the ordinal), but no notice can be loaded for them.
  public static let supportedYears: ClosedRange<Int> = 1970...2199

  /// Builds the calendar from entries such as `HolidayTable.parse` returns.
  ///
  /// Entries in years not in `loadedYears` are ignored, so a stray line from a draft notice cannot
  /// move deadlines. If two entries share a date the later one wins (`HolidayTable.parse` refuses
  /// such input; this only decides the outcome for hand-built values).
  public init(entries: [CalendarEntry], loadedYears: Set<Int>) {
    let years = loadedYears.filter { WorkCalendar.supportedYears.contains($0) }
    var byDay: [Int: CalendarEntry] = [:]
    for entry in entries where years.contains(entry.date.year) {
      byDay[entry.date.dayNumber] = entry
    }
    self.loadedYears = years
    self.entryByDay = byDay
    let first = CivilDate(year: Self.supportedYears.lowerBound, month: 1, day: 1)
    let last = CivilDate(year: Self.supportedYears.upperBound, month: 12, day: 31)
    self.index = WorkingDayIndex(
      firstDay: first?.dayNumber ?? 0,
      lastDay: last?.dayNumber ?? 0,
      isWorkingDay: { day in Self.classify(CivilDate(dayNumber: day), byDay).isWorkingDay })
  }

  /// 无节假日数据 — Mon–Fri everywhere: the calendar before any notice is loaded.
  public static func weekdaysOnly() -> WorkCalendar { mondayToFriday }

  // Built once: the index is the same for every caller and costs a walk over the range.
  private static let mondayToFriday = WorkCalendar(entries: [], loadedYears: [])

  /// Whether `year` has its official notice loaded (otherwise the UI warns that Mon–Fri is assumed).
  public func isLoaded(year: Int) -> Bool { loadedYears.contains(year) }

  /// What `date` is: an ordinary workday or weekend, or what the loaded notice makes of it.
  public func kind(of date: CivilDate) -> DayKind {
    Self.classify(date, entryByDay)
  }

  /// 是否工作日 — whether `date` counts towards a limit.
  public func isWorkingDay(_ date: CivilDate) -> Bool {
    kind(of: date).isWorkingDay
  }

  /// The loaded entries of `year`, by date; empty when the year is not loaded.
  public func entries(inYear year: Int) -> [CalendarEntry] {
    guard isLoaded(year: year) else { return [] }
    return entryByDay.values
      .filter { $0.date.year == year }
      .sorted { $0.date < $1.date }
  }

  private static func classify(_ date: CivilDate, _ byDay: [Int: CalendarEntry]) -> DayKind {
    if let entry = byDay[date.dayNumber] { return entry.dayKind }
    return date.isWeekend ? .weekend : .workday
  }
}
