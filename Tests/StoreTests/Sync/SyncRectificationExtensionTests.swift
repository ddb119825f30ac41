import Foundation
import XCTest

@testable import Domain
@testable import Store

/// 整改延期 across nodes (第三十七条): a township's handler applies, the district's supervisor
/// decides; a decision written at the township by someone who may not decide is held at the
/// district, and `audit verify` names it.
final class SyncRectificationExtensionTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!

  override func setUpWithError() throws {
    world = try SyncWorld()
    township = try world.enrol("WXZ", name: "王岘镇")
  }

  /// A bad review of 王岘镇 registered at the district, verified complex by the township and
  /// applied for there; the application reaches the district.
  func appliedAtTheTownship() throws -> String {
    world.clock.advance()
    let chenjing = try world.district.demoStaff("chenjing")
    let (_, caseID) = try world.district.registerRating(
      RatingInput(
        channel: .phone, itemCode: "WX-YL-001", itemName: "城乡居民养老保险参保登记", organisation: "WXZ",
        level: .dissatisfied, comment: "材料反复退回", realName: true, reviewerName: "李某",
        reviewerPhone: "13912340000"), by: chenjing)
    let id = try XCTUnwrap(caseID)
    try world.deliver(try world.export(world.district, to: "WXZ"), to: township)
    let zhengtao = try township.demoStaff("zhengtao")
    world.clock.advance()
    try township.perform(
      RectificationCommand.verify(contact: .phone, findings: "属实,需调整流程", track: .complex),
      on: id, as: zhengtao)
    world.clock.advance()
    try township.perform(
      RectificationCommand.requestExtension(days: 3, reason: "需县级系统调整", toldVia: .phone),
      on: id, as: zhengtao)
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 0)
    return id
  }

  func testTheDistrictApprovesATownshipsApplication() throws {
    let id = try appliedAtTheTownship()
    let before = try XCTUnwrap(try world.district.caseState(RectificationMachine.self, id))
    XCTAssertEqual(before.extensionRequest?.isPending, true)
    let due = try XCTUnwrap(before.due(world.district.calendar))
    world.clock.advance()
    try world.district.perform(
      RectificationCommand.decideExtension(approved: true, opinion: "同意"), on: id,
      as: try world.district.demoStaff("chenjing"))
    try world.deliver(try world.export(world.district, to: "WXZ"), to: township)
    let after = try XCTUnwrap(try township.caseState(RectificationMachine.self, id))
    XCTAssertEqual(
      after.due(township.calendar), township.calendar.deadline(receivedAt: due, workingDays: 3))
    XCTAssertEqual(after.extensions, 1)
    XCTAssertEqual(try world.district.auditFindings().map(\.message), [])
  }

  func testADecisionWrittenAtTheTownshipByAHandlerIsHeldAndNamed() throws {
    let id = try appliedAtTheTownship()
    world.clock.advance()
    let w = township!
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: RectificationMachine.stream(id), type: .rectificationExtensionDecided,
            body: RectificationExtensionDecided(
              approved: true, opinion: "自己批", newDue: CivilDate(iso: "2027-01-29")))
        ], origin: w.node.origin, node: "WXZ", actor: "zhengtao", timestamp: ms, db: w.db)
    }
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 1)
    XCTAssertEqual(
      try world.district.openConflicts().map(\.message), ["未采纳: 郑涛没有督办角色,不能审批整改延期"])
    let s = try XCTUnwrap(try world.district.caseState(RectificationMachine.self, id))
    XCTAssertEqual(s.extensionRequest?.isPending, true, "the deadline in force stands")
    XCTAssertEqual(s.extensions, 0)
    // The township's own verify names it too (it holds the forged event in its own chain).
    XCTAssertTrue(
      try w.auditFindings().map(\.message).contains { $0.contains("郑涛没有督办角色,不能审批整改延期") })
  }
}
