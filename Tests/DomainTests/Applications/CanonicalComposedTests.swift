import Foundation
import XCTest

@testable import Domain

/// A registration's composed payload is byte for byte what `JSONEncoder` writes for it.
final class CanonicalComposedTests: XCTestCase {
  static let awkward = [
    "", "张三", "引号\"与\\反斜杠", "斜杠/a/b", "换行\n回车\r制表\t", "控制\u{01}\u{1F}字符", "😀 emoji",
    "  前后空格  ", "<script>&amp;</script>", "\u{7F}\u{2028}\u{2029}",
  ]

  func item(_ code: String, version: Int, text: String) -> ItemSnapshot {
    ItemSnapshot(
      code: code, version: version, name: "营业执照" + text, organisation: "SJJ",
      organisationName: "区市场监督管理局" + text, promisedDays: 3, legalDays: 20,
      materials: [
        MaterialRequirement(name: "申请书" + text, form: "原件", copies: 2, shareable: true),
        MaterialRequirement(name: "身份证明", required: false, note: text),
      ], fee: text.isEmpty ? "不收费" : text, result: text, fullyOnline: version % 2 == 0)
  }

  func testTheComposedPayloadIsWhatJSONEncoderWrites() {
    for (i, text) in Self.awkward.enumerated() {
      let payload = registration(i, text)
      // Twice: the second time the item's JSON comes from the cache.
      for _ in 0..<2 {
        XCTAssertEqual(
          CanonicalJSON.encode(payload), CanonicalJSON.encodeWithFoundation(payload),
          "text: \(text)")
      }
    }
  }

  func testAChangedSnapshotOfTheSameItemIsEncodedAgain() {
    let a = item("SAME", version: 1, text: "甲")
    let b = item("SAME", version: 2, text: "乙")
    XCTAssertEqual(ItemSnapshotJSON.shared.json(a), CanonicalJSON.encodeWithFoundation(a))
    XCTAssertEqual(ItemSnapshotJSON.shared.json(b), CanonicalJSON.encodeWithFoundation(b))
    XCTAssertEqual(ItemSnapshotJSON.shared.json(a), CanonicalJSON.encodeWithFoundation(a))
  }

  func registration(_ i: Int, _ text: String) -> ApplicationRegistered {
    ApplicationRegistered(
      item: item("ITEM\(i % 3)", version: i, text: text),
      applicant: Applicant(
        kind: i % 2 == 0 ? .person : .organisation, name: text, idNumber: "11010519491231002X",
        phone: "13800138000"),
      channel: ApplicationChannel.allCases[i % ApplicationChannel.allCases.count], note: text,
      materials: Array(MaterialStatus.allCases.prefix(i % 5)), registeredOrg: "ZWZX",
      preReviewDays: i - 3,
      // Every other one through an agent: a registration without one keeps the payload it had.
      assistance: i % 2 == 0
        ? nil
        : ApplicationAssistance(
          agent: ApplicationAgent(
            name: text, idNumber: "620402198001011235", relation: text, phone: "13800001111",
            letterReceived: i % 3 == 0), helped: i % 4 == 1,
          groups: Array(SpecialGroup.allCases.prefix(i % 3))),
      // Every third one was handed over by the platform: the key is there, or absent.
      platform: i % 3 != 0
        ? nil
        : PlatformSubmission(
          number: "GS\(i)" + String(repeating: "7", count: i),
          appliedAt: 1_764_000_000_000 + Int64(i),
          appliedOn: CivilDate(dayNumber: 20_400 + i)))
  }

  /// 代办 is new: a registration without it is written exactly as before it existed.
  func testARegistrationWithoutAssistanceHasNoAssistanceKey() {
    let payload = registration(0, "张三")
    XCTAssertFalse(CanonicalJSON.encode(payload).contains("assistance"))
    XCTAssertTrue(CanonicalJSON.encode(registration(1, "张三")).contains("\"assistance\":{"))
  }

  func testAComposedDecodeGivesWhatJSONDecoderGives() throws {
    for (i, text) in Self.awkward.enumerated() {
      let payload = registration(i, text)
      let json = CanonicalJSON.encode(payload)
      for _ in 0..<2 {
        XCTAssertEqual(try ApplicationRegistered.decodeComposed(json), payload, "text: \(text)")
      }
    }
  }

  func testTheItemIsFoundOnlyAsOneTopLevelObject() throws {
    func range(_ text: String) -> String? {
      let b = Array(text.utf8)
      return JSONScan.topLevelObject(of: "item", in: b).map {
        String(decoding: b[$0], as: UTF8.self)
      }
    }
    XCTAssertEqual(range(#"{"a":1,"item":{"b":[1,{"c":2}]},"z":"}"}"#), #"{"b":[1,{"c":2}]}"#)
    XCTAssertEqual(range(" { \"item\" :\n {\"x\":\"}\"} , \"n\":0 } "), #"{"x":"}"}"#)
    XCTAssertEqual(
      range(#"{"note":"\"item\":{","item":{}}"#), "{}", "a key inside a string is text")
    XCTAssertNil(range(#"{"item":{},"item":{}}"#), "a repeated key is left to JSONDecoder")
    XCTAssertNil(range(#"{"a":{"item":{}}}"#), "only the top level counts")
    XCTAssertNil(range(#"{"item":"text"}"#))
    XCTAssertNil(range(#"{"item":{"#))
    XCTAssertNil(range(#"{"a":1}"#))
    // Whatever the scan cannot take is decoded whole, with JSONDecoder's own verdict.
    let spaced = try JSONSerialization.data(
      withJSONObject: JSONSerialization.jsonObject(
        with: Data(CanonicalJSON.encode(registration(1, "空格")).utf8)), options: [.prettyPrinted])
    XCTAssertEqual(
      try ApplicationRegistered.decodeComposed(String(decoding: spaced, as: UTF8.self)),
      registration(1, "空格"))
    XCTAssertThrowsError(try ApplicationRegistered.decodeComposed(#"{"item":{}}"#))
    XCTAssertThrowsError(try ApplicationRegistered.decodeComposed("不是JSON"))
  }
}
