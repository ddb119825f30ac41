import Domain
import XCTest

@testable import TUI

/// The selection bar is the only mark of the selected row: the row's text is the same without
/// it. These fail if it is lost — in a table, in a pane's queue — and show a golden would too.
final class SelectionBarTests: XCTestCase {
  /// The columns of row `y` drawn as a bar: a background colour or reverse video.
  func bar(_ frame: Frame, row y: Int) -> [Int] {
    (0..<frame.width).filter { x in
      let s = frame[x, y].style
      return s.reverse || s.bg != .normal
    }
  }

  func testTheGoldenOfATableFailsWhenOnlyItsSelectionBarIsLost() {
    var frame = Frame(width: 50, height: 5)
    let columns = [
      TableColumn("期限", width: 8), TableColumn("编号", width: 15, key: true),
      TableColumn("事项", width: 10, flexible: true),
    ]
    let rows = [
      TableRow(["剩3日", "BYQ-2026-000001", "个体工商户设立登记"]),
      TableRow(["剩5日", "BYQ-2026-000002", "食品经营许可"]),
    ]
    TableView.render(
      columns: columns, rows: rows, cursor: ListCursor(selected: 1), into: &frame,
      area: frame.bounds)
    XCTAssertEqual(bar(frame, row: 2), Array(0..<24), "期限 and 编号, through the key column")
    XCTAssertEqual(bar(frame, row: 1), [])
    var lost = frame
    lost.restyle(Rect(x: 0, y: 2, width: 50, height: 1), style: .normal)
    XCTAssertEqual(lost.text, frame.text, "the text alone cannot tell")
    XCTAssertNotEqual(GoldenFrame.text(lost), GoldenFrame.text(frame))
    XCTAssertEqual(GoldenFrame.runs(frame, 2), "24kc/r 26--")
  }

  func testTheQueuesSelectedRowCarriesTheBarAndItFollowsTheCursor() throws {
    let desk = try IntakeDesk()
    let context = try desk.context("liuyang")
    var ws = Workstation(panes: [ApplicationsPane(service: desk.service)], context: context)
    ws.handle(.char("o"))  // 本单位: 我的 holds only what is assigned to 刘洋 or waits at his desk
    let frame = ws.render(width: 80, height: 24)
    let first = try XCTUnwrap(
      (0..<24).first { frame.line($0).contains("BYQ-2026-000056") }, frame.text)
    XCTAssertFalse(bar(frame, row: first).isEmpty, "the first row is selected:\n\(frame.text)")
    XCTAssertTrue(bar(frame, row: first + 1).isEmpty)
    ws.handle(.down)
    let moved = ws.render(width: 80, height: 24)
    XCTAssertTrue(bar(moved, row: first).isEmpty, "the bar left the first row")
    XCTAssertEqual(bar(moved, row: first + 1), bar(frame, row: first), "and is on the second")
  }
}
