import Domain

extension Store {
  /// Imports a holiday table (the TSV of the State Council's notice) as one event per year.
  /// Stored deadlines of open cases reaching into those years are recomputed in the same
  /// transaction (see `reproject(streams:)`).
  /// - Returns: the years imported.
  @discardableResult
  public func importCalendar(tsv text: String, source: String, by admin: Staff) throws -> [Int] {
    try write(as: admin, .importCalendar, subject: "calendar") { tx in
      try requireDistrict(for: "节假日安排")
      return try appendCalendar(tsv: text, source: source, tx: tx)
    }
  }

  func appendCalendar(tsv text: String, source: String, tx: WriteContext) throws -> [Int] {
    let entries: [CalendarEntry]
    do {
      entries = try HolidayTable.parse(text)
    } catch {
      throw Refusal("节假日文件格式错误: \(error.message)")
    }
    let years: [CalendarYear]
    switch CalendarYearReducer.years(from: entries, source: source) {
    case .success(let y): years = y
    case .failure(let r): throw r
    }
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
