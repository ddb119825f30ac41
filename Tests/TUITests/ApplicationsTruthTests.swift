import Domain
import Foundation
import Store
import XCTest

@testable import TUI

/// What the 受理登记 pane says is what happened.
final class ApplicationsTruthTests: XCTestCase {
  func pane(_ ws: Workstation) -> ApplicationsPane? { ws.panes[0] as? ApplicationsPane }

  func walkIn(_ desk: IntakeDesk, as login: String) throws -> Workstation {
    var ws = Workstation(
      panes: [ApplicationsPane(service: desk.service)], context: try desk.context(login))
    ws.handle(.function(2))
    for c in "个体工商户设立" { ws.handle(.char(c)) }
    ws.handle(.enter)
    for c in "张三" { ws.handle(.char(c)) }
    ws.handle(.tab)
    for c in "620402199001010018" { ws.handle(.char(c)) }
    ws.handle(.tab)
    for c in "13809431234" { ws.handle(.char(c)) }
    return ws
  }

  /// Esc at 「Esc 稍后再受理」 leaves the case saved 待受理, and says so (it said 「已取消」).
  func testDecliningToAcceptNowSaysTheCaseIsSavedAwaitingAcceptance() throws {
    let desk = try IntakeDesk()
    var ws = try walkIn(desk, as: "liuyang")
    ws.handle(.function(5))
    ws.handle(.enter)  // 全部材料已收齐? — yes
    guard case .detail(let id) = pane(ws)?.mode else { return XCTFail("not saved") }
    XCTAssertEqual(pane(ws)?.confirm?.then, .perform(.accept))
    ws.handle(.escape)
    XCTAssertEqual(ws.toast?.text, "\(id) 已保存,状态为待受理,可稍后受理")
    XCTAssertEqual(pane(ws)?.view?.application.status, .awaitingAcceptance)
  }

  /// Esc at 「全部材料已收齐?」 saves nothing and sends the clerk back to the checklist.
  func testDecliningTheMaterialsQuestionSavesNothing() throws {
    let desk = try IntakeDesk()
    var ws = try walkIn(desk, as: "liuyang")
    let before = try desk.store.eventCount()
    ws.handle(.function(5))
    let frame = ws.render(width: 80, height: 24)
    XCTAssertTrue(frame.text.contains("全部材料已收齐?"), frame.text)
    ws.handle(.escape)
    XCTAssertEqual(try desk.store.eventCount(), before)
    guard case .registration(let e) = pane(ws)?.layer else { return XCTFail("form lost") }
    XCTAssertEqual(e.name.text, "张三")
    XCTAssertTrue(ws.toast?.text.hasPrefix("请逐项核对申请材料") ?? false, ws.toast?.text ?? "")
  }

  /// A walk-in taken through to 办结 by 周强, left at the question whether to rate.
  func concluded(_ desk: IntakeDesk) throws -> Workstation {
    var ws = try walkIn(desk, as: "zhouqiang")
    ws.handle(.function(5))
    ws.handle(.enter)  // 全部材料已收齐?
    ws.handle(.enter)  // 受理
    XCTAssertEqual(pane(ws)?.view?.application.status, .accepted)
    ws.handle(.char("s"))
    ws.handle(.function(5))
    ws.handle(.char("d"))
    ws.handle(.function(5))
    ws.handle(.enter)
    ws.handle(.char("f"))
    ws.handle(.tab)
    for c in "92620402MA7K2L3M45" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.status, .concluded)
    XCTAssertEqual(pane(ws)?.confirm?.then, .openRating)
    return ws
  }

  /// After 办结 the case says whether the promise was kept (nothing did).
  func testAConcludedCaseShowsWhetherItWasOnTime() throws {
    var ws = try concluded(try IntakeDesk())
    ws.handle(.escape)  // no rating now
    XCTAssertTrue(ws.toast?.text.hasSuffix("已办结,未评价(可稍后补评)") ?? false, ws.toast?.text ?? "")
    let text = ws.render(width: 120, height: 40).text
    XCTAssertTrue(text.contains("按时办结(办结期限 2026-11-27)"), text)
  }

  /// The applicant's rating starts on no level and does not wrap: one Left gave 非常不满意.
  func testTheRatingSelectorHasNoDefaultAndDoesNotWrap() throws {
    var ws = try concluded(try IntakeDesk())
    ws.handle(.enter)
    guard case .form(let start, .rate) = pane(ws)?.layer else { return XCTFail("no rating form") }
    XCTAssertEqual(start["level"], "")
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("请选择"))
    ws.handle(.left)
    guard case .form(let left, .rate) = pane(ws)?.layer else { return XCTFail("form lost") }
    XCTAssertEqual(left["level"], "", "Left from nothing picks nothing")
    ws.handle(.function(5))
    guard case .form(let refused, .rate) = pane(ws)?.layer else { return XCTFail("saved") }
    XCTAssertEqual(refused.field("level")?.error, "必填")
    XCTAssertNil(pane(ws)?.view?.application.rating)
    ws.handle(.right)
    ws.handle(.left)
    guard case .form(let first, .rate) = pane(ws)?.layer else { return XCTFail("form lost") }
    XCTAssertEqual(first["level"], "非常满意", "Left stops at the first level")
  }

  /// With the PC's clock at 08:00, 受理 on 张伟's walk-in registered at 09:15 said 「已受理」 and
  /// the case stayed 待受理; now the step is stamped after the registration and takes effect.
  func testAcceptingWithASlowClockTakesEffect() throws {
    let desk = try IntakeDesk()
    let id = try XCTUnwrap(
      try desk.store.db.fetchOne(
        "SELECT case_id FROM application WHERE applicant_name = '张伟' AND status = 'awaitingAcceptance'"
      ) { $0.text(0) })
    desk.at("2026-11-26T08:00")
    var ws = Workstation(
      panes: [ApplicationsPane(service: desk.service)], context: try desk.context("liuyang"))
    ws.handle(.char("/"))
    for c in id { ws.handle(.char(c)) }
    ws.handle(.enter)
    ws.handle(.enter)
    XCTAssertEqual(pane(ws)?.view?.application.caseID, id)
    ws.handle(.char("a"))
    ws.handle(.enter)
    XCTAssertTrue(ws.toast?.text.hasPrefix("已受理 \(id)") ?? false, ws.toast?.text ?? "")
    XCTAssertEqual(pane(ws)?.view?.application.status, .accepted)
    XCTAssertEqual(try desk.store.application(caseID: id)?.status, .accepted)
    let events = try desk.store.events(stream: "application/\(id)")
    XCTAssertEqual(events.first?.type, "application.registered")
  }
}
