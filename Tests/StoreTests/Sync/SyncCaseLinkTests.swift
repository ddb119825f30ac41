import Foundation
import XCTest

@testable import Domain
@testable import Store

/// 关联 added at a township syncs to the district and shows there from both ends; a link
/// forged in the name of a clerk of another organisation is held by the sync authority rule.
final class SyncCaseLinkTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!

  override func setUpWithError() throws {
    world = try SyncWorld()
    township = try world.enrol("WXZ", name: "王岘镇")
  }

  /// Two complaints dispatched to the township: the one to link from and the one to link to.
  func dispatchedToTheTownship() throws -> (String, String) {
    let ids = try world.complaintsDispatched(
      to: township, subjects: ["村口垃圾堆积", "垃圾清运车噪声扰民"])
    return (ids[0], ids[1])
  }

  func testATownshipsLinkShowsAtTheDistrictFromBothEnds() throws {
    let (first, second) = try dispatchedToTheTownship()
    let zhengtao = try township.demoStaff("zhengtao")
    world.clock.advance()
    try township.performWork(
      .link(to: second, reason: "同一垃圾站"), on: first, of: ComplaintMachine.self, as: zhengtao)
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 0)
    XCTAssertEqual(try world.district.openConflicts(), [])
    let chenjing = try world.district.demoStaff("chenjing")
    XCTAssertEqual(
      try world.district.relatedCases(of: .complaint, second, for: chenjing).linked.map(\.caseID),
      [first])
    XCTAssertEqual(
      try world.district.relatedCases(of: .complaint, first, for: chenjing).linked.map(\.caseID),
      [second])
  }

  func testALinkForgedInAnotherOrganisationsNameIsHeld() throws {
    let (first, second) = try dispatchedToTheTownship()
    world.clock.advance()
    let w = township!
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: ComplaintMachine.stream(first), type: .caseLinked,
            body: CaseLinkPayload(caseID: second, kind: "complaint", reason: "伪造"))
        ], origin: w.node.origin, node: "WXZ", actor: "zhouqiang", timestamp: ms, db: w.db)
    }
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 1)
    XCTAssertEqual(
      try world.district.openConflicts().map(\.message), ["未采纳: 只有王岘镇的工作人员可以关联案件"])
    let chenjing = try world.district.demoStaff("chenjing")
    XCTAssertEqual(
      try world.district.relatedCases(of: .complaint, second, for: chenjing).linked, [])
  }
}
