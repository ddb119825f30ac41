import Domain
import Foundation
import XCTest

@testable import Store

/// A township's first import loads its new streams in bulk (`Store+ImportRefold`): indexes and
/// counter triggers off, rows inserted fresh, indexes and counters made again. It must leave
/// exactly what the one-by-one import leaves, and a failure must leave nothing of itself.
final class SyncBulkImportTests: XCTestCase {
  /// Two townships made from one enrolment of 王岘镇, and one bundle of the demo's cases for it
  /// (applications, complaints, 督办, ratings, rectifications) plus probe traffic.
  func twoTownships() throws -> (
    world: SyncWorld, bulk: Store, oneByOne: Store, bundle: String, long: String
  ) {
    let world = try SyncWorld(start: "2026-11-26T09:30", seeds: Demo.seeds)
    let enrolment = world.newBundlePath("enrol-WXZ")
    _ = try world.district.enrolNode(
      code: "WXZ", name: "王岘镇", organisations: ["WXZ"], path: enrolment, by: world.admin)
    func township(_ file: String) throws -> Store {
      let clock = world.clock
      let (store, _) = try Store.createFromEnrolment(
        path: world.path(file), enrolment: enrolment, clock: { clock.now },
        extraProjectors: [ProbeProjector()], actor: "tester")
      try store.db.execute(ProbeProjector.createTable)
      return store
    }
    let bulk = try township("WXZ-bulk.db")
    let oneByOne = try township("WXZ-one.db")
    bulk.bulkImportShare = 0
    oneByOne.bulkImportShare = .infinity
    for store in [bulk, oneByOne] { store.storedFoldMinimum = 3 }
    try makeTraffic(world.district, events: 400)
    // A probe with notes enough for a stored fold, and one concluded (its deadline gone).
    let long = try world.open(at: world.district, org: "WXZ", title: "长案件")
    for n in 1...4 {
      try world.act(at: world.district, long, .probeNoted, ProbeNote(text: "第\(n)次"))
    }
    let done = try world.open(at: world.district, org: "WXZ", title: "已办结")
    try world.act(at: world.district, done, .probeConcluded, NoPayload())
    return (world, bulk, oneByOne, try world.export(world.district, to: "WXZ"), long)
  }

  func schema(_ store: Store) throws -> [String] {
    try store.db.fetchAll(
      "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
    ) { $0.text(0) }
  }

  func storedFolds(_ store: Store) throws -> [String] {
    try store.db.fetchAll(
      "SELECT stream || ' ' || events || ' ' || digest FROM fold_state ORDER BY stream"
    ) { $0.text(0) }
  }

  func testABulkImportLeavesTheRowsOfAOneByOneImportAndOfARebuild() throws {
    let (world, bulk, oneByOne, bundle, long) = try twoTownships()
    let schemaBefore = try schema(bulk)
    let summary = try world.deliver(bundle, to: bulk)
    let other = try world.deliver(bundle, to: oneByOne)
    XCTAssertTrue(summary.loadedInBulk)
    XCTAssertFalse(other.loadedInBulk)
    XCTAssertEqual(summary.totalApplied, other.totalApplied)
    XCTAssertEqual(summary.casesTouched, other.casesTouched)
    let rows = try bulk.projectionDump()
    for kind in ["application", "complaint", "supervision", "rectification", "probe"] {
      XCTAssertTrue(rows.contains("\(kind)/"), "the bundle carried \(kind) cases")
    }
    XCTAssertEqual(rows, try oneByOne.projectionDump())
    XCTAssertEqual(try schema(bulk), schemaBefore, "every index and trigger is back")
    XCTAssertFalse(try storedFolds(oneByOne).isEmpty)
    XCTAssertEqual(try storedFolds(bulk), [], "new streams loaded in bulk store no fold")
    XCTAssertTrue(try bulk.verifyAudit().isIntact)
    // A bundle of a new stream and of one held here, loaded in bulk: the held one is extended
    // from its stored fold, the new one inserted fresh.
    let next = try world.open(at: world.district, org: "WXZ", title: "后续")
    try world.act(at: world.district, long, .probeNoted, ProbeNote(text: "再跟进"))
    let mixed = try world.export(world.district, to: "WXZ")
    XCTAssertTrue(try world.deliver(mixed, to: bulk).loadedInBulk)
    try world.deliver(mixed, to: oneByOne)
    XCTAssertEqual(try bulk.projectionDump(), try oneByOne.projectionDump())
    // The held stream was extended one by one and its fold stored, as the other import did.
    let stored = { (store: Store) in try self.storedFolds(store).filter { $0.hasPrefix(long) } }
    XCTAssertEqual(try stored(bulk).count, 1)
    XCTAssertEqual(try stored(bulk), try stored(oneByOne))
    // The counters, flags and search index are kept again by their triggers afterwards.
    bulk.bulkImportShare = Store.bulkImportShare
    try world.act(at: world.district, next, .probeNoted, ProbeNote(text: "跟进"))
    let later = try world.export(world.district, to: "WXZ")
    XCTAssertFalse(try world.deliver(later, to: bulk).loadedInBulk, "a small bundle: one by one")
    try world.deliver(later, to: oneByOne)
    XCTAssertEqual(try bulk.projectionDump(), try oneByOne.projectionDump())
    try bulk.rebuild()
    XCTAssertEqual(try bulk.projectionDump(), try oneByOne.projectionDump())
  }

  /// Fails where the bulk load is furthest from where it began: its indexes dropped and its
  /// rows written, building an index again (a unique one the new rows break), and at the very
  /// end of the import. The database file is as it was, byte for byte, its schema included.
  func testABulkImportThatFailsLateChangesNothing() throws {
    let (world, bulk, _, bundle, _) = try twoTownships()
    let file = world.path("WXZ-bulk.db")
    for failure in [
      "CREATE UNIQUE INDEX probe_one_title ON probe (title)",
      """
      CREATE TRIGGER import_fails_late BEFORE INSERT ON sync_import
      BEGIN SELECT RAISE(ABORT, 'late failure'); END
      """,
    ] {
      try bulk.db.execute(failure)
      try bulk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
      let bytes = try XCTUnwrap(FileManager.default.contents(atPath: file))
      let schemaBefore = try schema(bulk)
      let before = try bulk.stateFingerprint()
      XCTAssertThrowsError(try world.deliver(bundle, to: bulk))
      try bulk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
      XCTAssertEqual(try schema(bulk), schemaBefore)
      XCTAssertEqual(try bulk.stateFingerprint(), before)
      XCTAssertTrue(
        FileManager.default.contents(atPath: file) == bytes, "the file is as it was")
      XCTAssertTrue(try bulk.verifyAudit().isIntact)
      try bulk.db.execute(
        failure.hasPrefix("CREATE UNIQUE")
          ? "DROP INDEX probe_one_title" : "DROP TRIGGER import_fails_late")
    }
    XCTAssertTrue(try world.deliver(bundle, to: bulk).loadedInBulk, "the same bundle applies")
    XCTAssertTrue(try bulk.verifyAudit().isIntact)
  }
}
