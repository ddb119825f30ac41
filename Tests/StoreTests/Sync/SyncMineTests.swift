import Foundation
import XCTest

@testable import Domain
@testable import Store

/// A township's 认领 of a rectification case syncs to the district as the case's own
/// `case.assigned` event, judged there by the same availability: the district's projection
/// names the assignee, so the case is in the township clerk's 我的 on both nodes.
extension SyncRectificationExtensionTests {
  func testATownshipsClaimIsInTheClerksMineAtTheDistrict() throws {
    world.clock.advance()
    let (_, caseID) = try world.district.registerRating(
      RatingInput(
        channel: .phone, itemCode: "WX-YL-001", itemName: "城乡居民养老保险参保登记", organisation: "WXZ",
        level: .veryDissatisfied, comment: "窗口无人", realName: false),
      by: try world.district.demoStaff("chenjing"))
    let id = try XCTUnwrap(caseID)
    _ = try world.deliver(try world.export(world.district, to: "WXZ"), to: township)
    let zhengtao = try township.demoStaff("zhengtao")
    XCTAssertFalse(try world.district.myRectifications(for: zhengtao).contains { $0.id == id })
    world.clock.advance()
    try township.performWork(.claim, on: id, of: RectificationMachine.self, as: zhengtao)
    XCTAssertTrue(try township.myRectifications(for: zhengtao).contains { $0.id == id })
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    XCTAssertEqual(summary.held, 0)
    XCTAssertEqual(try world.district.openConflicts(), [])
    XCTAssertEqual(
      try world.district.db.fetchOne("SELECT assignee FROM rectification WHERE id = ?", [id]) {
        $0.optionalText(0)
      }, "zhengtao")
    XCTAssertTrue(try world.district.myRectifications(for: zhengtao).contains { $0.id == id })
    XCTAssertEqual(try world.district.myRectificationCount(for: zhengtao), 1)
  }
}
