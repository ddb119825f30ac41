import Domain
import Foundation
import XCTest

@testable import Store

/// Guarantee 3, continued: out-of-order delivery waits in quarantine; a history truncated or
/// rewritten on the other side since the last exchange is caught by the witnesses.
final class SyncGapAndWitnessTests: XCTestCase {
  func testOutOfOrderBundlesWaitInQuarantineUntilTheGapIsFilled() throws {
    let world = try SyncWorld()
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    try world.deliver(try world.export(w, to: "BYQ"), to: d)
    let first = try world.open(at: d, org: "WXZ", title: "第一件")
    let e1 = try world.export(d, to: "WXZ")
    // A second database of the same node that has not seen e1 yet (e1 is still on its way).
    let latePath = world.path("WXZ-late.db")
    try w.db.execute("VACUUM INTO '\(latePath)'")
    let late = try SyncWorld.open(latePath, clock: world.clock)
    try world.deliver(e1, to: w)
    try world.deliver(try world.export(w, to: "BYQ"), to: d)
    let second = try world.open(at: d, org: "WXZ", title: "第二件")
    let e2 = try world.export(d, to: "WXZ")
    try world.deliver(e2, to: w)

    let early = try world.deliver(e2, to: late)
    XCTAssertEqual(early.totalApplied, 0)
    XCTAssertEqual(early.quarantined, 1)
    let awaited = try XCTUnwrap(early.awaiting.first)
    XCTAssertEqual(awaited.origin, "BYQ.1")
    XCTAssertEqual(awaited.peer, "BYQ")
    XCTAssertEqual(awaited.waiting, 1)
    XCTAssertEqual(
      try late.db.fetchInt("SELECT last_seq FROM origin_head WHERE origin = 'BYQ.1'") + 1,
      Int(awaited.from))
    XCTAssertEqual(awaited.through, awaited.from)
    XCTAssertTrue(
      early.message.hasSuffix("没有可立即应用的新事件;等待 BYQ 发来 BYQ.1 第 \(awaited.from) 号事件(隔离区中 1 个)"),
      early.message)
    XCTAssertEqual(try late.syncOverview().awaiting, early.awaiting)
    XCTAssertNil(try world.probe(late, second))
    XCTAssertTrue(try late.verifyAudit().isIntact)
    let again = try world.deliver(e2, to: late)
    XCTAssertFalse(again.changed, again.message)

    let filled = try world.deliver(e1, to: late)
    XCTAssertEqual(filled.totalApplied, 2)
    XCTAssertEqual(filled.awaiting, [])
    XCTAssertNotNil(try world.probe(late, first))
    XCTAssertNotNil(try world.probe(late, second))
    XCTAssertEqual(try late.projectionDump(), try w.projectionDump())
    XCTAssertEqual(try late.db.fetchInt("SELECT count(*) FROM sync_quarantine"), 0)
    XCTAssertTrue(try late.verifyAudit().isIntact)
  }

  /// The township's history is cut back to a backup; each side notices at the next exchange.
  func makeRestoredTownship() throws -> (SyncWorld, Store, Store) {
    let world = try SyncWorld()
    let w = try world.enrol("WXZ", name: "王岘镇")
    try world.open(at: w, org: "WXZ", title: "甲")
    let backup = world.path("WXZ-backup.db")
    try w.db.execute("VACUUM INTO '\(backup)'")
    try world.open(at: w, org: "WXZ", title: "乙")
    try world.deliver(try world.export(w, to: "BYQ"), to: world.district)
    return (world, w, try SyncWorld.open(backup, clock: world.clock))
  }

  func testATruncatedHistoryIsCaughtByTheDistrictsWitness() throws {
    let (world, _, restored) = try makeRestoredTownship()
    let bundle = try world.export(world.district, to: "WXZ")
    XCTAssertThrowsError(try world.deliver(bundle, to: restored)) {
      XCTAssertEqual(
        $0 as? BundleProblem, .oursTruncated(peer: "BYQ", origin: "WXZ.1", seen: 2, held: 1))
      XCTAssertTrue(
        ($0 as? BundleProblem)?.userMessage.contains("本节点的事件日志被截断或从备份恢复") ?? false)
    }
    XCTAssertEqual(try restored.syncOverview().alarms.count, 1)
  }

  func testATruncatedHistoryIsCaughtByTheTownshipsOwnWitness() throws {
    let (world, _, restored) = try makeRestoredTownship()
    _ = try world.export(restored, to: "BYQ")
    let second = try world.export(restored, to: "BYQ")
    XCTAssertThrowsError(try world.deliver(second, to: world.district)) {
      XCTAssertEqual(
        $0 as? BundleProblem, .theirsTruncated(peer: "WXZ", origin: "WXZ.1", seen: 2, now: 1))
    }
    XCTAssertEqual(try world.district.syncOverview().alarms.count, 1)
  }

  func testARewrittenHistoryIsCaught() throws {
    let (world, _, restored) = try makeRestoredTownship()
    try world.open(at: restored, org: "WXZ", title: "丙")
    let first = try world.export(restored, to: "BYQ")
    XCTAssertThrowsError(try world.deliver(first, to: world.district)) {
      XCTAssertEqual($0 as? BundleProblem, .fork(peer: "WXZ", origin: "WXZ.1", seq: 2))
    }
    let second = try world.export(restored, to: "BYQ")
    XCTAssertThrowsError(try world.deliver(second, to: world.district)) {
      XCTAssertEqual($0 as? BundleProblem, .theirsRewritten(peer: "WXZ", origin: "WXZ.1", seq: 2))
    }
    XCTAssertEqual(try world.district.syncOverview().alarms.count, 2)
    XCTAssertEqual(try world.probe(world.district, "probe/WXZ-2026-000002")?.title, "乙")
  }
}
