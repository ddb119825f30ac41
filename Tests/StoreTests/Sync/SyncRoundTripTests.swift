import Foundation
import XCTest

@testable import Domain
@testable import Store

final class SyncRoundTripTests: XCTestCase {
  func testEnrolmentMakesATownshipWithTheDistrictsSharedData() throws {
    let world = try SyncWorld()
    let township = try world.enrol("WXZ", name: "王岘镇")
    XCTAssertEqual(township.node.code, "WXZ")
    XCTAssertEqual(township.node.district, "BYQ")
    XCTAssertFalse(township.node.isDistrict)
    XCTAssertTrue(township.node.training)
    XCTAssertEqual(try township.allStaff(), try world.district.allStaff())
    XCTAssertEqual(try township.organisations(), try world.district.organisations())
    XCTAssertEqual(township.calendar.loadedYears, world.district.calendar.loadedYears)
    XCTAssertEqual(try township.projectionDump(), try world.district.projectionDump())
    XCTAssertTrue(try township.verifyAudit().isIntact)
    XCTAssertEqual(try township.syncPeers().map(\.name), ["白银区政务服务中心"])
  }

  func testCasesFlowBothWaysAndATownshipNeverReceivesAnothersCases() throws {
    let world = try SyncWorld()
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    let s = try world.enrol("SLZ", name: "四龙镇")
    let forW = try world.open(at: d, org: "WXZ", title: "派给王岘镇")
    let forS = try world.open(at: d, org: "SLZ", title: "派给四龙镇")
    let central = try world.open(at: d, org: "ZWZX", title: "区中心自办")
    let ownW = try world.open(at: w, org: "WXZ", title: "王岘镇自办")
    let ownS = try world.open(at: s, org: "SLZ", title: "四龙镇自办")
    try world.sync(d, w)
    try world.sync(d, s)
    try world.sync(d, w)
    XCTAssertEqual(try world.probe(w, forW)?.title, "派给王岘镇")
    XCTAssertEqual(try world.probe(d, ownW)?.title, "王岘镇自办")
    XCTAssertEqual(try world.probe(d, ownS)?.title, "四龙镇自办")
    XCTAssertEqual(try world.probe(s, forS)?.title, "派给四龙镇")
    let wStreams = try w.journalStreams()
    let sStreams = try s.journalStreams()
    for foreign in [forS, central, ownS] { XCTAssertFalse(wStreams.contains(foreign), foreign) }
    for foreign in [forW, central, ownW] { XCTAssertFalse(sStreams.contains(foreign), foreign) }
    for store in [d, w, s] { XCTAssertTrue(try store.verifyAudit().isIntact) }
    // The townships hold the district's chain with the other cases as hash-only ranges.
    XCTAssertGreaterThan(try w.db.fetchInt("SELECT count(*) FROM chain_elided"), 0)
  }

  func testACaseComingIntoScopeArrivesWithItsHistory() throws {
    let world = try SyncWorld()
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    let probe = try world.open(at: d, org: "ZWZX", title: "先由区中心受理")
    try world.act(at: d, probe, .probeExtended, ProbeDays(days: 5))
    try world.sync(d, w)
    XCTAssertNil(try world.probe(w, probe))
    try world.act(at: d, probe, .probeAssigned, ProbeOrg(org: "WXZ"))
    try world.sync(d, w)
    XCTAssertEqual(try world.probe(w, probe), try world.probe(d, probe))
    XCTAssertEqual(try world.probe(w, probe)?.limitDays, 15)
    XCTAssertTrue(try w.verifyAudit().isIntact)
    try world.act(at: w, probe, .probeConcluded, NoPayload())
    try world.sync(w, d)
    XCTAssertEqual(try world.probe(d, probe)?.concluded, true)
  }

  func testCasesOfAnOrganisationGivenToTheNodeArriveWithTheirHistory() throws {
    let world = try SyncWorld()
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    let street = try world.open(at: d, org: "RMLJD", title: "人民路街道的事项")
    try world.sync(d, w)
    XCTAssertNil(try world.probe(w, street))
    let org = try XCTUnwrap(try d.organisations().first { $0.code == "RMLJD" })
    var moved = org
    moved.node = "WXZ"
    try d.defineOrganisation(moved, position: 14, actor: "tester")
    try world.sync(d, w)
    XCTAssertEqual(try world.probe(w, street), try world.probe(d, street))
    XCTAssertEqual(try d.projectionDump(), try w.projectionDump())
    XCTAssertTrue(try w.verifyAudit().isIntact)
  }

  func testNodeLocalSettingsNeverLeaveAndTownshipsCannotWriteSharedData() throws {
    let world = try SyncWorld()
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    try w.write(actor: "tester") { tx in
      try tx.append([
        EventDraft(
          stream: "nodesetting/printer", type: "nodesetting.changed",
          body: SettingValue(value: "HP-2"))
      ])
    }
    XCTAssertEqual(try w.events(stream: "nodesetting/printer").map(\.origin), ["WXZ.1.local"])
    XCTAssertThrowsError(
      try w.write(actor: "tester") { tx in
        try tx.append([
          EventDraft(stream: "setting/x", type: .settingChanged, body: SettingValue(value: "1"))
        ])
      }
    ) { XCTAssertTrue(($0 as? Refusal)?.message.contains("由区级节点统一维护") ?? false, "\($0)") }
    try world.act(at: d, "setting/notice", .settingChanged, SettingValue(value: "元旦放假"))
    try world.sync(w, d)
    XCTAssertFalse(try d.journalStreams().contains("nodesetting/printer"))
    XCTAssertEqual(
      try w.db.fetchOne("SELECT value FROM setting WHERE key = 'notice'") { $0.text(0) }, "元旦放假")
    for store in [d, w] { XCTAssertTrue(try store.verifyAudit().isIntact) }
  }

  func testExportRefusesAnExistingFileAndAnUnknownPeer() throws {
    let world = try SyncWorld()
    let existing = world.path("exists.zwfb")
    try "x".write(toFile: existing, atomically: true, encoding: .utf8)
    _ = try world.enrol("WXZ", name: "王岘镇")
    XCTAssertThrowsError(
      try world.district.exportBundle(to: "WXZ", path: existing, by: world.admin)
    ) {
      XCTAssertEqual(
        $0 as? FileProblem, .exists(path: existing, suggestion: world.path("exists-2.zwfb")))
    }
    XCTAssertThrowsError(
      try world.district.exportBundle(to: "QQQ", path: world.path("q.zwfb"), by: world.admin)
    ) { XCTAssertTrue(($0 as? Refusal)?.message.contains("节点 QQQ 未登记") ?? false, "\($0)") }
    let clerk = try XCTUnwrap(try world.district.staff(login: "liuyang"))
    XCTAssertThrowsError(
      try world.district.exportBundle(to: "WXZ", path: world.path("c.zwfb"), by: clerk)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "刘洋没有系统管理角色,不能导出同步文件") }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: world.dir.path).filter {
        $0.contains(".tmp-")
      }, [])
  }
}
