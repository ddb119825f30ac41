import Domain
import Foundation
import XCTest

@testable import Store

/// Writes `count` events at `store` on cases the township WXZ receives: probes of five events.
func makeTraffic(_ store: Store, events count: Int) throws {
  var made = 0
  while made < count {
    try store.write(actor: "tester") { tx in
      var drafts: [EventDraft] = []
      while drafts.count < 1000, made + drafts.count < count {
        let stream = ProbeReducer.stream(try tx.nextCaseID())
        drafts.append(
          EventDraft(
            stream: stream, type: .probeOpened,
            body: ProbeOpened(org: "WXZ", title: "批量", limitDays: 10, received: tx.today)))
        for _ in 0..<4 where made + drafts.count < count {
          drafts.append(EventDraft(stream: stream, type: .probeNoted, body: ProbeNote(text: "跟进")))
        }
      }
      made += drafts.count
      try tx.append(drafts)
    }
  }
}

/// Guarantee 6: clerks keep working while an import runs. Validation holds no lock, so another
/// clerk's process can write during it and between the phases; only the application holds the
/// write lock, in one short transaction.
final class SyncConcurrencyTests: XCTestCase {
  func testClerksWriteDuringValidationAndBetweenThePhases() throws {
    let world = try SyncWorld()
    let w = try world.enrol("WXZ", name: "王岘镇")
    try makeTraffic(world.district, events: 12_000)
    let bundle = try world.export(world.district, to: "WXZ")
    // A clerk at the township, in another connection that gives up after 100 ms of waiting.
    let clerk = try SyncWorld.open(w.db.path, clock: world.clock)
    try clerk.db.execute("PRAGMA busy_timeout = 100")
    var clerkWrites: [String] = []
    var readsDuringApply: [Int] = []
    var failures: [String] = []
    let before = try w.eventCount()
    let summary = try w.importBundle(
      path: bundle, actor: "tester",
      progress: { step in
        do {
          switch step.title {
          case SyncPhase.validating.title:
            if clerkWrites.count < 2 { clerkWrites.append(try world.open(at: clerk, org: "WXZ")) }
          case SyncPhase.applying.title:
            // Readers are never blocked: they see the state before the import commits.
            readsDuringApply.append(try clerk.eventCount())
          default: break
          }
        } catch {
          failures.append("\(step.title): \(error)")
        }
      },
      afterValidation: { clerkWrites.append(try world.open(at: clerk, org: "WXZ", title: "两阶段之间")) }
    )
    XCTAssertEqual(failures, [])
    XCTAssertEqual(clerkWrites.count, 3)
    XCTAssertEqual(summary.totalApplied, 12_000)
    XCTAssertFalse(readsDuringApply.isEmpty)
    XCTAssertTrue(readsDuringApply.allSatisfy { $0 == before + 3 }, "\(readsDuringApply)")
    XCTAssertEqual(try w.eventCount(), before + 3 + 12_000)
    for stream in clerkWrites { XCTAssertNotNil(try world.probe(w, stream)) }
    XCTAssertTrue(try w.verifyAudit().isIntact)
  }
}
