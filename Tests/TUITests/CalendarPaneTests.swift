import Domain
import XCTest

@testable import TUI

final class CalendarPaneTests: XCTestCase {
  func workstation(now: String = "2026-11-26T09:30") -> Workstation {
    let context = makeContext(now: now)
    return Workstation(panes: [CalendarPane(today: context.today)], context: context)
  }

  func testCalendarAt80x24() {
    let ws = workstation()
    assertGolden(ws.render(width: 80, height: 24), "calendar-80x24")
  }

  func testCalendarAt120x40() {
    let ws = workstation()
    assertGolden(ws.render(width: 120, height: 40), "calendar-120x40")
  }

  func testSpringFestivalMonthShowsHolidayNamesAndMakeupDays() {
    var ws = workstation(now: "2026-02-10T10:00")
    ws.handle(.pageDown)  // March would be next; come back to February
    ws.handle(.pageUp)
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "calendar-2026-02-80x24")
    XCTAssertTrue(text.contains("春节"))
    XCTAssertTrue(text.contains("调休上班"))
  }

  func testArrowKeysMoveByDayAndWeekAndPagesByMonth() throws {
    var ws = workstation()
    ws.handle(.right)
    ws.handle(.down)
    var pane = try XCTUnwrap(ws.activePane as? CalendarPane)
    XCTAssertEqual(pane.cursor.iso, "2026-12-04")
    ws.handle(.pageUp)
    pane = try XCTUnwrap(ws.activePane as? CalendarPane)
    XCTAssertEqual(pane.cursor.iso, "2026-11-04")
    ws.handle(.char("t"))
    pane = try XCTUnwrap(ws.activePane as? CalendarPane)
    XCTAssertEqual(pane.cursor.iso, "2026-11-26")
  }

  func testCalculatorAcrossNationalDay() throws {
    var ws = workstation()
    // Select 2026-09-30 and use it as the receipt date.
    for _ in 0..<2 { ws.handle(.pageUp) }
    let pane = try XCTUnwrap(ws.activePane as? CalendarPane)
    let days = 30 - pane.cursor.day
    for _ in 0..<days { ws.handle(.right) }
    ws.handle(.enter)
    for _ in 0..<3 { ws.handle(.backspace) }
    ws.handle(.char("3"))
    let calc = try XCTUnwrap(ws.activePane as? CalendarPane)
    // 2026-09-30 + 3 working days: 10-01…10-07 are 国庆节/中秋节, 10-08, 10-09, 10-10 (调休 Saturday).
    XCTAssertEqual(try calc.calculation(shippedCalendar).get().deadline.iso, "2026-10-10")
    let text = ws.render(width: 80, height: 24).text
    XCTAssertTrue(text.contains("截止日期 2026-10-10"), text)
    ws.handle(.enter)
    let back = try XCTUnwrap(ws.activePane as? CalendarPane)
    XCTAssertEqual(back.cursor.iso, "2026-10-10")
    XCTAssertEqual(back.mode, .grid)
  }

  func testCalculatorRejectsBadInputWithMessage() {
    var ws = workstation()
    ws.handle(.char("c"))
    ws.handle(.control("u"))
    for c in "2026-02-30" { ws.handle(.char(c)) }
    let text = ws.render(width: 80, height: 24).text
    XCTAssertTrue(text.contains("受理日期格式应为 YYYY-MM-DD"), text)
    ws.handle(.enter)
    XCTAssertEqual(ws.toast?.kind, .error)
  }

  func testDigitsTypedInCalculatorDoNotSwitchPanes() throws {
    var ws = workstation()
    ws.handle(.char("c"))
    ws.handle(.tab)
    ws.handle(.char("1"))
    let pane = try XCTUnwrap(ws.activePane as? CalendarPane)
    XCTAssertEqual(pane.days.text, "201")
  }

  func testYearWithoutDataIsFlagged() {
    var ws = workstation()
    for _ in 0..<2 { ws.handle(.pageDown) }
    let text = ws.render(width: 80, height: 24).text
    XCTAssertTrue(text.contains("2027年节假日安排未导入"), text)
    XCTAssertTrue(text.contains("2027年节假日未导入"), "status line warns too")
  }

  func testCaretIsTheTerminalCursorInCalculator() {
    var ws = workstation()
    XCTAssertNil(ws.render(width: 80, height: 24).cursor)
    ws.handle(.char("c"))
    let frame = ws.render(width: 80, height: 24)
    XCTAssertNotNil(frame.cursor)
  }
}
