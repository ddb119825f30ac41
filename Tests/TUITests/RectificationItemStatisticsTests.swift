import Domain
import Foundation
import XCTest

@testable import TUI

/// 满意度统计 by service item in the 差评整改 pane's `s` view (第三十五条).
extension RectificationPaneTests {
  func testSatisfactionByItemWorstFirstAt80x24And120x40() throws {
    var ws = workstation(Self.chenjing)
    ws.handle(.char("s"))
    ws.handle(.char("a"))  // every period
    ws.handle(.char("i"))
    let p = try pane(ws)
    XCTAssertTrue(p.statsByItem)
    XCTAssertEqual(p.itemStatistics.first?.itemName, "自助终端证明打印")
    XCTAssertEqual(
      p.itemStatistics.first { $0.itemCode == "SC-XK-002" }?.figures.invalid, 1,
      "the 无效差评 stays with its item")
    let frame = ws.render(width: 80, height: 24)
    assertGolden(frame, "rectification-item-statistics-80x24")
    XCTAssertTrue(frame.text.contains("满意度统计(按事项)"), frame.text)
    let wide = ws.render(width: 120, height: 40).text
    XCTAssertTrue(wide.contains("SC-XK-002"), wide)
    XCTAssertTrue(wide.contains("食品经营许可"), wide)
    // Back to organisations with the same key.
    ws.handle(.char("i"))
    XCTAssertFalse(try pane(ws).statsByItem)
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("各单位满意度统计"))
  }

  func testHandlerSeesOwnItemsAndExportsThemAsCSV() throws {
    var ws = workstation(Self.wuxia)
    ws.handle(.char("s"))
    ws.handle(.char("a"))
    ws.handle(.char("i"))
    XCTAssertEqual(
      Set(try pane(ws).itemStatistics.map(\.organisation)), ["RSJ"], "only their organisation")
    let path = temporaryDirectory().appendingPathComponent("按事项.csv").path
    ws.handle(.char("o"))
    ws.handle(.control("u"))
    for c in path { ws.handle(.char(c)) }
    ws.handle(.function(5))
    XCTAssertEqual(ws.toast, .info("已导出 3 个事项的满意度统计: \(path)"))
    let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
    XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a BOM for WPS/Excel")
    let csv = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertTrue(csv.contains("事项编码,事项名称,单位代码,单位名称,统计期间,评价总数"), csv)
    XCTAssertTrue(csv.contains("\r\nRS-SB-001,社会保障卡申领,RSJ,区人力资源和社会保障局,全部,3,"), csv)
    XCTAssertTrue(csv.contains("\r\n,合计,,,全部,10,"), csv)
  }
}
