import Domain
import Foundation
import Store
import XCTest

@testable import TUI

/// 补正说明: F6 in the one-time notice's notes offers the demo's 补正说明 templates.
final class SupplementPhrasesTests: XCTestCase {
  func testTheOneTimeNoticeTakesSupplementTemplates() throws {
    let desk = try IntakeDesk()
    let context = try desk.context("zhouqiang")
    var ws = Workstation(panes: [ApplicationsPane(service: desk.service)], context: context)
    ws.phrases = desk.store
    func type(_ text: String) { for c in text { ws.handle(.char(c)) } }
    ws.handle(.function(2))
    type("SCJG-DJ-001")
    ws.handle(.enter)
    type("张三")
    ws.handle(.tab)
    type("620402199001010018")
    ws.handle(.tab)
    type("13809431234")
    for _ in 0..<5 { ws.handle(.tab) }
    ws.handle(.down)
    ws.handle(.down)
    ws.handle(.enter)
    ws.handle(.enter)
    ws.handle(.function(5))
    ws.handle(.enter)
    ws.handle(.enter)
    guard case .supplement = (ws.panes[0] as? ApplicationsPane)?.layer else {
      return XCTFail("no notice form")
    }
    ws.handle(.tab)
    ws.handle(.function(6))
    XCTAssertEqual(ws.phrasing?.slot.kind, .supplement)
    XCTAssertEqual(ws.phrasing?.slot.label, "其他说明")
    XCTAssertEqual(ws.phrasing?.picker.all.count, 2)
    ws.handle(.enter)
    guard case .supplement(let e) = (ws.panes[0] as? ApplicationsPane)?.layer else {
      return XCTFail("the notice form closed")
    }
    XCTAssertEqual(e.other.text, "请补充提交申请人身份证复印件(正反面)一份。")
  }
}
