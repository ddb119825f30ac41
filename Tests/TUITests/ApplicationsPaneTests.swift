import Domain
import Foundation
import Store
import XCTest

@testable import TUI

final class ApplicationsPaneTests: XCTestCase {
  func workstation(_ desk: IntakeDesk, as login: String) throws -> Workstation {
    let context = try desk.context(login)
    return Workstation(
      panes: [ApplicationsPane(service: desk.service), CalendarPane(today: context.today)],
      context: context)
  }

  func pane(_ ws: Workstation) -> ApplicationsPane? { ws.panes[0] as? ApplicationsPane }

  func type(_ ws: inout Workstation, _ text: String) {
    for c in text { ws.handle(.char(c)) }
  }

  func testListAt80x24WithCountdownsAndMaskedPreview() throws {
    let desk = try IntakeDesk()
    try desk.seed()
    var ws = try workstation(desk, as: "liuyang")
    let frame = ws.render(width: 80, height: 24)
    assertGolden(frame.text, "applications-list-80x24")
    for y in 0..<24 { XCTAssertLessThanOrEqual(DisplayWidth.of(frame.line(y)), 80) }
    XCTAssertTrue(frame.text.contains("超期3日"), frame.text)
    XCTAssertTrue(frame.text.contains("暂停"), frame.text)
    XCTAssertTrue(frame.text.contains("620402********0018"), frame.text)
    XCTAssertFalse(frame.text.contains("620402199001010018"))
    ws.handle(.char("s"))
    XCTAssertEqual(pane(ws)?.rows.first?.applicantName, "赵六")
    ws.handle(.char("/"))
    type(&ws, "欧阳")
    XCTAssertEqual(pane(ws)?.rows.map(\.applicantName), ["欧阳建国"])
    ws.handle(.escape)
    XCTAssertEqual(pane(ws)?.rows.count, 4)
    let wide = ws.render(width: 160, height: 50).text
    XCTAssertTrue(wide.contains("138****1234"), wide)
    XCTAssertTrue(wide.contains("0943-*****34"), wide)
  }

