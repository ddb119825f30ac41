import Domain
import Foundation
import XCTest

@testable import Store

/// Organisations' 统一社会信用代码 and nodes' 行政区划代码: events, checked, synced, kept by rebuilds.
final class NationalIdentityStoreTests: XCTestCase {
  func testEveryDemoOrganisationHasAValidCodeAndTheDistrictItsRegion() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let records = try store.organisationRecords()
    XCTAssertEqual(records.count, 20)
    for o in records {
      let code = try XCTUnwrap(o.creditCode, o.code)
      XCTAssertNil(CreditCode.validate(code), "\(o.code) \(code)")
      XCTAssertTrue(code.dropFirst(2).hasPrefix("620402"), code)
    }
    XCTAssertEqual(Set(records.compactMap(\.creditCode)).count, records.count, "codes unique")
    XCTAssertEqual(store.node.region, "620402")
  }

  func testSetCreditCodeIsCheckedAndKeptAcrossRedefinitions() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let admin = try store.demoStaff("zhangmin")
    XCTAssertThrowsError(
      try store.setOrganisationCreditCode("SCJG", "91350100M000100Y44", by: admin)
    ) {
      XCTAssertEqual(CLIText.of($0), "统一社会信用代码校验位错误:校验码应为「3」")
    }
    let zwzx = try XCTUnwrap(try store.organisationRecord("ZWZX")?.creditCode)
    XCTAssertThrowsError(try store.setOrganisationCreditCode("SCJG", zwzx, by: admin)) {
      XCTAssertEqual(CLIText.of($0), "统一社会信用代码 \(zwzx) 已是单位「区政务服务中心」(ZWZX)的代码")
    }
    XCTAssertThrowsError(
      try store.setOrganisationCreditCode(
        "SCJG", "91350100M000100Y43", by: try store.demoStaff("liuyang")))
    let before = try store.eventCount()
    try store.setOrganisationCreditCode("SCJG", " 91350100m000100y43 ", by: admin)
    XCTAssertEqual(try store.eventCount(), before + 1)
    XCTAssertEqual(try store.organisationRecord("SCJG")?.creditCode, "91350100M000100Y43")
    // A later redefinition (contact, enrolment) keeps the code.
    try store.setOrganisationContact(
      "SCJG", fullName: nil, address: "白银区人民路1号", phone: nil, by: admin)
    XCTAssertEqual(try store.organisationRecord("SCJG")?.creditCode, "91350100M000100Y43")
    try store.rebuild()
    XCTAssertEqual(try store.organisationRecord("SCJG")?.creditCode, "91350100M000100Y43")
  }

  func testAddWithCreditCodeIsOneTransaction() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let admin = try store.demoStaff("zhangmin")
    let before = try store.eventCount()
    XCTAssertThrowsError(
      try store.addOrganisation(
        Organisation(
          code: "TJJ", name: "区统计局", kind: .department, creditCode: "11620402MB0000001A"),
        by: admin))
    XCTAssertEqual(try store.eventCount(), before, "nothing of a refused add is written")
    XCTAssertNil(try store.organisation("TJJ"))
    try store.addOrganisation(
      Organisation(code: "TJJ", name: "区统计局", kind: .department, creditCode: "91350100M000100Y43"),
      by: admin)
    XCTAssertEqual(try store.organisationRecord("TJJ")?.creditCode, "91350100M000100Y43")
  }

  func testTownshipRegionTravelsInItsEnrolmentAndCodesSync() throws {
    let world = try SyncWorld()
    defer { try? FileManager.default.removeItem(at: world.dir) }
    XCTAssertThrowsError(
      try world.district.enrolNode(
        code: "WXZ", name: "王岘镇", organisations: ["WXZ"], region: "620403101",
        path: world.newBundlePath("bad"), by: world.admin)
    ) { XCTAssertEqual(CLIText.of($0), "乡镇(街道)行政区划代码应以本区的代码 620402 开头") }
    let file = world.newBundlePath("enrol")
    _ = try world.district.enrolNode(
      code: "WXZ", name: "王岘镇", organisations: ["WXZ"], region: "620402101", path: file,
      by: world.admin)
    let clock = world.clock
    let (township, _) = try Store.createFromEnrolment(
      path: world.path("WXZ.db"), enrolment: file, clock: { clock.now }, actor: "tester")
    XCTAssertEqual(township.node.region, "620402101")
    let reopened = try Store.open(path: world.path("WXZ.db"))
    XCTAssertEqual(reopened.node.region, "620402101", "from the genesis event")
    XCTAssertEqual(try township.organisationRecord("WXZ")?.creditCode, "11620402MB1592633Q")
    world.clock.advance()
    try world.district.setOrganisationCreditCode("WXZ", "91350100M000100Y43", by: world.admin)
    try world.deliver(try world.export(world.district, to: "WXZ"), to: township)
    XCTAssertEqual(try township.organisationRecord("WXZ")?.creditCode, "91350100M000100Y43")
  }
}
