import XCTest

@testable import Domain

final class HolidayTableTests: XCTestCase {
  private func parseError(_ text: String) -> HolidayTableError? {
    do {
      _ = try HolidayTable.parse(text)
      return nil
    } catch {
      return error
    }
  }

  func testShippedFileParses() throws {
    XCTAssertFalse(Fixtures.holidayText.isEmpty, "missing \(Fixtures.holidayFileURL.path)")
    let entries = try HolidayTable.parse(Fixtures.holidayText)
    XCTAssertEqual(entries.count, 771)
    XCTAssertEqual(entries.filter { $0.kind == .holiday }.count, 621)
    XCTAssertEqual(entries.filter { $0.kind == .workday }.count, 150)
    XCTAssertEqual(
      entries.first, CalendarEntry(date: day("2004-01-01"), kind: .holiday, name: "元旦"))
    XCTAssertEqual(
      entries.last, CalendarEntry(date: day("2026-10-10"), kind: .workday, name: "国庆节调休"))
    XCTAssertEqual(Set(entries.map(\.date.year)), Set(2004...2026))
  }

  func testFormatThenParseRoundTrips() throws {
    let entries = Fixtures.entries
    XCTAssertEqual(try HolidayTable.parse(HolidayTable.format(entries)), entries)
    let text = HolidayTable.format(entries)
    XCTAssertTrue(text.hasPrefix("#"))
    XCTAssertTrue(text.contains("2026-02-14\tworkday\t春节调休\n"))
    XCTAssertEqual(try HolidayTable.parse(HolidayTable.format([])), [])
  }

  func testFormatKeepsNamesOnOneLine() throws {
    let odd = [CalendarEntry(date: day("2026-01-01"), kind: .holiday, name: "元\t旦\n")]
    let back = try HolidayTable.parse(HolidayTable.format(odd))
    XCTAssertEqual(back.map(\.name), ["元 旦"])
  }

  func testCommentsBlankLinesCRLFAndBOM() throws {
    let text = "\u{FEFF}# 注释\r\n\r\n2026-01-01\tholiday\t元旦\r\n   \n2026-01-04\tworkday\t元旦调休"
    let entries = try HolidayTable.parse(text)
    XCTAssertEqual(entries.map(\.date), [day("2026-01-01"), day("2026-01-04")])
    XCTAssertEqual(entries.map(\.kind), [.holiday, .workday])
  }

  /// Weekend days inside a holiday block are listed as holidays; that is not an error.
  func testHolidayOnWeekendIsAllowed() throws {
    let entries = try HolidayTable.parse("2026-02-21\tholiday\t春节\n")
    XCTAssertEqual(entries.first?.dayKind, .holiday("春节"))
  }

  func testBadDateShape() {
    let text = "# 注释\n2026-01-01\tholiday\t元旦\n2026-1-2\tholiday\t元旦\n"
    XCTAssertEqual(
      parseError(text), HolidayTableError(line: 3, message: "第3行: 日期格式应为 YYYY-MM-DD"))
  }

  func testImpossibleDate() {
    XCTAssertEqual(
      parseError("2026-02-30\tholiday\t春节"),
      HolidayTableError(line: 1, message: "第1行: 日期 2026-02-30 不存在"))
  }

  func testUnknownKind() {
    XCTAssertEqual(
      parseError("#\n2026-10-01\tvacation\t国庆节"),
      HolidayTableError(line: 2, message: "第2行: 类型应为 holiday 或 workday"))
  }

  func testDuplicateDate() {
    let text = "2026-01-01\tholiday\t元旦\n2026-01-02\tholiday\t元旦\n2026-01-01\tholiday\t元旦\n"
    XCTAssertEqual(
      parseError(text), HolidayTableError(line: 3, message: "第3行: 日期 2026-01-01 重复(已见于第1行)"))
  }

  func testWorkdayOnAWeekdayIsRefused() {
    XCTAssertEqual(
      parseError("2026-02-16\tworkday\t春节调休"),
      HolidayTableError(line: 1, message: "第1行: 调休上班日 2026-02-16 是星期一,应为周六或周日"))
  }

  func testWrongColumnCount() {
    let expected = "第1行: 应为3列(日期、类型、名称),以制表符分隔"
    XCTAssertEqual(
      parseError("2026-01-01 holiday 元旦"), HolidayTableError(line: 1, message: expected))
    XCTAssertEqual(parseError("2026-01-01\tholiday"), HolidayTableError(line: 1, message: expected))
    XCTAssertEqual(
      parseError("2026-01-01\tholiday\t元旦\textra"), HolidayTableError(line: 1, message: expected))
  }

  func testEmptyName() {
    XCTAssertEqual(
      parseError("2026-01-01\tholiday\t  "),
      HolidayTableError(line: 1, message: "第1行: 名称不能为空"))
  }

  func testErrorDescribesItselfInChinese() {
    let error = HolidayTableError(line: 7, message: "第7行: 名称不能为空")
    XCTAssertEqual(error.description, "第7行: 名称不能为空")
  }
}
