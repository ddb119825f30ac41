import Domain
import XCTest

/// The notices around the holidays clerks ask about most, checked against the published dates.
final class WorkCalendarTests: XCTestCase {
  private let calendar = Fixtures.calendar

  private func deadline(_ received: String, _ n: Int) -> CivilDate {
    calendar.deadline(receivedAt: day(received), workingDays: n)
  }

  func testSpringFestival2026Kinds() {
    XCTAssertEqual(calendar.kind(of: day("2026-02-13")), .workday)
    XCTAssertEqual(calendar.kind(of: day("2026-02-14")), .makeupWorkday("春节调休"))
    for d in 15...23 {
      XCTAssertEqual(calendar.kind(of: day("2026-02-\(d)")), .holiday("春节"), "2026-02-\(d)")
      XCTAssertFalse(calendar.isWorkingDay(day("2026-02-\(d)")))
    }
    XCTAssertEqual(calendar.kind(of: day("2026-02-24")), .workday)
    XCTAssertEqual(calendar.kind(of: day("2026-02-28")), .makeupWorkday("春节调休"))
    XCTAssertEqual(calendar.kind(of: day("2026-03-01")), .weekend)
    XCTAssertTrue(calendar.isWorkingDay(day("2026-02-14")))
    XCTAssertTrue(calendar.isWorkingDay(day("2026-02-28")))
  }

  /// 5 working days from Thursday 12 February: Fri 13, Sat 14 (调休), then Tue 24 … Thu 26.
  func testDeadlineAcrossSpringFestival() {
    XCTAssertEqual(deadline("2026-02-12", 5), day("2026-02-26"))
    XCTAssertEqual(deadline("2026-02-12", 2), day("2026-02-14"))
    XCTAssertEqual(deadline("2026-02-12", 3), day("2026-02-24"))
    XCTAssertEqual(calendar.workingDays(after: day("2026-02-12"), through: day("2026-02-26")), 5)
    XCTAssertEqual(calendar.workingDays(after: day("2026-02-26"), through: day("2026-02-12")), -5)
  }

  /// Received during the holiday: counting starts on the first working day after it.
  func testReceiptOnAHoliday() {
    XCTAssertEqual(deadline("2026-02-18", 1), day("2026-02-24"))
    XCTAssertEqual(deadline("2026-02-18", 5), day("2026-02-28"))  // the 调休 Saturday
    XCTAssertEqual(deadline("2025-10-06", 1), day("2025-10-09"))  // 中秋节
    XCTAssertEqual(deadline("2026-02-18", 0), day("2026-02-18"))
  }

  /// Received on a make-up working Saturday: that day is the receipt day and is not counted.
  func testReceiptOnAMakeupSaturday() {
    XCTAssertEqual(deadline("2026-02-14", 1), day("2026-02-24"))
    XCTAssertEqual(deadline("2026-02-28", 1), day("2026-03-02"))
    XCTAssertEqual(deadline("2025-10-11", 1), day("2025-10-13"))
  }

  func testReceiptOnAnOrdinarySaturday() {
    XCTAssertEqual(deadline("2026-03-07", 1), day("2026-03-09"))
    XCTAssertEqual(deadline("2026-03-08", 5), day("2026-03-13"))
  }

  func testNationalDay2025WithMidAutumn() {
    XCTAssertEqual(calendar.kind(of: day("2025-09-28")), .makeupWorkday("国庆节调休"))
    XCTAssertEqual(calendar.kind(of: day("2025-10-01")), .holiday("国庆节"))
    XCTAssertEqual(calendar.kind(of: day("2025-10-06")), .holiday("中秋节"))
    XCTAssertEqual(calendar.kind(of: day("2025-10-08")), .holiday("国庆节"))
    XCTAssertEqual(calendar.kind(of: day("2025-10-11")), .makeupWorkday("国庆节调休"))
    // Friday 26 September plus one working day is Sunday the 28th, a 调休 working day.
    XCTAssertEqual(deadline("2025-09-26", 1), day("2025-09-28"))
    XCTAssertEqual(deadline("2025-09-30", 3), day("2025-10-11"))
    XCTAssertEqual(deadline("2025-09-30", 4), day("2025-10-13"))
    XCTAssertEqual(calendar.workingDays(after: day("2025-09-26"), through: day("2025-10-12")), 6)
  }

