import Domain

extension Store {
  /// Imports a holiday table (the TSV of the State Council's notice) as one event per year.
  /// Stored deadlines of open cases reaching into those years are recomputed in the same
  /// transaction (see `reproject(streams:)`). Each year must look like a notice
  /// (`CalendarNotice`); a year already loaded is replaced only with `replace`. A refused file
  /// changes nothing.
  /// - Returns: the years imported.
  @discardableResult
  public func importCalendar(
    tsv text: String, source: String, by admin: Staff, replace: Bool = false
  ) throws -> [Int] {
    try write(as: admin, .importCalendar, subject: "calendar") { tx in
      try requireDistrict(for: "节假日安排")
      let plan = try calendarPlan(tsv: text, source: source)
      let loaded = plan.filter(\.replaces).map { String($0.year) }
      if !replace, !loaded.isEmpty {
        throw Refusal(
          "\(loaded.joined(separator: "、"))年的节假日安排已导入;确认要替换请加 --replace(替换前会列出改动)")
      }
      return try appendCalendar(tsv: text, source: source, tx: tx)
    }
  }

  /// What importing a holiday table would do, year by year, without writing anything: refused
  /// as a whole when it is not a table or a year does not look like a State Council notice.
  public func calendarPlan(tsv text: String, source: String) throws -> [CalendarYearPlan] {
    let years = try Self.calendarYears(tsv: text, source: source)
    let latest = today.year + 1
    for y in years { if let r = CalendarNotice.check(y, latestYear: latest) { throw r } }
    return years.map { y in
      let old = calendar.loadedYear(y.year)
      return CalendarYearPlan(
        year: y.year, replaces: old != nil, changes: CalendarNotice.changes(from: old, to: y))
    }
  }

  static func calendarYears(tsv text: String, source: String) throws -> [CalendarYear] {
    let entries: [CalendarEntry]
    do {
      entries = try HolidayTable.parse(text)
    } catch {
      throw Refusal("节假日文件格式错误: \(error.message)")
    }
    switch CalendarYearReducer.years(from: entries, source: source) {
    case .success(let y): return y
    case .failure(let r): throw r
    }
  }

  func appendCalendar(tsv text: String, source: String, tx: WriteContext) throws -> [Int] {
    let years = try Self.calendarYears(tsv: text, source: source)
    try tx.append(
      years.map {
        EventDraft(
          stream: CalendarYearReducer.stream(String($0.year)), type: .calendarYearImported, body: $0
        )
      })
    return years.map(\.year)
  }

  /// Whether today's and next year's holidays are loaded (the status line warns otherwise).
  public func missingCalendarYears() -> [Int] {
    let y = today.year
    return [y, y + 1].filter { !calendar.isLoaded(year: $0) }
  }
}

/// One year of a holiday table about to be imported: whether it replaces a loaded year, and the
/// dates it changes (`CalendarNotice.changes`).
public struct CalendarYearPlan: Equatable, Sendable {
  public var year: Int
  public var replaces: Bool
  public var changes: [String]

}