  func testWalkInFormAt80x24KeepsEverythingOnAnInvalidID() throws {
    let desk = try IntakeDesk()
    var ws = try workstation(desk, as: "liuyang")
    ws.handle(.function(2))
    type(&ws, "个体")
    ws.handle(.enter)
    guard case .registration = pane(ws)?.layer else { return XCTFail("no form") }
    type(&ws, "张三")
    ws.handle(.tab)
    type(&ws, "620402199001010019")
    ws.handle(.tab)
    type(&ws, "13809431234")
    let frame = ws.render(width: 80, height: 24)
    assertGolden(frame.text, "applications-form-80x24")
    XCTAssertTrue(frame.text.contains("身份证号码校验位错误"), frame.text)
    ws.handle(.function(5))
    guard case .registration(let e) = pane(ws)?.layer else { return XCTFail("form lost") }
    XCTAssertEqual(e.focus, .idNumber)
    XCTAssertEqual(e.name.text, "张三")
    XCTAssertEqual(e.phone.text, "13809431234")
    XCTAssertEqual(e.idNumber.text, "620402199001010019")
    XCTAssertEqual(
      try desk.store.applicationQueue(.organisation, for: desk.staff("liuyang")).count, 0)
    // Fix the last digit and save: the case is registered, acceptance is one key away.
    ws.handle(.backspace)
    type(&ws, "8")
    ws.handle(.function(5))
    guard case .detail(let id) = pane(ws)?.mode else {
      return XCTFail("not saved: \(ws.toast?.text ?? "")")
    }
    XCTAssertEqual(id, "BYQ-2026-000001")
    XCTAssertEqual(pane(ws)?.confirm?.then, .perform(.accept))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.status, .accepted)
    let path = try XCTUnwrap(pane(ws)?.deliveries.first?.path)
    XCTAssertTrue(FileManager.default.fileExists(atPath: path), path)
    XCTAssertTrue(ws.toast?.text.contains("已受理 BYQ-2026-000001,办结期限 2026-12-01") ?? false)
  }

  func testChecklistTogglesWithEnterAndOneTimeNoticeResumeAcceptDecideConclude() throws {
    let desk = try IntakeDesk()
    var ws = try workstation(desk, as: "zhouqiang")
    ws.handle(.function(2))
    type(&ws, "SCJG-XK-001")
    ws.handle(.enter)
    type(&ws, "张三")
    ws.handle(.tab)
    type(&ws, "620402199001010018")
    ws.handle(.tab)
    type(&ws, "13809431234")
    for _ in 0..<3 { ws.handle(.tab) }  // channel, note, materials
    ws.handle(.down)
    ws.handle(.down)
    ws.handle(.enter)  // 经营场所使用证明: 已收 -> 缺
    guard case .registration(let e) = pane(ws)?.layer else { return XCTFail() }
    XCTAssertEqual(e.checklist.statuses, [.received, .exempt, .missing, .missing])
    ws.handle(.function(5))
    XCTAssertEqual(pane(ws)?.confirm?.then, .openSupplement)
    ws.handle(.enter)
    guard case .supplement(let s) = pane(ws)?.layer else { return XCTFail("no notice form") }
    XCTAssertEqual(s.entries.map(\.index), [2])
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.status, .awaitingSupplement)
    let noticeText = try String(
      contentsOfFile: pane(ws)?.deliveries.first?.path ?? "", encoding: .utf8)
    XCTAssertTrue(noticeText.contains("经营场所使用证明(房屋产权证明或租赁协议)(复印件1份): 缺少"), noticeText)
    // The applicant comes back the next working day.
    desk.at("2026-11-27T10:00")
    ws.refresh(try desk.context("zhouqiang"))
    ws.handle(.char("a"))
    XCTAssertTrue(ws.toast?.text.contains("不能受理") ?? false)
    ws.handle(.char("u"))
    ws.handle(.down)
    ws.handle(.down)
    ws.handle(.char("1"))
    ws.handle(.function(5))
    XCTAssertEqual(pane(ws)?.confirm?.then, .perform(.accept))
    ws.handle(.char("y"))
    let accepted = pane(ws)?.view?.application
    XCTAssertEqual(accepted?.acceptedOn, CivilDate(iso: "2026-11-27"))
    XCTAssertEqual(accepted?.caseID, "BYQ-2026-000001")
    ws.handle(.char("d"))
    XCTAssertTrue(ws.toast?.text.isEmpty == false)
    ws.handle(.char("s"))
    ws.handle(.function(5))
    XCTAssertEqual(pane(ws)?.view?.application.status, .underReview)
    ws.handle(.char("d"))
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.decision, .approved)
    ws.handle(.char("d"))
    XCTAssertTrue(ws.toast?.text.contains("不能重复决定") ?? false, ws.toast?.text ?? "")
    ws.handle(.char("f"))
    ws.handle(.tab)
    type(&ws, "92620402MA7D5E6F7M")
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.status, .concluded)
    XCTAssertEqual(pane(ws)?.confirm?.then, .openRating)
    ws.handle(.enter)
    type(&ws, "不满")
    XCTAssertEqual(
      { () -> String? in
        if case .form(let f, _) = pane(ws)?.layer { return f["level"] }
        return nil
      }(), "不满意")
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.rating?.level, "不满意")
    let text = ws.render(width: 100, height: 60).text
    XCTAssertTrue(text.contains("申请人评价「不满意」(实名)"), text)
    XCTAssertTrue(text.contains("620402199001010018"), "whole ID in the detail view")
  }

  func testStepsOtherOrganisationsMayNotTakeAreExplained() throws {
    let desk = try IntakeDesk()
    let id = try desk.register("张三", id: "620402199001010018", by: "liuyang")
    try desk.run(.accept, id, by: "liuyang")
    var ws = try workstation(desk, as: "liuyang")
    ws.handle(.enter)
    ws.handle(.char("s"))
    XCTAssertEqual(ws.toast?.text, "刘洋没有经办角色,不能审查申请")
    XCTAssertEqual(pane(ws)?.layer, ApplicationsPane.Layer.none)
    ws.handle(.char("f"))
    XCTAssertEqual(ws.toast?.text, "办件BYQ-2026-000001已受理,作出决定后才能办结")
    XCTAssertEqual(try desk.store.refusals().count, 0, "a precheck tries nothing")
  }

  func testARefusedFormKeepsItsValuesAndSaysWhy() throws {
    let desk = try IntakeDesk()
    let id = try desk.register("张三", id: "620402199001010018", by: "zhouqiang")
    try desk.run(.accept, id, by: "zhouqiang")
    try desk.run(.startReview(opinion: ""), id, by: "zhouqiang")
    try desk.run(.decide(.approved, reason: ""), id, by: "zhouqiang")
    var ws = try workstation(desk, as: "zhouqiang")
    ws.handle(.enter)
    ws.handle(.char("f"))
    ws.handle(.tab)
    type(&ws, "NO-1")
    ws.handle(.tab)
    ws.handle(.right)  // 邮寄
    ws.handle(.tab)
    type(&ws, "顺丰123")
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(ws.toast?.text, "邮寄单号应为不超过40位的字母、数字")
    guard case .form(let f, .conclude) = pane(ws)?.layer else { return XCTFail("form closed") }
    XCTAssertEqual(f.message, "邮寄单号应为不超过40位的字母、数字")
    XCTAssertEqual(f["certNumber"], "NO-1")
    XCTAssertEqual(f["tracking"], "顺丰123")
    XCTAssertEqual(pane(ws)?.view?.application.status, .decided)
  }

  func testSuspendedItemCannotBePicked() throws {
    let desk = try IntakeDesk()
    var ws = try workstation(desk, as: "liuyang")
    ws.handle(.function(2))
    type(&ws, "食品")
    ws.handle(.enter)
    XCTAssertEqual(ws.toast?.text, "事项「食品小作坊登记」已暂停办理,不能登记新的申请(第十二条)")
    guard case .itemPicker = pane(ws)?.layer else { return XCTFail() }
  }
}
