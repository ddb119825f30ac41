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

extension SyncThroughputTests {
  /// The district judges every case event a township sends (`IncomingAuthority`) on the case as
  /// it stood before it: a bundle of long cases read each case once, not once per event. Runs
  /// small in the suite; `ZWFW_SYNC_BENCH_CASES=2000 ZWFW_SYNC_BENCH_NOTES=20` for a figure.
  func testDistrictImportOfLongCases() throws {
    let environment = ProcessInfo.processInfo.environment
    let notes = Int(environment["ZWFW_SYNC_BENCH_NOTES"] ?? "") ?? 20
    let cases = Int(environment["ZWFW_SYNC_BENCH_CASES"] ?? "") ?? 20
    let world = try SyncWorld()
    let w = try world.enrol("WXZ", name: "王岘镇")
    try w.write(actor: "tester") { tx in
      var drafts: [EventDraft] = []
      for _ in 0..<cases {
        let stream = ProbeReducer.stream(try tx.nextCaseID())
        drafts.append(
          EventDraft(
            stream: stream, type: .probeOpened,
            body: ProbeOpened(org: "WXZ", title: "长案件", limitDays: 10, received: tx.today)))
        for n in 0..<notes {
          drafts.append(
            EventDraft(stream: stream, type: .probeNoted, body: ProbeNote(text: "第\(n)次")))
        }
      }
      try tx.append(drafts)
    }
    let bundle = try world.export(w, to: world.district.node.code)
    let started = Date()
    let summary = try world.deliver(bundle, to: world.district)
    let seconds = Date().timeIntervalSince(started)
    XCTAssertEqual(summary.applied.values.reduce(0, +), cases * (notes + 1))
    XCTAssertEqual(summary.held, 0)
    print(
      String(
        format: "district import: %d cases of %d events, %.2f s", cases, notes + 1, seconds))
    XCTAssertTrue(try world.district.verifyAudit().isIntact)
  }
}
