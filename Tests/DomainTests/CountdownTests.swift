import Domain
import XCTest

final class CountdownTests: XCTestCase {
  private let calendar = Fixtures.calendar

  private func countdown(_ today: String, _ due: String) -> Countdown {
    calendar.countdown(today: day(today), due: day(due))
  }

  func testDueToday() {
    let c = countdown("2026-03-06", "2026-03-06")
    XCTAssertEqual(c, .dueToday)
    XCTAssertEqual(c.label, "今日到期")
    XCTAssertEqual(c.level, .warning)
  }

  /// Friday with a Monday deadline: one working day left, the weekend does not count.
  func testOneDayLeftAcrossAWeekend() {
    let c = countdown("2026-03-06", "2026-03-09")
    XCTAssertEqual(c, .remaining(1))
    XCTAssertEqual(c.label, "剩1日")
    XCTAssertEqual(c.level, .warning)
  }

  func testRemainingLevels() {
    XCTAssertEqual(countdown("2026-03-09", "2026-03-12"), .remaining(3))
    XCTAssertEqual(countdown("2026-03-09", "2026-03-12").label, "剩3日")
    XCTAssertEqual(countdown("2026-03-09", "2026-03-12").level, .ok)
    XCTAssertEqual(countdown("2026-03-09", "2026-03-11").level, .warning)
    // Before the Spring Festival: ten calendar days, but only Tue 24 to Thu 26 after Sat 14.
    XCTAssertEqual(countdown("2026-02-14", "2026-02-26"), .remaining(3))
  }

  /// Due the day before National Day: the holiday week does not add to the overdue count.
  func testOverdueAcrossAHoliday() {
    XCTAssertEqual(countdown("2025-10-09", "2025-09-30"), .overdue(1))
    XCTAssertEqual(countdown("2025-10-09", "2025-09-30").label, "超期1日")
    XCTAssertEqual(countdown("2025-10-11", "2025-09-30"), .overdue(3))
    XCTAssertEqual(countdown("2025-10-11", "2025-09-30").label, "超期3日")
    XCTAssertEqual(countdown("2025-10-11", "2025-09-30").level, .overdue)
  }

  /// Past the date but no working day since: "超期0日" would read as on time.
  func testOverdueWithNoWorkingDayElapsed() {
    let saturday = countdown("2026-03-07", "2026-03-06")
    XCTAssertEqual(saturday, .overdue(0))
    XCTAssertEqual(saturday.label, "已超期")
    XCTAssertEqual(saturday.level, .overdue)
    XCTAssertEqual(countdown("2025-10-05", "2025-09-30").label, "已超期")
  }

  func testLevelsAreOrdered() {
    XCTAssertLessThan(CountdownLevel.ok, .warning)
    XCTAssertLessThan(CountdownLevel.warning, .overdue)
    XCTAssertEqual([CountdownLevel.overdue, .ok, .warning].sorted(), [.ok, .warning, .overdue])
    XCTAssertEqual(Countdown.remaining(0).label, "剩0日")
    XCTAssertEqual(Countdown.remaining(0).level, .warning)
  }

  /// The badge for a case from receipt to beyond its deadline, day by day.
  func testBadgesThroughALimit() {
    let due = calendar.deadline(receivedAt: day("2026-02-12"), workingDays: 5)
    var labels: [String] = []
    var d = day("2026-02-12")
    while d <= day("2026-03-02") {
      labels.append(calendar.countdown(today: d, due: due).label)
      d = d.adding(days: 1)
    }
    XCTAssertEqual(
      labels,
      [
        "剩5日", "剩4日", "剩3日",  // Thu 12, Fri 13, Sat 14 (调休)
        "剩3日", "剩3日", "剩3日", "剩3日", "剩3日", "剩3日", "剩3日", "剩3日", "剩3日",  // 15–23
        "剩2日", "剩1日", "今日到期",  // Tue 24, Wed 25, Thu 26
        "超期1日", "超期2日", "超期2日", "超期3日",  // Fri 27, Sat 28 (调休), Sun 1, Mon 2
      ])
  }
}
