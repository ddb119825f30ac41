import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

final class CatalogPaneTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let now = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    store = try DemoCopies.store(at: path, share: repositoryShare, now: now)
  }

  func workstation(as login: String = "zhaolei") throws -> Workstation {
    let staff = try XCTUnwrap(try store.staff(login: login))
    return Workstation(
      panes: [CatalogPane(service: store)], context: makeContext(staff: staff))
  }

  func pane(_ ws: Workstation) throws -> CatalogPane {
    try XCTUnwrap(ws.activePane as? CatalogPane)
  }

  func type(_ text: String, into ws: inout Workstation) {
    for c in text { ws.handle(.char(c)) }
  }

  func testCatalogTableAt80x24() throws {
    let ws = try workstation()
    assertGolden(ws.render(width: 80, height: 24), "catalog-80x24")
  }

  func testSearchFiltersAsYouTypeWithoutEnter() throws {
    var ws = try workstation()
    ws.handle(.char("/"))
    XCTAssertTrue(try pane(ws).capturesText)
    ws.handle(.char("养"))
    XCTAssertEqual(try pane(ws).items.count, 4, "one character: the LIKE fallback")
    ws.handle(.char("老"))
    XCTAssertEqual(try pane(ws).items.map(\.code), ["MZJ-QT-001", "RSJ-GG-001", "RSJ-JF-001"])
    let frame = ws.render(width: 80, height: 24)
    assertGolden(frame, "catalog-search-80x24")
    XCTAssertNotNil(frame.cursor, "the caret is the terminal cursor, for the input method")
    ws.handle(.char("保"))
    XCTAssertEqual(try pane(ws).items.count, 2, "three characters: the trigram index")
    ws.handle(.escape)
    XCTAssertEqual(try pane(ws).items.count, 46, "the demo catalog with the 一件事 seed's items")
    XCTAssertEqual(try pane(ws).mode, .list)
  }

  func testSlashStartsAnEmptySearchAndUpRecallsTheLast() throws {
    var ws = try workstation()
    ws.handle(.char("/"))
    type("养老", into: &ws)
    ws.handle(.enter)
    ws.handle(.char("/"))
    XCTAssertEqual(try pane(ws).query.text, "", "not appended to the old words")
    XCTAssertEqual(try pane(ws).items.count, 46)
    ws.handle(.up)
    XCTAssertEqual(try pane(ws).query.text, "养老")
    XCTAssertEqual(try pane(ws).items.count, 3)
  }

  func testDigitsTypedInSearchStayInTheField() throws {
    var ws = try workstation()
    ws.handle(.char("/"))
    type("SCJG-XK-001", into: &ws)
    XCTAssertEqual(try pane(ws).query.text, "SCJG-XK-001")
    XCTAssertEqual(try pane(ws).items.first?.code, "SCJG-XK-001")
  }

  func testItemDetailWrapsEveryElementAt120x40() throws {
    var ws = try workstation()
    ws.handle(.char("/"))
    type("食品经营许可", into: &ws)
    ws.handle(.enter)
    ws.handle(.enter)
    let frame = ws.render(width: 120, height: 40)
    let text = frame.text
    assertGolden(frame, "catalog-detail-120x40")
    XCTAssertTrue(text.contains("第2版(现行)"))
  }

  /// A version list that cannot be read is said, not taken for an item with one version.
  func testAnUnreadableVersionListIsAnErrorNotTheEarliestVersion() throws {
    var ws = try workstation()
    ws.handle(.char("/"))
    type("SCJG-XK-001", into: &ws)
    ws.handle(.enter)
    ws.handle(.enter)
    try store.db.execute("ALTER TABLE catalog_version RENAME TO catalog_version_gone")
    ws.handle(.left)
    XCTAssertEqual(ws.toast?.kind, .error, "\(String(describing: ws.toast))")
    ws.handle(.char("d"))
    XCTAssertEqual(ws.toast?.kind, .error, "\(String(describing: ws.toast))")
  }

  func testOlderVersionAndComparison() throws {
    var ws = try workstation()
    ws.handle(.char("/"))
    type("SCJG-XK-001", into: &ws)
    ws.handle(.enter)
    ws.handle(.enter)
    ws.handle(.left)
    var text = ws.render(width: 100, height: 40).text
    XCTAssertTrue(text.contains("第1版(历史版本,现行为第2版)"), text)
    XCTAssertTrue(text.contains("10个工作日"), "version 1 promised 10 days")
    ws.handle(.char("d"))
    ws.handle(.enter)
    text = ws.render(width: 100, height: 40).text
    XCTAssertTrue(text.contains("第1版与第2版对比"), text)
    XCTAssertTrue(text.contains("承诺时限     10个工作日 改为 7个工作日"), text)
    XCTAssertTrue(text.contains("删除「食品安全自查、从业人员健康管理、进货查验记录等规章制度」"), text)
  }

  func testQueueAndListAdjustmentsWithCountdowns() throws {
    var ws = try workstation()
    ws.handle(.function(3))
    assertGolden(ws.render(width: 80, height: 24), "catalog-changes-80x24")
    ws.handle(.char("v"))
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "catalog-adjustments-80x24")
    XCTAssertTrue(text.contains("超期5日"))
    XCTAssertTrue(text.contains("剩2日"))
  }

  func testEditorChecksAsYouTypeAndKeepsEverything() throws {
    var ws = try workstation()
    ws.handle(.char("/"))
    type("个体工商户设立", into: &ws)
    ws.handle(.enter)
    ws.handle(.function(4))
    ws.handle(.enter)  // 变更
    var p = try pane(ws)
    XCTAssertEqual(p.editor?.kind, .modify)
    while try pane(ws).editor?.form.focusedKey != "promisedDays" { ws.handle(.tab) }
    ws.handle(.control("u"))
    type("99", into: &ws)
    let frame = ws.render(width: 100, height: 30)
    XCTAssertTrue(
      frame.text.contains("「承诺时限」承诺时限(99个工作日)不能超过法定时限(3个工作日)"), frame.text)
    ws.handle(.function(5))
    XCTAssertEqual(ws.toast?.kind, .error)
    p = try pane(ws)
    XCTAssertEqual(p.editor?.form["promisedDays"], "99", "nothing typed is lost")
    XCTAssertEqual(p.editor?.form.field("reason")?.error, "不能为空")
    XCTAssertTrue(p.hasUnsavedInput)
    ws.handle(.escape)
    XCTAssertTrue(ws.confirmingDiscard, "leaving asks first")
    ws.handle(.char("n"))
    XCTAssertEqual(try pane(ws).editor?.form["promisedDays"], "99", "n keeps the draft")
    ws.handle(.escape)
    ws.handle(.char("y"))
    XCTAssertNil(try pane(ws).editor)
    XCTAssertEqual(ws.toast, .info("已放弃未保存的修改"))
  }

  func testManagerDraftsMaterialsChangeInTheEditor() throws {
    var ws = try workstation()
    ws.handle(.char("/"))
    type("个体工商户设立", into: &ws)
    ws.handle(.enter)
    ws.handle(.function(4))
    ws.handle(.enter)
    ws.handle(.function(3))
    ws.handle(.function(2))
    type("名称自主申报告知书", into: &ws)
    ws.handle(.function(5))
    XCTAssertEqual(try pane(ws).editor?.materials.count, 5)
    assertGolden(ws.render(width: 80, height: 24), "catalog-materials-80x24")
    ws.handle(.escape)
    while try pane(ws).editor?.form.focusedKey != "reason" { ws.handle(.tab) }
    type("增加告知书", into: &ws)
    ws.handle(.function(5))
    let p = try pane(ws)
    XCTAssertNil(p.editor)
    let id = try XCTUnwrap(p.shownChange?.id)
    XCTAssertEqual(try store.catalogChange(id: id)?.proposed.materials.last?.name, "名称自主申报告知书")
    XCTAssertTrue(ws.toast?.text.contains("已保存草稿") ?? false)
  }

  func testTownshipClerkBrowsesButIsToldWhyNotDraft() throws {
    var ws = try workstation(as: "huangmei")
    ws.handle(.enter)
    XCTAssertEqual(try pane(ws).mode, .detail, "browsing is for everyone")
    ws.handle(.function(4))
    XCTAssertEqual(ws.toast?.text, "黄梅没有事项管理角色,不能起草事项变更")
    XCTAssertEqual(ws.toast?.kind, .error)
  }

  func testDrafterCannotApproveAndTheKeyBarSaysSo() throws {
    var ws = try workstation(as: "zhaolei")
    ws.handle(.function(3))
    let p = try pane(ws)
    let row = try XCTUnwrap(p.changes.firstIndex { $0.stage == .submitted })
    for _ in 0..<row { ws.handle(.down) }
    ws.handle(.enter)
    XCTAssertFalse(ws.render(width: 80, height: 24).line(23).contains("审核通过"))
    ws.handle(.char("a"))
    XCTAssertEqual(ws.toast?.text, "不能审核自己起草的变更申请,请另一名事项管理员或督办人员审核(第十二条)")
  }
}
