import Domain
import XCTest

@testable import Store

/// An import that extends a stream folds from the fold stored with it (`fold_state`): only the
/// new events are applied, and the rows are those a rebuild writes.
final class StoredFoldTests: XCTestCase {
  /// The district opens a probe for 王岘镇 and notes it five times; the township imports it
  /// (six events, its fold stored), then reopens (nothing remembered in memory) and imports two
  /// more notes.
  func extendedStream() throws -> (SyncWorld, township: Store, stream: String) {
    let world = try SyncWorld()
    let first = try world.enrol("WXZ", name: "王岘镇")
    first.storedFoldMinimum = 1
    let stream = try world.open(at: world.district, org: "WXZ")
    for n in 1...5 {
      try world.act(at: world.district, stream, .probeNoted, ProbeNote(text: "第\(n)次"))
    }
    try world.deliver(try world.export(world.district, to: "WXZ"), to: first)
    XCTAssertEqual(try storedEvents(first, stream), 6)
    for n in 6...7 {
      try world.act(at: world.district, stream, .probeNoted, ProbeNote(text: "第\(n)次"))
    }
    let township = try SyncWorld.open(world.path("WXZ.db"), clock: world.clock)
    township.storedFoldMinimum = 1
    return (world, township, stream)
  }

  func storedEvents(_ store: Store, _ stream: String) throws -> Int? {
    try store.db.fetchOne("SELECT events FROM fold_state WHERE stream = ?", [stream]) { $0.int(0) }
  }

  func testAnImportExtendingAStreamAppliesOnlyItsNewEvents() throws {
    let (world, township, stream) = try extendedStream()
    let bundle = try world.export(world.district, to: "WXZ")
    let before = township.foldCache.eventsApplied
    let summary = try world.deliver(bundle, to: township)
    XCTAssertEqual(summary.totalApplied, 2)
    XCTAssertEqual(
      township.foldCache.eventsApplied - before, 2, "the six stored events are not folded again")
    XCTAssertEqual(try world.probe(township, stream)?.notes, 7)
    XCTAssertEqual(try storedEvents(township, stream), 8)
    let rows = try township.projectionDump()
    XCTAssertTrue(rows.contains("测试事项"), rows)
    try township.rebuild()
    XCTAssertEqual(try township.projectionDump(), rows)
    XCTAssertNil(try storedEvents(township, stream), "a rebuild forgets stored folds")
  }

  func testAStoredFoldOfOtherEventsIsNotResumed() throws {
    let (world, township, stream) = try extendedStream()
    // As if the first five events were no longer the stream's first (one landed among them).
    try township.db.run("UPDATE fold_state SET events = 5 WHERE stream = ?", [stream])
    let bundle = try world.export(world.district, to: "WXZ")
    let before = township.foldCache.eventsApplied
    try world.deliver(bundle, to: township)
    XCTAssertEqual(township.foldCache.eventsApplied - before, 8, "folded from the start")
    let rows = try township.projectionDump()
    try township.rebuild()
    XCTAssertEqual(try township.projectionDump(), rows)
  }

  func testAShortStreamKeepsNoStoredFold() throws {
    let world = try SyncWorld()
    let township = try world.enrol("WXZ", name: "王岘镇")
    let stream = try world.open(at: world.district, org: "WXZ")
    try world.deliver(try world.export(world.district, to: "WXZ"), to: township)
    XCTAssertEqual(try world.probe(township, stream)?.notes, 0)
    XCTAssertNil(try storedEvents(township, stream))
  }
}
