import Domain
import XCTest

/// The calendar against the rule stated directly: exhaustively where the space is small (every day
/// with data), by seeded random cases where it is not.
final class WorkCalendarPropertyTests: XCTestCase {
  private let calendar = Fixtures.calendar
  private let entries = Fixtures.entryByDay

  /// Every day 2004-01-01 … 2026-12-31: the classification matches the raw rule and the ordinal
  /// steps by one exactly on working days.
  func testEveryDayWithDataMatchesTheRawRule() {
    XCTAssertEqual(entries.count, 771)
    var previousOrdinal = calendar.ordinal(of: day("2003-12-31"))
    var workingDays = 0
    for n in day("2004-01-01").dayNumber...day("2026-12-31").dayNumber {
      let date = CivilDate(dayNumber: n)
      let expected = ReferenceRule.isWorkingDay(date, entries: entries)
      XCTAssertEqual(calendar.isWorkingDay(date), expected, date.iso)
      let kind = calendar.kind(of: date)
      switch (entries[n]?.kind, date.isWeekend) {
      case (.holiday?, _): XCTAssertEqual(kind, .holiday(entries[n]?.name ?? ""), date.iso)
      case (.workday?, _): XCTAssertEqual(kind, .makeupWorkday(entries[n]?.name ?? ""), date.iso)
      case (nil, true): XCTAssertEqual(kind, .weekend, date.iso)
      case (nil, false): XCTAssertEqual(kind, .workday, date.iso)
      }
      let ordinal = calendar.ordinal(of: date)
      XCTAssertEqual(ordinal - previousOrdinal, expected ? 1 : 0, date.iso)
      previousOrdinal = ordinal
      if expected { workingDays += 1 }
    }
    XCTAssertEqual(
      calendar.workingDays(after: day("2003-12-31"), through: day("2026-12-31")), workingDays)
  }

  /// 2000 seeded receipts 2004–2026 with limits 0…40: `deadline` and `workingDays` are inverse,
  /// the deadline is the first day that reaches the limit, and both agree with walking the days.
  func testDeadlineAndWorkingDaysAreInverse() {
    var random = SeededGenerator(seed: 20_260_217)
    let range = day("2004-01-01").dayNumber...day("2026-12-31").dayNumber
    for _ in 0..<2000 {
      let received = CivilDate(dayNumber: Int.random(in: range, using: &random))
      let n = Int.random(in: 0...40, using: &random)
      let due = calendar.deadline(receivedAt: received, workingDays: n)
      let context = "\(received.iso) + \(n)"
      XCTAssertEqual(calendar.workingDays(after: received, through: due), n, context)
      XCTAssertEqual(
        due, ReferenceRule.deadline(receivedAt: received, workingDays: n, entries: entries), context
      )
      if n > 0 {
        XCTAssertTrue(calendar.isWorkingDay(due), context)
        XCTAssertLessThan(
          calendar.workingDays(after: received, through: due.adding(days: -1)), n, context)
      } else {
        XCTAssertEqual(due, received, context)
      }
    }
  }

  /// Random pairs, either order: `workingDays` equals the walked count and is antisymmetric.
  func testWorkingDaysMatchesWalkingTheDays() {
    var random = SeededGenerator(seed: 42)
    let range = day("2004-01-01").dayNumber...day("2026-12-31").dayNumber
    for _ in 0..<500 {
      let a = CivilDate(dayNumber: Int.random(in: range, using: &random))
      let b = a.adding(days: Int.random(in: -120...120, using: &random))
      let (low, high) = a <= b ? (a, b) : (b, a)
      let walked = ReferenceRule.count(after: low, through: high, entries: entries)
      XCTAssertEqual(calendar.workingDays(after: low, through: high), walked)
      XCTAssertEqual(calendar.workingDays(after: high, through: low), -walked)
    }
  }

  /// Outside the precomputed range (1970–2199) the Mon–Fri rule continues the ordinal seamlessly,
  /// so limits that straddle either edge still count right.
  func testOrdinalContinuesAcrossTheTableEdges() {
    let plain = WorkCalendar.weekdaysOnly()
    for edge in [day("1970-01-01"), day("2200-01-01")] {
      var previous = calendar.ordinal(of: edge.adding(days: -400))
      for offset in -399...400 {
        let date = edge.adding(days: offset)
        XCTAssertEqual(calendar.ordinal(of: date) - previous, date.isWeekend ? 0 : 1, date.iso)
        previous = calendar.ordinal(of: date)
        for n in [1, 3, 10] {
          let expected = ReferenceRule.deadline(receivedAt: date, workingDays: n, entries: [:])
          XCTAssertEqual(calendar.deadline(receivedAt: date, workingDays: n), expected, date.iso)
          XCTAssertEqual(plain.deadline(receivedAt: date, workingDays: n), expected, date.iso)
        }
      }
    }
    XCTAssertEqual(
      calendar.deadline(receivedAt: day("1900-01-05"), workingDays: 1), day("1900-01-08"))
    XCTAssertEqual(
      calendar.deadline(receivedAt: day("2500-12-31"), workingDays: 1), day("2501-01-03"))
  }

  /// The Mon–Fri calendar over the whole table range agrees with the weekday rule day by day.
  func testWeekdaysOnlyOverWholeTable() {
    let plain = WorkCalendar.weekdaysOnly()
    var previous = plain.ordinal(of: day("1969-12-31"))
    for n in day("1970-01-01").dayNumber...day("2199-12-31").dayNumber {
      let date = CivilDate(dayNumber: n)
      let ordinal = plain.ordinal(of: date)
      if ordinal - previous != (date.isWeekend ? 0 : 1) {
        XCTFail("ordinal step wrong at \(date.iso)")
        return
      }
      previous = ordinal
    }
  }
}
