import Domain
import XCTest

@testable import TUI

/// The key bar offers what this operator may do here; the help lists the rest greyed, with the
/// role that may; in a form the help lists the form's keys; a long help scrolls and is never cut.
final class KeyBarTests: XCTestCase {
  let clerk = Staff(login: "liuyang", name: "刘洋", org: "ZWZX", roles: [.counter])
  let admin = Staff(login: "wangqiang", name: "王强", org: "ZWZX", roles: [.admin, .supervisor])

  func sync(_ staff: Staff) -> Workstation {
    Workstation(
      panes: [SyncPane(service: FakeSyncService(SyncPaneTests.sample))],
      context: makeContext(staff: staff))
  }

  func testKeysTheRolesRefuseAreHiddenFromTheBar() {
    let bar = sync(clerk).render(width: 120, height: 30).line(29)
    XCTAssertTrue(bar.contains("r刷新"), bar)
    XCTAssertFalse(bar.contains("导出同步文件"), bar)
    XCTAssertFalse(bar.contains("处理冲突"), bar)
    let adminBar = sync(admin).render(width: 120, height: 30).line(29)
    XCTAssertTrue(adminBar.contains("e导出同步文件"), adminBar)
    XCTAssertTrue(adminBar.contains("c处理冲突"), adminBar)
  }

  func testHelpGreysRefusedKeysWithTheRoleThatMay() {
    var ws = sync(clerk)
    ws.handle(.char("?"))
    let text = ws.render(width: 80, height: 24).text
    XCTAssertTrue(text.contains("导出同步文件(需系统管理角色)"), text)
    XCTAssertTrue(text.contains("处理冲突(需督办角色)"), text)
    XCTAssertFalse(text.contains("刷新(需"), text)
  }

  func testTheHelpOfAFormListsTheFormsKeysAndOnlyTheGlobalKeysThatWorkThere() {
    var ws = Workstation(
      panes: [ComplaintsPane(service: FakeComplaintService(rows: []))],
      context: makeContext(staff: admin))
    ws.handle(.function(2))
    ws.handle(.function(1))
    let text = ws.render(width: 80, height: 24).text
    XCTAssertTrue(text.contains("表单"), text)
    XCTAssertTrue(text.contains("清空本项"), text)
    XCTAssertTrue(text.contains("Esc 1…Esc 0"), text)
    XCTAssertFalse(text.contains("跳到第N个窗格"), "digits type in a form:\n\(text)")
    XCTAssertFalse(text.contains("F10/q"), text)
  }

  func testALongHelpScrollsAndNoKeyNameIsCut() {
    let long = KeyBinding(
      [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home, .end], "move", "移动")
    let many = (1...30).map { KeyBinding([.char("a")], "c\($0)", "第\($0)项") }
    var help = HelpOverlay(
      paneTitle: "测试", sections: [KeymapSection("测试", [long] + many), GlobalKeys.section])
    var frame = Frame(width: 80, height: 24)
    help.render(into: &frame, area: Rect(x: 0, y: 1, width: 80, height: 21))
    XCTAssertTrue(frame.text.contains("Up/Down/j/k/PgUp/PgDn/Home/End"), frame.text)
    XCTAssertTrue(frame.text.contains("共"), "it says there is more:\n\(frame.text)")
    XCTAssertFalse(frame.text.contains("第30项"))
    for _ in 0..<5 { XCTAssertTrue(help.handle(.pageDown)) }
    frame = Frame(width: 80, height: 24)
    help.render(into: &frame, area: Rect(x: 0, y: 1, width: 80, height: 21))
    XCTAssertTrue(frame.text.contains("第30项"), frame.text)
    XCTAssertTrue(frame.text.contains("Esc 1…Esc 0"), frame.text)
  }
}
