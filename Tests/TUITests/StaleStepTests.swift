import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// The 督办 pane and the 事项库 change detail, like the case panes: a step refused because another
/// session moved the notice or change on re-reads it, shows it as it is now and says it changed.
final class StaleStepTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let when = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    store = try DemoCopies.store(at: path, share: repositoryShare, now: when)
  }

  func staff(_ login: String) throws -> Staff {
    try XCTUnwrap(try store.staff(login: login))
  }

  func testAReplyRefusedBecauseAnsweredElsewhereShowsTheAnswer() throws {
    let zhouqiang = try staff("zhouqiang")
    var ws = Workstation(
      panes: [SupervisionPane(service: store)],
      context: makeContext(staff: zhouqiang, calendar: store.calendar))
    ws.handle(.char("t"))
    ws.handle(.enter)
    ws.handle(.char("y"))
    for c in "已答复投诉人" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    // Another window answers the notice before this one confirms.
    let notice = try XCTUnwrap(
      try store.supervisionNotices(
        org: "SCJG", for: Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
      ).first)
    try store.replySupervision(id: notice.id, reply: "另一窗口的回复", by: zhouqiang)
    ws.handle(.enter)
    XCTAssertEqual(ws.toast?.kind, .error)
    XCTAssertTrue(
      ws.toast?.text.contains("该件已在别处办理,现为「已回复」,屏幕已更新") ?? false, ws.toast?.text ?? "")
    let pane = try XCTUnwrap(ws.activePane as? SupervisionPane)
    XCTAssertEqual(pane.notices.first { $0.id == notice.id }?.reply, "另一窗口的回复")
    XCTAssertTrue(
      pane.noticeView.lines.contains { "\($0)".contains("另一窗口的回复") }, "the notice re-read")
  }

  func testAnApprovalRefusedBecauseApprovedElsewhereShowsTheNewStage() throws {
    var ws = Workstation(
      panes: [CatalogPane(service: store)], context: makeContext(staff: try staff("chenjing")))
    ws.handle(.function(3))
    let changes = try XCTUnwrap(ws.activePane as? CatalogPane).changes
    let row = try XCTUnwrap(changes.firstIndex { $0.stage == .submitted })
    for _ in 0..<row { ws.handle(.down) }
    ws.handle(.enter)
    ws.handle(.char("a"))
    // Another reviewer approves it meanwhile (a supervisor: 孙丽 of 市场监管 reviews only her
    // own organisation's items).
    let id = changes[row].id
    try store.perform(CatalogChangeCommand.approve(note: ""), on: id, as: try staff("zhangmin"))
    ws.handle(.enter)
    XCTAssertEqual(ws.toast?.kind, .error)
    let now = try XCTUnwrap(try store.catalogChange(id: id))
    XCTAssertTrue(
      ws.toast?.text.contains("该件已在别处办理,现为「\(now.stage.title)」,屏幕已更新") ?? false,
      ws.toast?.text ?? "")
    XCTAssertEqual(try XCTUnwrap(ws.activePane as? CatalogPane).shownChange, now)
  }

  func testSlashOpensAnEmptyApplicationSearchAndUpRecallsOnlyIntoAnEmptyField() throws {
    let desk = try IntakeDesk()
    let context = try desk.context("liuyang")
    var ws = Workstation(panes: [ApplicationsPane(service: desk.service)], context: context)
    func pane() -> ApplicationsPane? { ws.activePane as? ApplicationsPane }
    ws.handle(.char("o"))
    let all = pane()?.rows.count ?? 0
    ws.handle(.char("/"))
    for c in "李秀" { ws.handle(.char(c)) }
    XCTAssertEqual(pane()?.rows.map(\.applicantName), ["李秀兰"])
    ws.handle(.enter)
    ws.handle(.char("/"))
    XCTAssertEqual(pane()?.search.text, "", "not appended to the old words")
    XCTAssertEqual(pane()?.rows.count, all)
    ws.handle(.up)
    XCTAssertEqual(pane()?.search.text, "李秀")
    XCTAssertEqual(pane()?.rows.map(\.applicantName), ["李秀兰"])
    // With text in the field Up moves the list again, it does not recall.
    ws.handle(.char("兰"))
    ws.handle(.up)
    XCTAssertEqual(pane()?.search.text, "李秀兰")
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("搜索: 李秀兰"))
  }
}
