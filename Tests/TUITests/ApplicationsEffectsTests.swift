import Domain
import Foundation
import Store
import XCTest

@testable import TUI

/// The 受理登记 pane's update is pure: a key names the read or the step, the store is reached
/// only when the workstation runs it, and a step refused because the case moved elsewhere keeps
/// its form and says where the case stands now.
final class ApplicationsEffectsTests: XCTestCase {
  func testAReviewRefusedAfterAWithdrawalElsewhereKeepsTheOpinionTyped() throws {
    let desk = try IntakeDesk()
    let id = try desk.register("张三", id: "620402199001010018", by: "zhouqiang")
    try desk.run(.accept, id, by: "zhouqiang")
    let ctx = try desk.context("zhouqiang")
    var pane = ApplicationsPane(service: desk.service)
    _ = EffectRunner.run(&pane, pane.start(ctx), ctx)
    let open = pane.openCase(id)
    XCTAssertEqual(open.effects.count, 1)
    XCTAssertNil(pane.view, "nothing is read before the workstation runs the effect")
    _ = EffectRunner.run(&pane, open, ctx)
    XCTAssertEqual(pane.mode, .detail(id))
    _ = pane.update(.char("s"), ctx)
    guard case .form(_, .review) = pane.layer else { return XCTFail("the review form opens") }
    for c in "材料齐全" { _ = pane.update(.char(c), ctx) }
    let submit = pane.update(.function(5), ctx)
    guard case .perform(.startReview(let opinion), let caseID)? = submit.effects.first else {
      return XCTFail("F5 names the step: \(submit.effects)")
    }
    XCTAssertEqual(opinion, "材料齐全")
    XCTAssertEqual(caseID, id)
    XCTAssertEqual(pane.view?.application.status, .accepted, "nothing done yet")
    // The applicant withdraws at another counter before the step reaches the store.
    try desk.run(.withdraw(reason: "申请人撤回"), id, by: "zhouqiang")
    let answer = EffectRunner.run(&pane, submit, ctx)
    guard case .toast(let toast) = answer else { return XCTFail("a refusal is said") }
    XCTAssertEqual(toast.kind, .error)
    XCTAssertTrue(toast.text.contains("已在别处办理"), toast.text)
    guard case .form(let f, .review) = pane.layer else { return XCTFail("the form stays") }
    XCTAssertEqual(f["opinion"], "材料齐全", "nothing typed is lost")
    XCTAssertEqual(f.message, toast.text)
    XCTAssertEqual(pane.view?.application.status, .withdrawn, "the case is read again")
  }

  func testMovingDownNamesTheNextPageOnlyAtTheLastRowRead() throws {
    let desk = try IntakeDesk()
    let ctx = try desk.context("liuyang")
    var pane = ApplicationsPane(service: desk.service)
    pane.paging.pageSize = 1
    _ = EffectRunner.run(&pane, pane.start(ctx), ctx)
    _ = EffectRunner.run(&pane, pane.update(.char("o"), ctx), ctx)
    XCTAssertEqual(pane.rows.count, 1)
    let more = pane.update(.down, ctx)
    guard case .more? = more.effects.first else { return XCTFail("the last row read: more") }
    XCTAssertEqual(pane.rows.count, 1, "the rows come with the answer")
    _ = EffectRunner.run(&pane, more, ctx)
    XCTAssertEqual(pane.rows.count, 2)
    XCTAssertTrue(pane.update(.up, ctx).effects.isEmpty, "not on the last row read: no read")
    _ = pane.receive(.more(.failure(Refusal("数据库忙"))), ctx)
    XCTAssertEqual(pane.loadError, "数据库忙", "a failed page is said, never a shorter list")
    XCTAssertEqual(pane.rows.count, 2)
  }
}
