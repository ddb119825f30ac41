import Foundation
import XCTest

@testable import Domain

/// An event's hash is SHA-256 of the previous hash and its canonical bytes: computed field by
/// field (`computedHash`), it must stay the hash every journal and bundle already holds.
final class EventHashTests: XCTestCase {
  func event(_ payload: String, prev: String = "", stream: String = "case/BYQ-2026-000001")
    -> Event
  {
    Event(
      origin: "BYQ.1", seq: 42, stream: stream, type: EventType("application.registered"),
      payload: payload, actor: "zhangmin", node: "BYQ", timestamp: 1_764_120_600_000,
      prevHash: prev, hash: "")
  }

  func testTheHashIsTheCanonicalBytesHashed() {
    let long = String(repeating: "窗口排队时间太长,请处理。\n", count: 2000)
    for e in [
      event("{}"), event(""), event(#"{"a":"第一行\n第二行"}"#, prev: String(repeating: "a", count: 64)),
      event(long), event("{\"x\":\"😀\u{200D}\"}", stream: ""),
    ] {
      XCTAssertEqual(
        e.computedHash(), Event.chainHash(prevHash: e.prevHash, canonical: e.canonicalBytes()))
    }
  }

  /// The hash of one event, worked out apart (Python's hashlib over the canonical text).
  func testAKnownHash() {
    XCTAssertEqual(
      event(#"{"name":"王岘镇"}"#, prev: String(repeating: "0", count: 64)).computedHash(),
      "4fe25cd0c993ba99e3e7b989eaf0365f55b3731e9f9b65d0b1ce1137c475ef37")
  }
}
