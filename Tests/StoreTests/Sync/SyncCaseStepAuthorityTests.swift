import Foundation
import XCTest

@testable import Domain
@testable import Store

/// A township's step on a complaint, a rectification or a 督办 is judged at the district as the
/// same step written there (`CaseMachine.availability` on the case as its earlier events left
/// it), not only for "any case role".
final class SyncCaseStepAuthorityTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!

  override func setUpWithError() throws {
    world = try SyncWorld()
    township = try world.enrol("WXZ", name: "王岘镇")
  }

  /// A complaint registered at the district and dispatched to 王岘镇, then sent to the township.
  func dispatchedToTheTownship() throws -> String {
    try world.complaintsDispatched(to: township)[0]
  }

  /// Writes a 办结 into the township's chain in `actor`'s name, as a script would.
  func forgeConclusion(on id: String, actor: String) throws {
    world.clock.advance()
    let w = township!
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: ComplaintMachine.stream(id), type: .complaintConcluded,
            body: ComplaintConclusionPayload(kind: .resolved, text: "已清运"))
        ], origin: w.node.origin, node: "WXZ", actor: actor, timestamp: ms, db: w.db)
    }
  }

  func testAConclusionByAHandlerOfAnotherOrganisationIsHeldNotApplied() throws {
    let id = try dispatchedToTheTownship()
    try forgeConclusion(on: id, actor: "zhouqiang")  // 周强, handler of 区市场监督管理局
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 1)
    XCTAssertEqual(
      try world.district.openConflicts().map(\.message), ["未采纳: 只有王岘镇的工作人员可以办结投诉建议"])
    XCTAssertEqual(
      try world.district.caseState(ComplaintMachine.self, id)?.status, .handling, "not applied")
  }

  func testTheHandlingOrganisationsConclusionApplies() throws {
    let id = try dispatchedToTheTownship()
    let zhengtao = try township.demoStaff("zhengtao")
    world.clock.advance()
    try township.perform(
      ComplaintCommand.conclude(.resolved, text: "已清运"), on: id, as: zhengtao)
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 0)
    XCTAssertEqual(try world.district.openConflicts(), [])
    XCTAssertEqual(try world.district.caseState(ComplaintMachine.self, id)?.status, .concluded)
  }

  func testAStepTheCasesStateDidNotOfferIsHeld() throws {
    let id = try dispatchedToTheTownship()
    // 郑涛 of 王岘镇 may return a dispatched case, but not once its window has passed.
    world.clock.advance(5 * 86_400)
    let w = township!
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: ComplaintMachine.stream(id), type: .complaintReturned,
            body: ComplaintText(text: "不属本镇"))
        ], origin: w.node.origin, node: "WXZ", actor: "zhengtao", timestamp: ms, db: w.db)
    }
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 1)
    XCTAssertTrue(
      try world.district.openConflicts().first?.message.contains("已过退回期限") ?? false)
  }
}
