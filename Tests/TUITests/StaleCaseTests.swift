import Domain
import XCTest

@testable import TUI

/// After a step is refused because someone else moved the case on, the screen shows the case as
/// it is now, and says it changed.
final class StaleCaseTests: XCTestCase {
  func testARefusedStepReReadsTheCaseAndSaysItChanged() throws {
    let desk = try IntakeDesk()
    let id = try desk.register("张三", id: "620402199001010018", by: "liuyang")
    let context = try desk.context("liuyang")
    var ws = Workstation(panes: [ApplicationsPane(service: desk.service)], context: context)
    ws.handle(.char("/"))
    for c in id { ws.handle(.char(c)) }
    ws.handle(.enter)
    ws.handle(.enter)
    XCTAssertEqual((ws.activePane as? ApplicationsPane)?.mode, .detail(id))
    // Another window accepts the case meanwhile.
    try desk.run(.accept, id, by: "liuyang")
    ws.handle(.char("a"))
    ws.handle(.char("y"))
    XCTAssertEqual(ws.toast?.kind, .error)
    XCTAssertTrue(
      ws.toast?.text.contains("该办件已在别处办理,现为「已受理」,屏幕已更新") ?? false,
      ws.toast?.text ?? "")
    XCTAssertEqual((ws.activePane as? ApplicationsPane)?.view?.application.status, .accepted)
  }

  func testSlashOpensAnEmptySearchAndUpRecallsTheLast() throws {
    let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
    var ws = Workstation(
      panes: [ComplaintsPane(service: FakeComplaintService(rows: []))],
      context: makeContext(staff: supervisor))
    ws.handle(.char("/"))
    for c in "路灯" { ws.handle(.char(c)) }
    ws.handle(.enter)
    ws.handle(.char("/"))
    XCTAssertEqual((ws.activePane as? ComplaintsPane)?.searchField.text, "")
    let prompt = ws.render(width: 80, height: 24).text
    XCTAssertTrue(prompt.contains("Enter 搜索  Esc 取消  Up 上次搜索"), "the hint is whole:\n\(prompt)")
    ws.handle(.up)
    XCTAssertEqual((ws.activePane as? ComplaintsPane)?.searchField.text, "路灯")
  }
}
