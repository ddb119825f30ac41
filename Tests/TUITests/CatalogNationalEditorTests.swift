import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// 国家标准要素 in the draft editor (issue 25 item 3): F6 opens them with the code tables as
/// choices; they are saved with the draft and shown in its review; 别名 travel the same way.
final class CatalogNationalEditorTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let now = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    store = try DemoCopies.store(at: path, share: repositoryShare, now: now)
  }

  func testF6EditsTheElementsAndTheDraftCarriesThem() throws {
    let staff = try XCTUnwrap(try store.staff(login: "zhaolei"))
    var ws = Workstation(panes: [CatalogPane(service: store)], context: makeContext(staff: staff))
    func pane() throws -> CatalogPane { try XCTUnwrap(ws.activePane as? CatalogPane) }
    func type(_ text: String) { for c in text { ws.handle(.char(c)) } }
    ws.handle(.char("/"))
    type("SCJG-DJ-001")
    ws.handle(.enter)
    ws.handle(.enter)
    ws.handle(.function(4))
    ws.handle(.enter)
    XCTAssertNotNil(try pane().editor, "the 变更 editor")
    ws.handle(.function(6))
    assertGolden(ws.render(width: 80, height: 24), "catalog-national-form-80x24")
    type("000105001000")  // 基本编码
    ws.handle(.tab)
    ws.handle(.tab)
    ws.handle(.tab)  // 行使层级
    for _ in 0..<4 { ws.handle(.right) }  // 未填写 → 国家级 → 省级 → 市级 → 县级
    ws.handle(.tab)
    ws.handle(.tab)  // 服务对象
    type("自然人、火星人")
    ws.handle(.function(5))
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("「火星人」不在代码表中"))
    for _ in 0..<4 { ws.handle(.backspace) }
    ws.handle(.function(5))
    let national = try XCTUnwrap(try pane().editor?.national)
    XCTAssertEqual(national.basicCode, "000105001000")
    XCTAssertEqual(national.exerciseLevel, .county)
    XCTAssertEqual(national.serviceTargets, [.naturalPerson])
    // The reason, then F5: the draft carries the elements, and its review shows them.
    ws.handle(.backTab)
    ws.handle(.backTab)
    type("补充国家标准要素")
    ws.handle(.function(5))
    let change = try XCTUnwrap(try store.catalogChanges(openOnly: true).first)
    XCTAssertEqual(change.proposed.national?.basicCode, "000105001000")
    let review = ws.render(width: 120, height: 40).text
    XCTAssertTrue(review.contains("基本编码: 无 改为 000105001000"), review)
  }

  func testAnItemsElementsSurviveAChangeOfAnotherElement() throws {
    var item = sampleGuide()
    item.national = NationalElements(basicCode: "000105001000")
    let editor = CatalogEditor(
      kind: .modify, base: item, organisations: try store.organisationRecords(),
      defaultOrganisation: "SCJG")
    XCTAssertEqual(editor.item().national?.basicCode, "000105001000")
  }

  func sampleGuide() -> CatalogItem {
    (try? store.catalogItem(code: "SCJG-DJ-001")).flatMap { $0 }
      ?? CatalogItem(
        code: "X", name: "X", type: .licensing, organisation: "SCJG", legalBasis: "",
        conditions: "",
        materials: [], steps: "", legalDays: 1, promisedDays: 1, result: "", place: "", hours: "",
        phone: "")
  }
}
