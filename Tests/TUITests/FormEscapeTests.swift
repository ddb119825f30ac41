import Domain
import XCTest

@testable import TUI

/// Esc never loses typed text, and a paste is typing: one mechanism in the workstation, shown on
/// the 投诉建议 registration form.
final class FormEscapeTests: XCTestCase {
  let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])

  func registering() -> Workstation {
    var ws = Workstation(
      panes: [ComplaintsPane(service: FakeComplaintService(rows: []))],
      context: makeContext(staff: supervisor))
    ws.handle(.function(2))
    for _ in 0..<3 { ws.handle(.tab) }  // 标题
    return ws
  }

  func form(_ ws: Workstation) -> Form? {
    guard case .form(let f, _) = (ws.activePane as? ComplaintsPane)?.overlay else { return nil }
    return f
  }

  func testEscOnAnUnchangedFormClosesAtOnce() {
    var ws = registering()
    XCTAssertEqual(form(ws)?.isChanged, false)
    ws.handle(.escape)
    XCTAssertFalse(ws.confirmingDiscard)
    XCTAssertNil(form(ws))
  }

  /// F10 on a form left as it opened used to ask 有未保存的输入; there is nothing to lose.
  func testQuitAsksOnlyWhenSomethingWasTyped() {
    var ws = registering()
    ws.handle(.function(10))
    XCTAssertFalse(ws.confirmingQuit)
    XCTAssertTrue(ws.finished)
    ws = registering()
    for c in "路灯" { ws.handle(.char(c)) }
    ws.handle(.function(10))
    XCTAssertTrue(ws.confirmingQuit)
    XCTAssertFalse(ws.finished)
  }

  func testEscOnAChangedFormAsksAndAnyKeyButYKeepsIt() {
    var ws = registering()
    for c in "路灯损坏" { ws.handle(.char(c)) }
    ws.handle(.escape)
    XCTAssertTrue(ws.confirmingDiscard)
    let asking = ws.render(width: 80, height: 24).text
    XCTAssertTrue(asking.contains("放弃本次输入? (y/n)"), asking)
    ws.handle(.char("n"))
    XCTAssertEqual(form(ws)?["subject"], "路灯损坏", "n goes back to typing, nothing lost")
    XCTAssertEqual(ws.toast, .info("继续录入,内容未丢失"))
    ws.handle(.escape)
    ws.handle(.enter)
    XCTAssertEqual(form(ws)?["subject"], "路灯损坏", "Enter is not yes")
    ws.handle(.escape)
    ws.handle(.char("y"))
    XCTAssertNil(form(ws))
    XCTAssertEqual(ws.toast, .info("已取消,未保存"))
  }

  func testChangingAChoiceCountsAsAChange() {
    var ws = registering()
    ws.handle(.backTab)  // 时限类别
    ws.handle(.right)
    ws.handle(.escape)
    XCTAssertTrue(ws.confirmingDiscard)
  }

  func testAPasteIsTypedAndItsNewlineNeverSubmits() {
    var ws = registering()
    ws.handle(.paste("路灯\r\n损坏\u{7}"))
    XCTAssertEqual(form(ws)?["subject"], "路灯 损坏")
    XCTAssertNotNil(form(ws), "the form stays open")
  }

  func testAPasteOutsideAFieldRunsNoCommand() {
    var ws = Workstation(
      panes: [ComplaintsPane(service: FakeComplaintService(rows: []))],
      context: makeContext(staff: supervisor))
    ws.handle(.paste("q2?"))
    XCTAssertFalse(ws.finished)
    XCTAssertNil(ws.help)
    XCTAssertNil(form(ws))
    XCTAssertEqual(ws.toast, .info("此处没有输入框,粘贴的内容未使用"))
  }
}