  func testNationalDay2026() {
    XCTAssertEqual(calendar.kind(of: day("2026-09-20")), .makeupWorkday("国庆节调休"))
    XCTAssertEqual(calendar.kind(of: day("2026-09-25")), .holiday("中秋节"))
    XCTAssertEqual(calendar.kind(of: day("2026-10-07")), .holiday("国庆节"))
    XCTAssertEqual(calendar.kind(of: day("2026-10-10")), .makeupWorkday("国庆节调休"))
    XCTAssertEqual(deadline("2026-09-24", 3), day("2026-09-30"))
    XCTAssertEqual(deadline("2026-09-24", 4), day("2026-10-08"))
    XCTAssertEqual(deadline("2026-09-24", 6), day("2026-10-10"))
  }

  /// No notice for 2027 yet: Mon–Fri, and the calendar says the year is not loaded.
  func testYearWithoutDataFallsBackToWeekdays() {
    XCTAssertFalse(calendar.isLoaded(year: 2027))
    XCTAssertTrue(calendar.isLoaded(year: 2026))
    XCTAssertTrue(calendar.isLoaded(year: 2004))
    XCTAssertFalse(calendar.isLoaded(year: 2003))
    XCTAssertEqual(calendar.kind(of: day("2027-01-01")), .workday)  // a Friday: no 元旦 data
    XCTAssertEqual(calendar.kind(of: day("2027-02-06")), .weekend)
    XCTAssertEqual(calendar.entries(inYear: 2027), [])
    XCTAssertEqual(deadline("2026-12-31", 2), day("2027-01-04"))
    XCTAssertEqual(deadline("2027-02-05", 10), day("2027-02-19"))
  }

  func testEntriesInYear() {
    let year2026 = calendar.entries(inYear: 2026)
    XCTAssertEqual(year2026.count, 39)
    XCTAssertEqual(year2026.first?.date, day("2026-01-01"))
    XCTAssertEqual(year2026.map(\.date), year2026.map(\.date).sorted())
    XCTAssertEqual(calendar.entries(inYear: 2025).count, 33)
  }

  /// Entries of a year whose notice is not loaded must not move any deadline.
  func testEntriesOutsideLoadedYearsAreIgnored() {
    let partial = WorkCalendar(entries: Fixtures.entries, loadedYears: [2025])
    XCTAssertEqual(partial.loadedYears, [2025])
    XCTAssertEqual(partial.kind(of: day("2026-02-16")), .workday)
    XCTAssertEqual(partial.kind(of: day("2026-02-14")), .weekend)
    XCTAssertEqual(partial.kind(of: day("2025-10-06")), .holiday("中秋节"))
    XCTAssertEqual(partial.entries(inYear: 2026), [])
  }

  func testWeekdaysOnly() {
    let plain = WorkCalendar.weekdaysOnly()
    XCTAssertEqual(plain.loadedYears, [])
    XCTAssertFalse(plain.isLoaded(year: 2026))
    XCTAssertEqual(plain.kind(of: day("2026-02-17")), .workday)
    XCTAssertEqual(plain.deadline(receivedAt: day("2026-02-12"), workingDays: 5), day("2026-02-19"))
  }

  /// Ordinals only matter as differences, but they must increase exactly on working days.
  func testOrdinalStepsOnWorkingDays() {
    let friday = calendar.ordinal(of: day("2026-02-13"))
    XCTAssertEqual(calendar.ordinal(of: day("2026-02-14")), friday + 1)
    XCTAssertEqual(calendar.ordinal(of: day("2026-02-23")), friday + 1)
    XCTAssertEqual(calendar.ordinal(of: day("2026-02-24")), friday + 2)
  }

  func testTheCalculatorSaysWhatIsWrongWithWhatWasTyped() {
    let c = WorkCalendar.weekdaysOnly()
    XCTAssertEqual(
      c.calculate(received: "2026-11-31", workingDays: "5"),
      .failure(Refusal("受理日期格式应为 YYYY-MM-DD,例如 2026-11-26")))
    XCTAssertEqual(
      c.calculate(received: "1999-12-31", workingDays: "5"),
      .failure(Refusal("受理日期超出支持范围(2000–2199年)")))
    XCTAssertEqual(
      c.calculate(received: "2026-11-26", workingDays: "1000"),
      .failure(Refusal("办理时限应为0至999之间的整数(工作日)")))
    XCTAssertEqual(
      try c.calculate(received: "2026-11-26", workingDays: "1").get().deadline.iso, "2026-11-27")
  }
}
