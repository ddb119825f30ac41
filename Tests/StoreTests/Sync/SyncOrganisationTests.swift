import Domain
import Foundation
import XCTest

@testable import Store

/// Organisations are shared data: the district adds, renames and disables them, the townships
/// receive each change in the next bundle and cannot make one of their own.
final class SyncOrganisationTests: XCTestCase {
  func testOrganisationChangesReachATownshipWhichCannotMakeTheirOwn() throws {
    let world = try SyncWorld()
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    try d.addOrganisation(
      Organisation(code: "GXJ", name: "区工信局", kind: .department), by: world.admin)
    try d.addOrganisation(
      Organisation(code: "GXJS1", name: "中小企业服务站", kind: .department, parent: "GXJ"),
      by: world.admin)
    try d.renameOrganisation("GXJS1", to: "区中小企业服务中心", by: world.admin)
    try d.setOrganisationDisabled("GXJS1", true, by: world.admin)
    try world.sync(d, w)
    XCTAssertEqual(try w.organisations(), try d.organisations())
    let station = try XCTUnwrap(try w.organisation("GXJS1"))
    XCTAssertEqual(station.name, "区中小企业服务中心")
    XCTAssertEqual(station.parent, "GXJ")
    XCTAssertTrue(station.disabled)
    XCTAssertEqual(try d.projectionDump(), try w.projectionDump())

    XCTAssertThrowsError(
      try w.addOrganisation(
        Organisation(code: "WXZS1", name: "王岘镇某站", kind: .department), by: world.admin)
    ) { XCTAssertTrue(($0 as? Refusal)?.message.contains("由区级节点统一维护") ?? false, "\($0)") }
    // A rebuild from the journal gives the same organisations.
    try w.rebuild()
    XCTAssertEqual(try w.organisations(), try d.organisations())
  }
}
