import Domain
import XCTest

final class CivilDateTests: XCTestCase {
  /// Every day 1970–2199 survives dayNumber → fields → dayNumber and ISO → date, and the weekday
  /// advances by one each day.
  func testRoundTripOverEveryDay1970To2199() {
    let first = day("1970-01-01")
    let last = day("2199-12-31")
    XCTAssertEqual(first.dayNumber, 0)
    XCTAssertEqual(last.dayNumber, 84005)
    var previous: CivilDate?
    for n in first.dayNumber...last.dayNumber {
      let date = CivilDate(dayNumber: n)
      guard let rebuilt = CivilDate(year: date.year, month: date.month, day: date.day) else {
        XCTFail("fields of day \(n) rejected")
        return
      }
      XCTAssertEqual(rebuilt.dayNumber, n)
      XCTAssertEqual(CivilDate(iso: date.iso), date)
      if let p = previous {
        XCTAssertEqual(date.weekday, p.weekday % 7 + 1)
        let nextInMonth = p.day < CivilDate.daysInMonth(year: p.year, month: p.month)
        if nextInMonth {
          XCTAssertEqual([date.year, date.month, date.day], [p.year, p.month, p.day + 1])
        } else {
          XCTAssertEqual(date.day, 1)
        }
      }
      previous = date
    }
  }

  func testKnownWeekdays() {
    XCTAssertEqual(day("1970-01-01").weekday, 4)
    XCTAssertEqual(day("2000-01-01").weekday, 6)
    XCTAssertEqual(day("2026-02-17").weekday, 2)  // 春节 2026, a Tuesday
    XCTAssertEqual(day("2026-02-17").weekdayName, "二")
    XCTAssertEqual(day("2199-12-31").weekday, 2)
    XCTAssertEqual(day("2026-02-15").weekdayName, "日")
    XCTAssertTrue(day("2026-02-14").isWeekend)
    XCTAssertFalse(day("2026-02-13").isWeekend)
    XCTAssertEqual(CivilDate(dayNumber: -1).weekday, 3)
  }

  func testParsingRejectsAnythingButStrictISO() {
    for text in [
      "2026-2-3", "2026-02-30", "2025-02-29", "2026/02/03", "20260203", "2026-13-01",
      "2026-00-10", "abcd-ef-gh", " 2026-02-03", "2026-02-03 ", "",
    ] {
      XCTAssertNil(CivilDate(iso: text), text)
    }
    XCTAssertEqual(CivilDate(iso: "2024-02-29")?.day, 29)
    XCTAssertNil(CivilDate(year: 0, month: 1, day: 1))
    XCTAssertNil(CivilDate(year: 2026, month: 4, day: 31))
  }

  func testAddingMonthsClampsToMonthEnd() {
    XCTAssertEqual(day("2026-01-31").adding(months: 1), day("2026-02-28"))
    XCTAssertEqual(day("2024-01-31").adding(months: 1), day("2024-02-29"))
    XCTAssertEqual(day("2026-03-31").adding(months: -1), day("2026-02-28"))
    XCTAssertEqual(day("2026-12-15").adding(months: 1), day("2027-01-15"))
    XCTAssertEqual(day("2026-01-15").adding(months: -1), day("2025-12-15"))
    XCTAssertEqual(day("2026-05-31").adding(months: 12), day("2027-05-31"))
    XCTAssertEqual(day("2026-05-31").adding(months: -24), day("2024-05-31"))
    XCTAssertEqual(day("2026-05-31").adding(months: 0), day("2026-05-31"))
  }

  func testAddingDaysAndFirstOfMonth() {
    XCTAssertEqual(day("2026-02-28").adding(days: 1), day("2026-03-01"))
    XCTAssertEqual(day("2024-02-28").adding(days: 1), day("2024-02-29"))
    XCTAssertEqual(day("2026-01-01").adding(days: -1), day("2025-12-31"))
    XCTAssertEqual(day("2026-02-17").firstOfMonth, day("2026-02-01"))
  }

  func testOrderingAndCodable() throws {
    XCTAssertLessThan(day("2025-12-31"), day("2026-01-01"))
    let encoded = try JSONEncoder().encode([day("2026-02-17")])
    XCTAssertEqual(String(decoding: encoded, as: UTF8.self), "[\"2026-02-17\"]")
    XCTAssertEqual(try JSONDecoder().decode([CivilDate].self, from: encoded), [day("2026-02-17")])
    XCTAssertThrowsError(
      try JSONDecoder().decode([CivilDate].self, from: Data("[\"2026-2-17\"]".utf8)))
  }
}
