import Domain
import XCTest

@testable import Store
@testable import TUI

/// 系统管理 → 常用语: the list by scope and kind, and each change through the store's call.
final class AdminPhrasesTests: XCTestCase {
  static let sample: AdminOverview = {
    var o = AdminPaneTests.sample
    o.phrases = [
      PhraseTemplate(
        id: "BYQ-1", kind: .conclusion, org: nil, text: "经核实,反映情况属实,已责成相关单位整改完毕,并将处理结果告知投诉人。",
        position: 1),
      PhraseTemplate(
        id: "BYQ-2", kind: .conclusion, org: nil, text: "经核实,反映情况与事实不符,已向投诉人说明情况。", position: 2),
      PhraseTemplate(id: "BYQ-6", kind: .callback, org: nil, text: "已电话回访,投诉人满意。", position: 1),
      PhraseTemplate(
        id: "WXZ-1", kind: .conclusion, org: "WXZ", text: "经镇便民服务中心现场核实,已协调村委会解决。", position: 1),
    ]
    return o
  }()

  func make() -> (Workstation, FakeAdminService) {
    let service = FakeAdminService(Self.sample)
    var ws = Workstation(panes: [AdminPane(service: service)], context: makeContext())
    ws.handle(.char("t"))
    return (ws, service)
  }

  func type(_ text: String, into ws: inout Workstation) {
    for c in text { ws.handle(.char(c)) }
  }

  func testTheListAt80x24And120x40() {
    assertGolden(make().0.render(width: 80, height: 24), "admin-phrases-80x24")
    assertGolden(make().0.render(width: 120, height: 40), "admin-phrases-120x40")
  }

  func testAddThroughTheFormThenEditMoveRetire() throws {
    var (ws, service) = make()
    ws.handle(.char("a"))
    assertGolden(ws.render(width: 80, height: 24), "admin-add-phrase-80x24")
    ws.handle(.right)
    ws.handle(.tab)
    type("WXZ", into: &ws)
    ws.handle(.tab)
    ws.handle(.function(6))
    XCTAssertNil(ws.phrasing, "a template's own text takes no 常用语")
    type("镇纪委已入户回访。", into: &ws)
    ws.handle(.function(5))
    XCTAssertEqual(service.calls, ["templates add callback WXZ 镇纪委已入户回访。"])
    XCTAssertEqual(ws.toast, .info("已添加「回访记录」常用语"))

    ws.handle(.down)
    ws.handle(.char("e"))
    ws.handle(.tab)
    ws.handle(.control("u"))
    type("经核实,情况与事实不符。", into: &ws)
    ws.handle(.function(5))
    XCTAssertEqual(service.calls.last, "templates edit BYQ-2 conclusion 经核实,情况与事实不符。")

    ws.handle(.char("["))
    XCTAssertEqual(service.calls.last, "templates move BYQ-2 up")
    ws.handle(.char("d"))
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("停用常用语 BYQ-1"))
    ws.handle(.char("y"))
    XCTAssertEqual(service.calls.last, "templates retire BYQ-1")
  }

  func testARefusalKeepsTheFormWithTheStoresWords() throws {
    var (ws, service) = make()
    service.refusal = Refusal("「全区通用」常用语由区级节点维护,本节点只能维护所服务单位的常用语(指定单位)")
    ws.handle(.char("a"))
    ws.handle(.tab)
    ws.handle(.tab)
    type("请核实。", into: &ws)
    ws.handle(.function(5))
    XCTAssertEqual(ws.toast?.kind, .error)
    let screen = ws.render(width: 120, height: 40).text
    XCTAssertTrue(screen.contains("请核实。"), "nothing typed is lost")
    XCTAssertTrue(screen.contains("由区级节点维护"))
  }
}
