import Foundation
import XCTest

@testable import Domain
@testable import Store

/// A township's 备注 and 认领 sync to the district and are judged there by the shared
/// availability on the case as its earlier events left it: the handling organisation's apply, a
/// claim in another organisation's name is held.
final class SyncCaseWorkAuthorityTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!

  override func setUpWithError() throws {
    world = try SyncWorld()
    township = try world.enrol("WXZ", name: "王岘镇")
  }

  func dispatchedToTheTownship() throws -> String {
    try world.complaintsDispatched(to: township)[0]
  }

  func testTheTownshipsNoteAndClaimApplyAtTheDistrict() throws {
    let id = try dispatchedToTheTownship()
    let zhengtao = try township.demoStaff("zhengtao")
    world.clock.advance()
    try township.performWork(
      .note(.visit, text: "走访村委会,约定周五清运"), on: id, of: ComplaintMachine.self, as: zhengtao)
    try township.performWork(.claim, on: id, of: ComplaintMachine.self, as: zhengtao)
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 0)
    XCTAssertEqual(try world.district.openConflicts(), [])
    let c = try XCTUnwrap(try world.district.caseState(ComplaintMachine.self, id))
    XCTAssertEqual(c.work.notes.map(\.text), ["走访村委会,约定周五清运"])
    XCTAssertEqual(c.handler, "zhengtao")
  }

  func testAClaimInAnotherOrganisationsNameIsHeld() throws {
    let id = try dispatchedToTheTownship()
    world.clock.advance()
    let w = township!
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: ComplaintMachine.stream(id), type: .caseAssigned,
            body: CaseAssignmentPayload(assignee: "zhouqiang"))
        ], origin: w.node.origin, node: "WXZ", actor: "zhouqiang", timestamp: ms, db: w.db)
    }
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 1)
    XCTAssertEqual(
      try world.district.openConflicts().map(\.message), ["未采纳: 只有王岘镇的工作人员可以认领案件"])
    XCTAssertNil(try world.district.caseState(ComplaintMachine.self, id)?.handler)
  }
}
