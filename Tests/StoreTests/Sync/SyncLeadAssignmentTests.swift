import Foundation
import XCTest

@testable import Domain
@testable import Store

/// The organisation lead's designation (a staff event of the district) reaches the township;
/// the lead's assignment there syncs back and applies; one forged in the name of another
/// organisation's lead is held by the sync authority rule.
final class SyncLeadAssignmentTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!

  override func setUpWithError() throws {
    world = try SyncWorld()
    township = try world.enrol("WXZ", name: "王岘镇")
  }

  /// A complaint dispatched to the township, a second handler there, and 郑涛 its lead.
  func dispatchedWithALead() throws -> String {
    world.clock.advance()
    let admin = world.admin
    try world.district.addStaff(
      Staff(login: "lixia", name: "李霞", org: "WXZ", roles: [.handler]), by: admin)
    try world.district.changeRoles(login: "zhengtao", to: [.handler, .lead], by: admin)
    try world.district.changeRoles(login: "huangmei", to: [.handler, .lead], by: admin)
    return try world.complaintsDispatched(to: township)[0]
  }

  func testTheTownshipLeadsAssignmentAppliesAtTheDistrict() throws {
    let id = try dispatchedWithALead()
    let lead = try township.demoStaff("zhengtao")
    XCTAssertTrue(lead.has(.lead), "the designation synced")
    world.clock.advance()
    try township.performWork(.assign(to: "lixia"), on: id, of: ComplaintMachine.self, as: lead)
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 0)
    XCTAssertEqual(try world.district.openConflicts(), [])
    XCTAssertEqual(
      try world.district.caseState(ComplaintMachine.self, id)?.work.assignee, "lixia")
  }

  func testAnAssignmentForgedInAnotherOrganisationsLeadsNameIsHeld() throws {
    let id = try dispatchedWithALead()
    world.clock.advance()
    let w = township!
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: ComplaintMachine.stream(id), type: .caseAssigned,
            body: CaseAssignmentPayload(assignee: "lixia"))
        ], origin: w.node.origin, node: "WXZ", actor: "huangmei", timestamp: ms, db: w.db)
    }
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 1)
    XCTAssertEqual(
      try world.district.openConflicts().map(\.message), ["未采纳: 只有王岘镇的工作人员可以指派经办人"])
    XCTAssertNil(try world.district.caseState(ComplaintMachine.self, id)?.work.assignee)
  }
}
