import Domain
import Foundation
import XCTest

@testable import Store

/// The checking thread of an import's validation on its own: the first failure in the order
/// events were handed in, whatever the batches, and the thread ends on every path.
final class EventCheckPipelineTests: XCTestCase {
  /// Events counted by the checking thread (read after it has ended or under the lock).
  final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var count: Int { lock.withLock { n } }
  }

  func event(_ seq: Int64) -> Event {
    Event(
      origin: "BYQ.1", seq: seq, stream: "case/x", type: .staffAdded, payload: "{}",
      actor: "tester", node: "BYQ", timestamp: 0, prevHash: "", hash: "")
  }

  func pipeline(failingAt bad: Set<Int64>, batch: Int, tally: Tally? = nil, pause: Bool = false)
    -> EventCheckPipeline
  {
    EventCheckPipeline(batchSize: batch, ahead: 2) { e in
      tally?.add()
      if pause { usleep(200) }
      return bad.contains(e.seq) ? .eventEdited(origin: e.origin, seq: e.seq) : nil
    }
  }

  func testTheFirstFailureInOrderWhateverTheBatches() throws {
    for batch in [1, 2, 7, 64, 256, 5000] {
      let checker = pipeline(failingAt: [700, 300, 301, 999], batch: batch)
      defer { checker.close() }
      var thrown: BundleProblem?
      do {
        for seq in Int64(1)...1000 { try checker.submit(event(seq)) }
      } catch let problem as BundleProblem {
        thrown = problem
      }
      let first = BundleProblem.eventEdited(origin: "BYQ.1", seq: 300)
      // Handing in stops at the failure once it is known, and that is the one thrown.
      if let thrown { XCTAssertEqual(thrown, first, "batch \(batch)") }
      XCTAssertEqual(checker.firstFailure(), first, "batch \(batch)")
    }
  }

  func testEverythingHandedInIsCheckedBeforeItPasses() {
    for batch in [1, 3, 256] {
      let tally = Tally()
      let checker = pipeline(failingAt: [], batch: batch, tally: tally)
      defer { checker.close() }
      for seq in Int64(1)...1000 { XCTAssertNoThrow(try checker.submit(event(seq))) }
      XCTAssertNil(checker.firstFailure())
      XCTAssertEqual(tally.count, 1000, "batch \(batch)")
      // A failure in the last, partial batch is found too.
      let last = pipeline(failingAt: [1000], batch: batch)
      defer { last.close() }
      for seq in Int64(1)...1000 { XCTAssertNoThrow(try last.submit(event(seq))) }
      XCTAssertEqual(last.firstFailure(), .eventEdited(origin: "BYQ.1", seq: 1000))
    }
  }

  func testClosingMidwayEndsTheThreadAndDropsWhatWaits() {
    let tally = Tally()
    let checker = pipeline(failingAt: [], batch: 10, tally: tally, pause: true)
    // Two batches wait at most: the handing in is held up behind the slow checks.
    for seq in Int64(1)...400 { XCTAssertNoThrow(try checker.submit(event(seq))) }
    checker.close()
    let checked = tally.count
    XCTAssertLessThan(checked, 400)
    usleep(20_000)
    XCTAssertEqual(tally.count, checked, "nothing is checked after close returned")
  }
}
