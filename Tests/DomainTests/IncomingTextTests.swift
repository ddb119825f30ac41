import Foundation
import XCTest

@testable import Domain

/// Events that arrive by sync meet the text rules of a local write before they are applied.
final class IncomingTextTests: XCTestCase {
  func event(_ stream: String, _ type: EventType, _ payload: String, actor: String = "zhangmin")
    -> Event
  {
    Event(
      origin: "WXZ.1", seq: 1, stream: stream, type: type, payload: payload, actor: actor,
      node: "WXZ", timestamp: 0, prevHash: "",
      // Decoded payloads are cached by hash: each test event needs its own.
      hash: SHA256.hex(SHA256.hash(Array((stream + type.rawValue + payload + actor).utf8))))
  }

  func json<T: Encodable>(_ value: T) -> String {
    String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
  }

  func testNamesFollowTheLocalRules() {
    let good = Staff(login: "wangli", name: "王丽", org: "WXZ", roles: [.handler])
    XCTAssertNil(IncomingText.problem(event("staff/wangli", .staffAdded, json(good))))
    for bad in [
      Staff(login: "wangli", name: "王\u{1B}]0;x\u{7}丽", org: "WXZ", roles: [.handler]),
      Staff(login: "wangli", name: "王\u{202E}丽", org: "WXZ", roles: [.handler]),
      Staff(
        login: "wangli", name: String(repeating: "王", count: 21), org: "WXZ", roles: [.handler]),
      Staff(login: "Wang\u{1B}", name: "王丽", org: "WXZ", roles: [.handler]),
    ] {
      XCTAssertNotNil(IncomingText.problem(event("staff/x", .staffAdded, json(bad))), bad.name)
    }
    let org = Organisation(code: "WXZ", name: "王岘镇\u{1B}[2J", kind: .township, node: "WXZ")
    XCTAssertEqual(
      IncomingText.problem(
        event("org/WXZ", .orgDefined, json(OrganisationDefined(organisation: org, position: 1))))?
        .message, "「单位名称」含有控制字符")
    let peer = PeerNode(code: "WXZ", name: "王岘\u{2066}镇", isDistrict: false)
    XCTAssertNotNil(IncomingText.problem(event("peer/WXZ", .peerRegistered, json(peer))))
    XCTAssertNil(
      IncomingText.problem(
        event(
          "peer/WXZ", .peerRegistered, json(PeerNode(code: "WXZ", name: "王岘镇", isDistrict: false))))
    )
  }

  /// Every kind: a string anywhere in a payload, raw or JSON-escaped, and the envelope.
  func testEveryPayloadStringAndTheEnvelope() {
    XCTAssertNil(
      IncomingText.problem(event("complaint/1", "complaint.registered", #"{"a":"第一行\n第二行\t。"}"#)))
    for payload in [
      #"{"a":"x\u001b[2Jy"}"#, #"{"a":["ok",{"b":"\u202e"}]}"#,
      #"{"a":"\ud83d\ude00\udb40\udc41"}"#,
      "{\"a\":\"raw\u{202E}\"}", #"{"a\u0007":1}"#, #"{"a":"\b"}"#,
    ] {
      XCTAssertEqual(
        IncomingText.problem(event("complaint/1", "complaint.registered", payload))?.message,
        "内容含有控制字符", payload)
    }
    XCTAssertNil(
      IncomingText.problem(event("complaint/1", "complaint.registered", #"{"a":"\ud83d\ude00"}"#)))
    XCTAssertNotNil(
      IncomingText.problem(event("complaint/1", "complaint.registered", "{}", actor: "a\u{1B}[2J")))
  }

  /// The byte scan (`isPlainlySafe`) passes only what the full scan passes: every ASCII
  /// character raw and behind a backslash, the escapes, controls, C1, format characters, CJK,
  /// emoji, at the start, the middle and the end of a long payload.
  func testTheByteScanPassesNothingTheFullScanRefuses() {
    var pieces: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
    pieces += (0..<0x80).map { "\\" + String(UnicodeScalar(UInt8($0))) }
    pieces += [
      "\\u001b", "\\u0041", "\\u202E", "\\ud83d\\ude00", "\\udb40\\udc41", "\\uZZZZ", "\\u12",
      "\u{85}", "\u{9B}", "\u{AD}", "\u{200B}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{202E}",
      "\u{2066}", "\u{FEFF}", "\u{E0041}", "\\\u{202E}", "\\\u{85}", "\\\u{3000}", "é", "窗口",
      "。", "😀", "\u{10FFFF}", "\\",
    ]
    let body = String(repeating: "市民反映窗口排队时间太长 queue ", count: 200)
    for piece in pieces {
      for payload in [piece, "{\"a\":\"\(piece)\"}", body + piece + body, body + piece] {
        let full = IncomingText.scalarProblem(payload)
        if IncomingText.isPlainlySafe(payload) {
          XCTAssertNil(
            full, "byte scan passed what the full scan refuses: \(piece.debugDescription)")
        }
        XCTAssertEqual(
          IncomingText.payloadProblem(payload)?.message, full?.message, piece.debugDescription)
      }
    }
  }

  /// A control character in the middle of a long, otherwise plain payload is refused.
  func testAControlDeepInALongPayload() {
    let body = String(repeating: "窗口排队时间太长,请尽快处理。", count: 5000)
    for bad in ["\u{1B}[2J", "\\u001b", "\u{202E}", "\\\u{1B}", "\u{7F}", "\\b"] {
      let payload = "{\"content\":\"" + body + bad + body + "\"}"
      XCTAssertFalse(IncomingText.isPlainlySafe(payload), bad.debugDescription)
      XCTAssertEqual(
        IncomingText.problem(event("complaint/1", "complaint.registered", payload))?.message,
        "内容含有控制字符", bad.debugDescription)
    }
    XCTAssertTrue(IncomingText.isPlainlySafe("{\"content\":\"" + body + "\\n\\t" + body + "\"}"))
  }
}
