import Domain
import Foundation
import XCTest

/// The shipped calendar, loaded once for every test that needs the real notices.
enum Fixtures {
  /// `share/zwfw/holidays.tsv`, found from this file's place in the checkout.
  static let holidayFileURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // DomainTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("share/zwfw/holidays.tsv")

  static let holidayText: String = (try? String(contentsOf: holidayFileURL, encoding: .utf8)) ?? ""

  /// Empty when the file is missing or refused; `HolidayTableTests` reports which.
  static let entries: [CalendarEntry] = (try? HolidayTable.parse(holidayText)) ?? []

  static let calendar = WorkCalendar(entries: entries, loadedYears: Set(2004...2026))

  /// Entries by day number, for the reference rule.
  static let entryByDay: [Int: CalendarEntry] = Dictionary(
    entries.map { ($0.date.dayNumber, $0) }, uniquingKeysWith: { _, later in later })
}

/// A date from its ISO text; fails the test (and returns the epoch) on a typo in the test itself.
func day(_ iso: String, file: StaticString = #filePath, line: UInt = #line) -> CivilDate {
  guard let date = CivilDate(iso: iso) else {
    XCTFail("not a date: \(iso)", file: file, line: line)
    return CivilDate(dayNumber: 0)
  }
  return date
}

/// The working-day rule stated directly, with no index: what the calendar must agree with.
enum ReferenceRule {
  static func isWorkingDay(_ date: CivilDate, entries: [Int: CalendarEntry]) -> Bool {
    if let entry = entries[date.dayNumber] { return entry.kind == .workday }
    return !date.isWeekend
  }

  /// Working days in (from, through] by walking the days; from <= through.
  static func count(
    after from: CivilDate, through: CivilDate, entries: [Int: CalendarEntry]
  ) -> Int {
    var n = 0
    var d = from.adding(days: 1)
    while d <= through {
      if isWorkingDay(d, entries: entries) { n += 1 }
      d = d.adding(days: 1)
    }
    return n
  }

  /// The N-th working day after `received` by walking the days.
  static func deadline(
    receivedAt received: CivilDate, workingDays n: Int, entries: [Int: CalendarEntry]
  ) -> CivilDate {
    var d = received
    var left = n
    while left > 0 {
      d = d.adding(days: 1)
      if isWorkingDay(d, entries: entries) { left -= 1 }
    }
    return d
  }
}

/// SplitMix64: a tiny seeded generator so property tests draw the same cases on every run.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
