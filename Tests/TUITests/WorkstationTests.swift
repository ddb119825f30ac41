import Domain
import XCTest

@testable import TUI

final class WorkstationTests: XCTestCase {
  func make() -> Workstation {
    let c = makeContext()
    return Workstation(
      panes: [CalendarPane(today: c.today), CalendarPane(today: c.today)], context: c)
  }

  func testTooSmallShowsNoticeAndOnlyQuitWorks() {
    var ws = make()
    let text = ws.render(width: 60, height: 20).text
    XCTAssertTrue(text.contains("终端窗口太小"))
    XCTAssertTrue(text.contains("60x20"))
    ws.handle(.tab, size: (60, 20))
    XCTAssertEqual(ws.active, 0)
    ws.handle(.char("q"), size: (60, 20))
    XCTAssertTrue(ws.finished)
  }

  func testHelpListsPaneAndGlobalKeysFromTheKeymap() {
    var ws = make()
    ws.handle(.char("?"))
    let text = ws.render(width: 80, height: 24).text
    XCTAssertTrue(text.contains("帮助: 工作日历"))
    XCTAssertTrue(text.contains("回到今天"))
    XCTAssertTrue(text.contains("F10/q"))
    ws.handle(.escape)
    XCTAssertNil(ws.help)
  }

  func testTabAndDigitsSwitchPanes() {
    var ws = make()
    ws.handle(.tab)
    XCTAssertEqual(ws.active, 1)
    ws.handle(.char("1"))
    XCTAssertEqual(ws.active, 0)
    ws.handle(.backTab)
    XCTAssertEqual(ws.active, 1)
  }

  func testF10QuitsWhenNothingIsUnsaved() {
    var ws = make()
    ws.handle(.function(10))
    XCTAssertTrue(ws.finished)
  }

  func testKeyBarComesFromTheKeymap() {
    let ws = make()
    let last = ws.render(width: 80, height: 24).line(23)
    XCTAssertTrue(last.hasPrefix("F1帮助"))
    XCTAssertTrue(last.contains("PgUp上月"))
    XCTAssertTrue(last.contains("F10退出"))
  }

  func testStatusLineShowsNodeOperatorDateAndMissingYear() {
    let ws = make()
    let first = ws.render(width: 120, height: 40).line(0)
    XCTAssertTrue(first.contains("白银区政务服务中心"))
    XCTAssertTrue(first.contains("张敏"))
    XCTAssertTrue(first.contains("2026-11-26"))
    XCTAssertTrue(first.contains("工作日"))
    XCTAssertTrue(first.contains("2027年节假日未导入"))
  }
}
