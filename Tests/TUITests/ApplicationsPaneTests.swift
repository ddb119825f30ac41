import Domain
import Foundation
import Store
import XCTest

@testable import TUI

/// The 受理登记 pane over the demo database (its catalog and applications as of 2026-11-26).
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

  /// Finds a case by its number and opens it, as a clerk would.
  func open(_ ws: inout Workstation, _ caseID: String) {
    ws.handle(.char("/"))
    type(&ws, caseID)
    ws.handle(.enter)
    ws.handle(.enter)
  }

  /// A queue longer than a page is read a page at a time as the selection goes down: every case
  /// can be reached, none twice, in the store's order.
  func testALongQueueIsReadPageByPageAsTheSelectionMoves() throws {
    let desk = try IntakeDesk()
    var first = ApplicationsPane(service: desk.service)
    first.paging.pageSize = 1
    let context = try desk.context("liuyang")
    var ws = Workstation(panes: [first, CalendarPane(today: context.today)], context: context)
    _ = ws.render(width: 120, height: 40)
    ws.handle(.char("o"))
    let all = try desk.store.applicationQueue(.organisation, for: try desk.staff("liuyang"))
    XCTAssertGreaterThan(all.count, 2, "the demo's 本单位 spans several pages")
    XCTAssertEqual(pane(ws)?.rows.count, 1)
    for _ in 0..<(all.count + 2) { ws.handle(.down) }
    XCTAssertEqual(pane(ws)?.rows.map(\.caseID), all.map(\.caseID))
    XCTAssertEqual(pane(ws)?.cursor.selected, all.count - 1)
    XCTAssertEqual(pane(ws)?.counts[.organisation], all.count)
    // Another order starts again from its first page.
    ws.handle(.char("s"))
    XCTAssertEqual(pane(ws)?.rows.count, 1)
  }

  func testListAt80x24WithCountdownsAndMaskedPreview() throws {
    let desk = try IntakeDesk()
    var ws = try workstation(desk, as: "liuyang")
    // 本单位: 我的 holds only what is assigned to the clerk or waits for their intake decision.
    ws.handle(.char("o"))
    let frame = ws.render(width: 80, height: 24)
    assertGolden(frame, "applications-list-80x24")
    for y in 0..<24 { XCTAssertLessThanOrEqual(DisplayWidth.of(frame.line(y)), 80) }
    XCTAssertTrue(frame.text.contains("超期1日"), frame.text)
    XCTAssertTrue(frame.text.contains("暂停"), frame.text)
    XCTAssertTrue(frame.text.contains("916204********2236"), frame.text)
    XCTAssertFalse(frame.text.contains("91620402MA7X1Y2236"))
    ws.handle(.char("o"))
    XCTAssertEqual(pane(ws)?.queue, .organisation)
    ws.handle(.char("s"))
    XCTAssertEqual(pane(ws)?.rows.first?.applicantName, "张伟", "newest first")
    ws.handle(.char("/"))
    type(&ws, "李秀")
    XCTAssertEqual(pane(ws)?.rows.map(\.applicantName), ["李秀兰"])
    ws.handle(.escape)
    XCTAssertEqual(pane(ws)?.search.text, "")
    let wide = ws.render(width: 160, height: 50).text
    XCTAssertTrue(wide.contains("138****1234"), wide)
    XCTAssertTrue(wide.contains("0943-*****34"), wide)
    ws.handle(.char("c"))
    XCTAssertTrue(pane(ws)?.rows.contains { $0.status == .notAccepted } ?? false)
    ws.handle(.char("a"))
    XCTAssertEqual(ws.toast?.text, "只有督办人员可以查看全部办件")
  }

  /// An item search that fails says why, instead of offering no items.
  func testAnItemSearchThatFailsIsAnError() throws {
    let desk = try IntakeDesk()
    var ws = try workstation(desk, as: "liuyang")
    ws.handle(.function(2))
    try desk.store.db.execute("ALTER TABLE catalog_item RENAME TO catalog_item_gone")
    type(&ws, "个体")
    XCTAssertEqual(ws.toast?.kind, .error, "\(String(describing: ws.toast))")
    guard case .itemPicker = pane(ws)?.layer else { return XCTFail("the picker stays open") }
  }

  func testWalkInFormAt80x24KeepsEverythingOnAnInvalidID() throws {
    let desk = try IntakeDesk()
    var ws = try workstation(desk, as: "liuyang")
    ws.handle(.function(2))
    type(&ws, "个体工商户设立")
    ws.handle(.enter)
    guard case .registration = pane(ws)?.layer else { return XCTFail("no form") }
    type(&ws, "张三")
    ws.handle(.tab)
    type(&ws, "620402199001010019")
    ws.handle(.tab)
    type(&ws, "13809431234")
    let frame = ws.render(width: 80, height: 24)
    assertGolden(frame, "applications-form-80x24")
    XCTAssertTrue(frame.text.contains("身份证号码校验位错误"), frame.text)
    let before = try desk.store.eventCount()
    ws.handle(.function(5))
    guard case .registration(let e) = pane(ws)?.layer else { return XCTFail("form lost") }
    XCTAssertEqual(e.focus, .idNumber)
    XCTAssertEqual(e.message, "请更正: 身份证号码校验位错误")
    XCTAssertEqual(e.name.text, "张三")
    XCTAssertEqual(e.phone.text, "13809431234")
    XCTAssertEqual(e.idNumber.text, "620402199001010019")
    XCTAssertEqual(try desk.store.eventCount(), before, "nothing saved")
    // Fix the last digit and save: no material was looked at, so F5 asks once whether all are
    // in hand (one key); the case is registered, acceptance is one key away.
    ws.handle(.backspace)
    type(&ws, "8")
    ws.handle(.function(5))
    XCTAssertEqual(pane(ws)?.confirm?.then, .registerAllReceived)
    XCTAssertEqual(pane(ws)?.confirm?.dialog.lines.first, "全部材料已收齐?")
    XCTAssertEqual(try desk.store.eventCount(), before, "nothing saved before the answer")
    ws.handle(.enter)
    guard case .detail(let id) = pane(ws)?.mode else {
      return XCTFail("not saved: \(ws.toast?.text ?? "")")
    }
    XCTAssertEqual(pane(ws)?.confirm?.then, .perform(.accept))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.status, .accepted)
    let path = try XCTUnwrap(pane(ws)?.deliveries.first?.path)
    XCTAssertTrue(FileManager.default.fileExists(atPath: path), path)
    XCTAssertTrue(
      ws.toast?.text.hasPrefix("已受理 \(id),办结期限 2026-11-27;受理通知书已保存 ") ?? false,
      ws.toast?.text ?? "")
  }

  func testOneTimeNoticeResumeAcceptDecideConcludeAndRate() throws {
    let desk = try IntakeDesk()
    var ws = try workstation(desk, as: "zhouqiang")
    ws.handle(.function(2))
    type(&ws, "SCJG-DJ-001")
    ws.handle(.enter)
    type(&ws, "张三")
    ws.handle(.tab)
    type(&ws, "620402199001010018")
    ws.handle(.tab)
    type(&ws, "13809431234")
    for _ in 0..<5 { ws.handle(.tab) }  // channel, note, 办理方式, 特殊群体, materials
    ws.handle(.down)
    ws.handle(.down)
    ws.handle(.enter)  // 经营场所使用证明: 未核 -> 已收
    ws.handle(.enter)  // 已收 -> 缺
    guard case .registration(let e) = pane(ws)?.layer else { return XCTFail() }
    XCTAssertEqual(e.checklist.statuses, [.received, .exempt, .missing, .missing])
    XCTAssertEqual(e.checklist.unchecked, 3)
    ws.handle(.function(5))
    XCTAssertEqual(pane(ws)?.confirm?.then, .registerAllReceived)
    XCTAssertEqual(pane(ws)?.confirm?.dialog.lines.first, "其余3项材料已收齐?")
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.confirm?.then, .openSupplement)
    ws.handle(.enter)
    guard case .supplement(let s) = pane(ws)?.layer else { return XCTFail("no notice form") }
    XCTAssertEqual(s.entries.map(\.index), [2])
    ws.handle(.function(5))
    ws.handle(.enter)
    guard let id = pane(ws)?.view?.application.caseID else { return XCTFail() }
    XCTAssertEqual(pane(ws)?.view?.application.status, .awaitingSupplement)
    let noticeText = try String(
      contentsOfFile: pane(ws)?.deliveries.first?.path ?? "", encoding: .utf8)
    XCTAssertTrue(noticeText.contains("1. 经营场所使用证明(复印件1份,自有房产提交产权证明"), noticeText)
    // The applicant comes back the next working day.
    desk.at("2026-11-27T10:00")
    ws.refresh(try desk.context("zhouqiang"))
    ws.handle(.char("a"))
    XCTAssertTrue(ws.toast?.text.contains("待补正,不能受理") ?? false, ws.toast?.text ?? "")
    ws.handle(.char("u"))
    ws.handle(.down)
    ws.handle(.down)
    ws.handle(.char("1"))
    ws.handle(.function(5))
    XCTAssertEqual(pane(ws)?.confirm?.then, .perform(.accept))
    ws.handle(.char("y"))
    let accepted = pane(ws)?.view?.application
    XCTAssertEqual(accepted?.acceptedOn, CivilDate(iso: "2026-11-27"))
    XCTAssertEqual(accepted?.caseID, id)
    ws.handle(.char("d"))
    XCTAssertEqual(ws.toast?.text, "办件\(id)尚未审查,请先审查再作决定")
    ws.handle(.char("s"))
    ws.handle(.function(5))
    XCTAssertEqual(pane(ws)?.view?.application.status, .underReview)
    ws.handle(.char("d"))
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.decision, .approved)
    ws.handle(.char("d"))
    XCTAssertEqual(ws.toast?.text, "办件\(id)已作出决定(准予),不能重复决定")
    ws.handle(.char("f"))
    ws.handle(.tab)
    type(&ws, "92620402MA7K2L3M45")
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.status, .concluded)
    XCTAssertEqual(pane(ws)?.view?.application.conclusion?.certificateName, "营业执照")
    XCTAssertEqual(pane(ws)?.confirm?.then, .openRating)
    ws.handle(.enter)
    type(&ws, "不满")
    guard case .form(let rating, .rate) = pane(ws)?.layer else { return XCTFail("no rating form") }
    XCTAssertEqual(rating["level"], "不满意")
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.rating?.level, "不满意")
    let text = ws.render(width: 120, height: 70).text
    XCTAssertTrue(text.contains("申请人评价「不满意」(实名)"), text)
    XCTAssertTrue(text.contains("620402199001010018"), "whole ID in the detail view")
  }

  func testStepsTheOperatorMayNotTakeAreExplainedBeforeAnyForm() throws {
    let desk = try IntakeDesk()
    let id = try desk.register("张三", id: "620402199001010018", by: "liuyang")
    try desk.run(.accept, id, by: "liuyang")
    var ws = try workstation(desk, as: "liuyang")
    ws.handle(.char("o"))  // accepted, unassigned: no longer in the clerk's 我的
    open(&ws, id)
    XCTAssertEqual(pane(ws)?.mode, .detail(id))
    ws.handle(.char("s"))
    XCTAssertEqual(ws.toast?.text, "刘洋没有经办角色,不能审查申请")
    XCTAssertEqual(pane(ws)?.layer, ApplicationsPane.Layer.none)
    ws.handle(.char("f"))
    XCTAssertEqual(ws.toast?.text, "办件\(id)已受理,作出决定后才能办结")
    XCTAssertEqual(try desk.store.refusals().count, 0, "a precheck tries nothing")
  }

  func testARefusedFormKeepsItsValuesAndSaysWhy() throws {
    let desk = try IntakeDesk()
    let id = try desk.register("张三", id: "620402199001010018", by: "zhouqiang")
    try desk.run(.accept, id, by: "zhouqiang")
    try desk.run(.startReview(opinion: ""), id, by: "zhouqiang")
    try desk.run(.decide(.approved, reason: ""), id, by: "zhouqiang")
    var ws = try workstation(desk, as: "zhouqiang")
    open(&ws, id)
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
    type(&ws, "特种设备")
    ws.handle(.enter)
    XCTAssertEqual(ws.toast?.text, "事项「特种设备使用登记」已暂停办理,不能登记新的申请(第十二条)")
    guard case .itemPicker = pane(ws)?.layer else { return XCTFail() }
  }
}
