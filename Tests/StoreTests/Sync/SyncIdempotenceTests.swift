import Domain
import Foundation
import XCTest

@testable import Store

/// Guarantee 2: the same bundle twice, an older one, or overlapping ones change nothing the
/// second time, and the message says so.
final class SyncIdempotenceTests: XCTestCase {
  func testTheSameBundleTwiceChangesNothingTheSecondTime() throws {
    let world = try SyncWorld()
    let w = try world.enrol("WXZ", name: "王岘镇")
    try world.open(at: world.district, org: "WXZ")
    let bundle = try world.export(world.district, to: "WXZ")
    let first = try world.deliver(bundle, to: w)
    XCTAssertTrue(first.changed)
    XCTAssertEqual(first.totalApplied, 1)
    XCTAssertEqual(first.casesTouched, 1)
    XCTAssertTrue(
      first.message.hasPrefix("已导入白银区政务服务中心(BYQ)的第 2 号同步文件: 新事件 1 个(BYQ.1 1)"), first.message)
    let before = try w.stateFingerprint()
    let second = try world.deliver(bundle, to: w)
    XCTAssertFalse(second.changed)
    XCTAssertEqual(second.message, "白银区政务服务中心(BYQ)的第 2 号同步文件此前已导入,本次未作任何更改")
    XCTAssertEqual(try w.stateFingerprint(), before)
  }

  func testAnOlderBundleChangesNothing() throws {
    let world = try SyncWorld()
    let w = try world.enrol("WXZ", name: "王岘镇")
    try world.open(at: world.district, org: "WXZ")
    let older = try world.export(world.district, to: "WXZ")
    try world.open(at: world.district, org: "WXZ")
    let newer = try world.export(world.district, to: "WXZ")
    XCTAssertEqual(try world.deliver(newer, to: w).totalApplied, 2)
    let before = try w.stateFingerprint()
    let late = try world.deliver(older, to: w)
    XCTAssertFalse(late.changed)
    XCTAssertEqual(late.age, .older)
    XCTAssertTrue(late.message.contains("早于已导入的文件"), late.message)
    XCTAssertEqual(try w.stateFingerprint(), before)
  }

  func testOverlappingBundlesApplyOnlyWhatIsNew() throws {
    let world = try SyncWorld()
    let w = try world.enrol("WXZ", name: "王岘镇")
    // The district learns what the township holds, so its bundles start after the enrolment.
    try world.deliver(try world.export(w, to: "BYQ"), to: world.district)
    let probe = try world.open(at: world.district, org: "WXZ")
    let first = try world.export(world.district, to: "WXZ")
    try world.act(at: world.district, probe, .probeExtended, ProbeDays(days: 3))
    // The district has not heard back, so the second bundle repeats the first one's events.
    let second = try world.export(world.district, to: "WXZ")
    XCTAssertEqual(try world.deliver(first, to: w).totalApplied, 1)
    let overlap = try world.deliver(second, to: w)
    XCTAssertEqual(overlap.totalApplied, 1)
    XCTAssertEqual(overlap.duplicates, 1)
    XCTAssertTrue(overlap.message.contains("已有的 1 个事件未重复导入"), overlap.message)
    let before = try w.stateFingerprint()
    for bundle in [first, second] {
      let again = try world.deliver(bundle, to: w)
      XCTAssertFalse(again.changed, again.message)
    }
    XCTAssertEqual(try w.stateFingerprint(), before)
    XCTAssertEqual(try world.probe(w, probe)?.limitDays, 13)
  }

  func testABundleWithNothingNewOnlyRecordsTheSendersProgress() throws {
    let world = try SyncWorld()
    let w = try world.enrol("WXZ", name: "王岘镇")
    let quiet = try world.deliver(try world.export(w, to: "BYQ"), to: world.district)
    XCTAssertTrue(quiet.changed)
    XCTAssertEqual(quiet.totalApplied, 0)
    XCTAssertTrue(quiet.message.hasSuffix("没有新事件,已记录对方的接收进度"), quiet.message)
    XCTAssertEqual(try world.district.syncOverview().peers.first?.lacking, [:])
  }
}
