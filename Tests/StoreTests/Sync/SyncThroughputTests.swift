import Domain
import Foundation
import XCTest

@testable import Store

/// The import rate, as a benchmark note: runs small in the suite; for the figure in the README
/// run `ZWFW_SYNC_BENCH_EVENTS=100000 swift test -c release -Xswiftc -enable-testing
/// --filter SyncThroughputTests`.
final class SyncThroughputTests: XCTestCase {
  func testImportRate() throws {
    let count = Int(ProcessInfo.processInfo.environment["ZWFW_SYNC_BENCH_EVENTS"] ?? "") ?? 3000
    let world = try SyncWorld()
    let w = try world.enrol("WXZ", name: "王岘镇")
    var started = Date()
    try makeTraffic(world.district, events: count)
    let generated = Date().timeIntervalSince(started)
    started = Date()
    let bundle = try world.export(world.district, to: "WXZ")
    let exported = Date().timeIntervalSince(started)
    started = Date()
    var validated = started
    let summary = try w.importBundle(
      path: bundle, actor: "tester", afterValidation: { validated = Date() })
    let finished = Date()
    XCTAssertEqual(summary.totalApplied, count)
    XCTAssertEqual(summary.casesTouched, (count + 4) / 5)
    let total = finished.timeIntervalSince(started)
    let apply = finished.timeIntervalSince(validated)
    let size = (try FileManager.default.attributesOfItem(atPath: bundle)[.size] as? Int) ?? 0
    print(
      String(
        format:
          "sync benchmark: %d events (%d cases), bundle %.1f MB; generate %.2f s, export %.2f s (%.0f events/s), import %.2f s (%.0f events/s): validation %.2f s outside the lock, apply %.2f s holding it",
        count, summary.casesTouched, Double(size) / 1_048_576, generated, exported,
        Double(count) / exported, total, Double(count) / total, total - apply, apply))
    XCTAssertTrue(try w.verifyAudit().isIntact)
  }
}
