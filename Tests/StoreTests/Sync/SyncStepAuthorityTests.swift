import Foundation
import XCTest

@testable import Domain
@testable import Store

/// A township's step on an application is authorised at the district exactly as the same step
/// written there: the actor needs the step's role and, where the step says so, the case's
/// organisation, as they stood when the step was written.
final class SyncStepAuthorityTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!

  override func setUpWithError() throws {
    world = try SyncWorld()
    township = try world.enrol("WXZ", name: "王岘镇")
  }

  /// A case of 区市场监督管理局 taken in at the township's window by its own clerk 周强: the
  /// township opened it, so it is in the township's scope.
  func registered() throws -> String {
    world.clock.advance()
    let a = try township.registerWalkIn(by: try township.demoStaff("zhouqiang"))
    return a.caseID
  }

  /// Writes a 决定 into the township's chain in `actor`'s name, as a script would.
  func forgeDecision(on caseID: String, actor: String) throws {
    world.clock.advance()
    let w = township!
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: ApplicationMachine.stream(caseID), type: .applicationDecided,
            body: DecisionPayload(decision: .approved, reason: "符合条件"))
        ], origin: w.node.origin, node: "WXZ", actor: actor, timestamp: ms, db: w.db)
    }
  }

  func deliver() throws -> (ImportSummary, [ConflictRecord]) {
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    return (summary, try world.district.openConflicts())
  }

  func testAHandlerOfAnotherOrganisationDecidingIsHeld() throws {
    let caseID = try registered()
    try forgeDecision(on: caseID, actor: "zhengtao")  // 郑涛, handler of 王岘镇
    let (summary, conflicts) = try deliver()
    XCTAssertEqual(summary.held, 1)
    XCTAssertEqual(
      conflicts.map(\.message), ["未采纳: 只有区市场监督管理局的工作人员可以作出准予或不予准予决定"])
    XCTAssertNil(try world.district.application(caseID: caseID)?.decision, "not applied")
    XCTAssertEqual(try world.district.auditFindings(), [])
  }

  func testACounterClerkDecidingIsHeld() throws {
    let caseID = try registered()
    try forgeDecision(on: caseID, actor: "liuyang")  // 刘洋, counter clerk of the centre
    let (summary, conflicts) = try deliver()
    XCTAssertEqual(summary.held, 1)
    XCTAssertEqual(conflicts.first?.message.hasPrefix("未采纳: 刘洋没有"), true, "\(conflicts)")
    XCTAssertNil(try world.district.application(caseID: caseID)?.decision)
  }

  func testTheCasesOwnHandlersStepsApply() throws {
    let caseID = try registered()
    let zhou = try township.demoStaff("zhouqiang")
    world.clock.advance()
    _ = try township.perform(ApplicationCommand.accept, on: caseID, as: zhou)
    world.clock.advance()
    _ = try township.perform(ApplicationCommand.startReview(opinion: "材料齐全"), on: caseID, as: zhou)
    let (summary, conflicts) = try deliver()
    XCTAssertEqual(summary.held, 0)
    XCTAssertEqual(conflicts, [])
    XCTAssertEqual(
      try world.district.application(caseID: caseID)?.status,
      try township.application(caseID: caseID)?.status)
    XCTAssertEqual(try world.district.auditFindings(), [])
  }
}
