import XCTest

@testable import Domain

final class SyncScopeTests: XCTestCase {
  func testSharedLocalAndCaseKinds() {
    for stream in ["org/WXZ", "staff/zhangmin", "calendar/2026", "setting/x", "peer/WXZ"] {
      XCTAssertTrue(SyncScope.isDistrictOnly(stream: stream), stream)
      XCTAssertFalse(SyncScope.isCase(stream: stream), stream)
    }
    XCTAssertTrue(
      SyncScope.districtOnlyKinds.isSuperset(of: ["catalog", "catalogchange", "listadj", "rule"]))
    XCTAssertTrue(SyncScope.isLocalOnly(stream: "nodesetting/printer"))
    XCTAssertFalse(SyncScope.isCase(stream: "nodesetting/printer"))
    XCTAssertTrue(SyncScope.isCase(stream: "complaint/BYQ-2026-000001"))
    XCTAssertTrue(SyncScope.districtOnlyKinds.isDisjoint(with: SyncScope.localOnlyKinds))
  }

  func testEarlierEpochsOfANode() {
    XCTAssertEqual(SyncScope.epoch(ofOrigin: "WXZ.12"), 12)
    XCTAssertNil(SyncScope.epoch(ofOrigin: "WXZ.1.local"))
    XCTAssertTrue(SyncScope.isEarlierEpoch("WXZ.1", of: "WXZ", before: 2))
    XCTAssertFalse(SyncScope.isEarlierEpoch("WXZ.2", of: "WXZ", before: 2))
    XCTAssertFalse(SyncScope.isEarlierEpoch("SLZ.1", of: "WXZ", before: 2))
    XCTAssertFalse(SyncScope.isEarlierEpoch("WXZ.1.local", of: "WXZ", before: 2))
  }

  func testOriginsAreNodeCodeDotEpoch() {
    XCTAssertEqual(SyncScope.node(ofOrigin: "BYQ.1"), "BYQ")
    XCTAssertEqual(SyncScope.node(ofOrigin: "WXZ.12"), "WXZ")
    for bad in ["BYQ", "BYQ.0", "byq.1", "BYQ.1.local", ".1", "BYQ.", "BYQ.x", "B.1", "BYQ.-1"] {
      XCTAssertNil(SyncScope.node(ofOrigin: bad), bad)
    }
    let node = NodeIdentity(code: "WXZ", name: "王岘镇", district: "BYQ", isDistrict: false, epoch: 2)
    XCTAssertEqual(node.origin, "WXZ.2")
    XCTAssertEqual(node.localOrigin, "WXZ.2.local")
    XCTAssertNil(SyncScope.node(ofOrigin: node.localOrigin))
  }

  func testEnrolmentChecks() {
    XCTAssertNil(NodeEnrolment.checkCode("CGZ"))
    XCTAssertEqual(NodeEnrolment.checkCode("cgz")?.message, "节点代码应为2至8位大写字母或数字")
    XCTAssertNotNil(NodeEnrolment.checkCode("ABCDEFGHI"))
    XCTAssertNil(NodeEnrolment.checkName("城关镇"))
    XCTAssertEqual(NodeEnrolment.checkName("  ")?.message, "「节点名称」不能为空")
  }

  func testSyncActionsAndTheirRoles() {
    XCTAssertEqual(Action.exportBundle.roles, [.admin])
    XCTAssertEqual(Action.importBundle.roles, [.admin])
    XCTAssertEqual(Action.enrolNode.roles, [.admin])
    XCTAssertEqual(Action.resolveConflict.roles, [.supervisor])
  }
}
