/// Payload of `calendar.yearImported`: the whole year, so a re-import replaces it.
public struct CalendarYear: EventPayload {
  public var year: Int
  public var entries: [CalendarEntry]
  /// Where it came from (file name), for the record.
  public var source: String
}

extension WorkCalendar {
  /// The year as this calendar has it, to compare a new notice with; nil when not loaded.
  public func loadedYear(_ year: Int) -> CalendarYear? {
    isLoaded(year: year)
      ? CalendarYear(year: year, entries: entries(inYear: year), source: "") : nil
  }
}

/// 工作日历 stream `calendar/YEAR`.
public enum CalendarYearReducer: ReplacingReducer {
  public typealias State = CalendarYear
  public typealias Payload = CalendarYear
  public static let streamKind = "calendar"
  public static let eventTypes: Set<EventType> = [.calendarYearImported]
  public static let noun = "日历"

  /// Splits parsed entries by year; every entry must lie in a year between 2000 and 2199.
  public static func years(from entries: [CalendarEntry], source: String) -> Result<
    [CalendarYear], Refusal
  > {
    guard !entries.isEmpty else { return .failure(Refusal("文件中没有任何节假日记录")) }
    var byYear: [Int: [CalendarEntry]] = [:]
    for e in entries {
      guard (2000...2199).contains(e.date.year) else {
        return .failure(Refusal("日期 \(e.date.iso) 超出支持范围(2000–2199年)"))
      }
      byYear[e.date.year, default: []].append(e)
    }
    return .success(
      byYear.keys.sorted().map { y in
        CalendarYear(
          year: y, entries: (byYear[y] ?? []).sorted { $0.date < $1.date }, source: source)
      })
  }
}
