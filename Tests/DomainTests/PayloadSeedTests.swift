import Foundation
import XCTest

@testable import Domain

/// A draft built from a value remembers it; once hashed, the event's decode returns that value
/// without reading the payload text.
final class PayloadSeedTests: XCTestCase {
  struct Note: Codable, Equatable, Sendable {
    var text: String
    var count: Int
  }

  func hashed(_ draft: EventDraft, seq: Int64) -> Event {
    var e = Event(
      origin: "T.1", seq: seq, stream: draft.stream, type: draft.type, payload: draft.payload,
      actor: "t", node: "T", timestamp: seq, prevHash: "", hash: "")
    e.hash = e.computedHash()
    return e
  }

  func testADraftFromAValueSeedsTheDecodeOfItsEvent() throws {
    let note = Note(text: "窗口排队时间过长,群众反映强烈 \(UUID())", count: 3)
    let draft = EventDraft(stream: "note/1", type: "note.added", body: note)
    XCTAssertNotNil(draft.body)
    XCTAssertEqual(draft, EventDraft(stream: "note/1", type: "note.added", payload: draft.payload))
    var event = hashed(draft, seq: 1)
    let key = PayloadCache.Key(type: ObjectIdentifier(Note.self), eventHash: event.hash)
    XCTAssertNil(PayloadCache.shared.value(key) as Note?)
    event.remember(try XCTUnwrap(draft.body))
    XCTAssertEqual(PayloadCache.shared.value(key) as Note?, note)
    // The cached value is what decoding gives: the payload text is not read again.
    event.payload = "{}"
    XCTAssertEqual(try event.decode(Note.self), note)
    PayloadCache.shared.removeAll()
    XCTAssertThrowsError(try event.decode(Note.self), "without the cache the text is decoded")
  }

  func testAnUnhashedTrialEventIsNotSeeded() throws {
    let draft = EventDraft(stream: "note/2", type: "note.added", body: Note(text: "试", count: 1))
    let trial = Event(
      origin: "T.1", seq: 1, stream: draft.stream, type: draft.type, payload: draft.payload,
      actor: "t", node: "T", timestamp: 1, prevHash: "", hash: "")
    trial.remember(try XCTUnwrap(draft.body))
    XCTAssertEqual(try trial.decode(Note.self).text, "试")
  }
}
