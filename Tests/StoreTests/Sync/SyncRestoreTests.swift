import Domain
import Foundation
import XCTest

@testable import Store

/// A township restored from a backup: the district holds what it sent after the backup and sends
/// it back; numbers issued after the backup are never issued again.
final class SyncRestoreTests: XCTestCase {
  func testARestoredTownshipGetsBackWhatItHadSentAfterTheBackup() throws {
    let world = try SyncWorld()
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    let early = try world.open(at: w, org: "WXZ", title: "备份前受理")
    try world.sync(w, d)
    let backup = world.path("WXZ-backup.db")
    _ = try w.backup(to: backup)
    let lost = try world.open(at: w, org: "WXZ", title: "备份后受理")
    try world.act(at: w, early, .probeExtended, ProbeDays(days: 5))
    try world.sync(w, d)

    // The township's disk fails; its admin restores last night's backup.
    let restoredPath = world.path("WXZ-restored.db")
    let clock = world.clock
    _ = try Store.restore(backup: backup, to: restoredPath, clock: { clock.now })
    let r = try SyncWorld.open(restoredPath, clock: clock)
    XCTAssertEqual(r.node.origin, "WXZ.2")
    XCTAssertNil(try world.probe(r, lost))
    XCTAssertEqual(try world.probe(r, early)?.limitDays, 10)
    let fresh = try world.open(at: r, org: "WXZ", title: "恢复后受理")
    XCTAssertNotEqual(fresh, lost, "a restored node never reuses a case number")

    try world.sync(r, d)
    XCTAssertEqual(try world.probe(r, lost)?.title, "备份后受理")
    XCTAssertEqual(try world.probe(r, early)?.limitDays, 15)
    XCTAssertEqual(try world.probe(d, fresh)?.title, "恢复后受理")
    XCTAssertEqual(try r.projectionDump(), try d.projectionDump())
    for store in [d, r] {
      XCTAssertTrue(try store.verifyAudit().isIntact)
      XCTAssertEqual(try store.db.fetchInt("SELECT count(*) FROM sync_alarm"), 0)
    }
    // The exchange goes on as before.
    try world.act(at: r, lost, .probeConcluded, NoPayload())
    try world.sync(r, d)
    XCTAssertEqual(try world.probe(d, lost)?.concluded, true)
  }

  func testARestoredDistrictGetsBackWhatTheTownshipsAuthored() throws {
    let world = try SyncWorld()
    let w = try world.enrol("WXZ", name: "王岘镇")
    try world.sync(world.district, w)
    let backup = world.path("BYQ-backup.db")
    _ = try world.district.backup(to: backup)
    let township = try world.open(at: w, org: "WXZ", title: "乡镇在区级备份后受理")
    try world.sync(w, world.district)

    let clock = world.clock
    _ = try Store.restore(backup: backup, to: world.path("BYQ-restored.db"), clock: { clock.now })
    let d = try SyncWorld.open(world.path("BYQ-restored.db"), clock: clock)
    XCTAssertNil(try world.probe(d, township))
    try world.sync(d, w)
    XCTAssertEqual(try world.probe(d, township)?.title, "乡镇在区级备份后受理")
    for store in [d, w] {
      XCTAssertTrue(try store.verifyAudit().isIntact)
      XCTAssertEqual(try store.db.fetchInt("SELECT count(*) FROM sync_alarm"), 0)
    }
  }
}
