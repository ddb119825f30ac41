import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// The 事项库 pane's update is pure: a key names what to read or perform, the store is reached
/// only when the workstation runs it, and a refused step brings its form back with every word.
final class CatalogEffectsTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let now = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    store = try DemoCopies.store(at: path, share: repositoryShare, now: now)
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  /// Runs an update's effects the way the workstation does.
  func run(_ pane: inout CatalogPane, _ update: Update<CatalogEffect>, _ ctx: AppContext)
    -> PaneResponse
  {
    EffectRunner.run(&pane, update, ctx)
  }

  func testASentBackRefusedBecauseApprovedElsewhereKeepsTheReasonTyped() throws {
    let ctx = makeContext(staff: try staff("chenjing"))
    var pane = CatalogPane(service: store)
    _ = run(&pane, pane.start(ctx), ctx)
    _ = run(&pane, pane.update(.function(3), ctx), ctx)
    let row = try XCTUnwrap(pane.changes.firstIndex { $0.stage == .submitted })
    for _ in 0..<row { _ = run(&pane, pane.update(.down, ctx), ctx) }
    let open = pane.update(.enter, ctx)
    guard case .detail(.change(let id), _)? = open.effects.first else {
      return XCTFail("Enter names the change to read")
    }
    XCTAssertNil(pane.shownChange, "nothing is read before the workstation runs the effect")
    _ = run(&pane, open, ctx)
    XCTAssertEqual(pane.shownChange?.id, id)
    _ = run(&pane, pane.update(.char("r"), ctx), ctx)
    for c in "材料不全" { _ = run(&pane, pane.update(.char(c), ctx), ctx) }
    let send = pane.update(.function(5), ctx)
    guard case .perform(.step(.sendBack(let reason), on: id))? = send.effects.first else {
      return XCTFail("F5 names the step: \(send.effects)")
    }
    XCTAssertEqual(reason, "材料不全")
    // Another reviewer (a supervisor) approves it before the step reaches the store.
    try store.perform(CatalogChangeCommand.approve(note: ""), on: id, as: try staff("zhangmin"))
    let answer = run(&pane, send, ctx)
    guard case .toast(let toast) = answer else { return XCTFail("a refusal is said") }
    XCTAssertEqual(toast.kind, .error)
    XCTAssertTrue(toast.text.contains("屏幕已更新"), toast.text)
    guard case .form(let form, .sendBack)? = pane.overlay else {
      return XCTFail("the form comes back: \(String(describing: pane.overlay))")
    }
    XCTAssertEqual(form["note"], "材料不全", "nothing typed is lost")
    XCTAssertEqual(form.message, toast.text)
    XCTAssertEqual(pane.shownChange?.stage, .approved, "the change is read again")
  }

  func testASearchNamesTheWordsAndTheItemsComeFromTheirAnswer() throws {
    let ctx = makeContext(staff: try staff("zhaolei"))
    var pane = CatalogPane(service: store)
    _ = run(&pane, pane.start(ctx), ctx)
    let all = pane.items.count
    _ = pane.update(.char("/"), ctx)
    let typed = pane.update(.char("养"), ctx)
    guard case .refilter("养")? = typed.effects.first else {
      return XCTFail("typing names the search: \(typed.effects)")
    }
    XCTAssertEqual(pane.items.count, all, "the table changes only with the answer")
    _ = pane.receive(.refiltered(.failure(Refusal("数据库忙"))), ctx)
    XCTAssertEqual(pane.loadProblem, "搜索失败: 数据库忙")
    _ = run(&pane, pane.update(.char("老"), ctx), ctx)
    XCTAssertNil(pane.loadProblem)
    XCTAssertEqual(pane.items.count, 3)
  }
}
