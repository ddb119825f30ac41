import XCTest

@testable import Domain

/// A remembered fold is reused only for a true prefix of the events, under the same calendar.
final class FoldCacheTests: XCTestCase {
  /// Writes down the payloads it applied; refuses "bad"; counts every apply.
  enum Tally: StreamReducer {
    static let streamKind = "tally"
    nonisolated(unsafe) static var applied = 0
    static func apply(_ state: [String]?, _ event: Event, _ context: FoldContext) -> Result<
      [String], Refusal
    > {
      applied += 1
      if event.payload == "bad" { return .failure(Refusal("不可")) }
      return .success((state ?? []) + [event.payload])
    }
  }

  func event(_ seq: Int64, _ payload: String, origin: String = "A", ts: Int64? = nil) -> Event {
    var e = Event(
      origin: origin, seq: seq, stream: "tally/1", type: "tally.step", payload: payload,
      actor: "t", node: "N", timestamp: ts ?? seq, prevHash: "", hash: "")
    e.hash = e.computedHash()
    return e
  }

  var context: FoldContext { FoldContext(calendar: .weekdaysOnly(), cache: cache) }
  let cache = FoldCache()

  override func setUp() { Tally.applied = 0 }

  func testNewEventsAreAppliedToTheRememberedFold() {
    let first = [event(1, "a"), event(2, "bad"), event(3, "b")]
    let folded = Tally.fold(first, context)
    XCTAssertEqual(folded.state, ["a", "b"])
    XCTAssertEqual(folded.conflicts.map(\.seq), [2])
    XCTAssertEqual(Tally.applied, 3)
    let more = first + [event(4, "c")]
    let next = Tally.fold(more, context)
    XCTAssertEqual(Tally.applied, 4, "only the new event is applied")
    XCTAssertEqual(next.state, ["a", "b", "c"])
    XCTAssertEqual(next.conflicts.map(\.seq), [2], "the earlier conflict is still reported")
    XCTAssertEqual(Tally.fold(more, context).state, next.state)
    XCTAssertEqual(Tally.applied, 4, "the same events: nothing applied")
  }

  func testAnEventLandingInTheMiddleFoldsFromTheStart() {
    let mine = [event(1, "a"), event(2, "c", ts: 30)]
    _ = Tally.fold(mine, context)
    // Imported from another node, earlier than my second event: fold order puts it between.
    let merged = [mine[0], event(1, "b", origin: "B", ts: 20), mine[1]]
    XCTAssertEqual(Tally.fold(merged, context).state, ["a", "b", "c"])
    XCTAssertEqual(Tally.fold(merged, context).state, Tally.foldFromStart(merged, context).state)
  }

  func testFewerEventsThanRemembered() {
    // A rolled-back step leaves the journal shorter than the fold remembered.
    _ = Tally.fold([event(1, "a"), event(2, "b")], context)
    XCTAssertEqual(Tally.fold([event(1, "a")], context).state, ["a"])
  }

  func testTrialEventsAreNeverRemembered() {
    var trial = event(2, "x")
    trial.hash = ""
    XCTAssertEqual(Tally.fold([event(1, "a"), trial], context).state, ["a", "x"])
    let applied = Tally.applied
    XCTAssertEqual(Tally.fold([event(1, "a")], context).state, ["a"])
    XCTAssertEqual(Tally.applied, applied + 1, "folded afresh, not from the trial's fold")
  }

  func testANewCalendarForgetsEveryFold() {
    let events = [event(1, "a"), event(2, "b")]
    _ = Tally.fold(events, context)
    cache.invalidate()
    Tally.applied = 0
    _ = Tally.fold(events, context)
    XCTAssertEqual(Tally.applied, 2)
  }
}
