import Foundation
import XCTest

@testable import Domain
@testable import Store

/// The fast payload decoder (`PayloadDecoding`) gives exactly what `JSONDecoder` gives, or
/// hands the payload to it: every event of the demo journal, folded by a rebuild, decoded both
/// ways; and the reader's edges (escapes, numbers, keys) against Foundation directly. The
/// generated journal of the benchmark is compared the same way by `BenchSmokeTests`.
final class PayloadDecodingTests: XCTestCase {
  func testEveryEventOfTheDemoDecodesAsFoundationDecodesIt() throws {
    let (store, _) = try makeDemo()
    let types = Set(
      try store.db.fetchAll("SELECT DISTINCT type FROM journal") { $0.text(0) })
    PayloadDecoding.comparison.start()
    defer { _ = PayloadDecoding.comparison.stop() }
    try store.rebuild()
    let tally = PayloadDecoding.comparison.stop()
    XCTAssertEqual(tally.different, [])
    XCTAssertEqual(tally.slow, [:], "every demo payload takes the fast path")
    XCTAssertGreaterThan(tally.fast.values.reduce(0, +), 100)
    // Every kind of event the demo has was decoded by some fold (a type no fold decodes, such
    // as a node's genesis, is read elsewhere).
    let unseen = types.subtracting(tally.eventTypes)
    XCTAssertLessThanOrEqual(unseen.count, types.count / 4, "not decoded: \(unseen.sorted())")
  }

  struct Sample: Codable, Equatable {
    var text: String
    var count: Int
    var ratio: Double?
    var flags: [Bool]
    var nested: [String: Int]?
    var date: CivilDate?
  }

  enum Kind: Codable, Equatable {
    case plain
    case named(String, days: Int)
  }

  /// What a JSON text decodes to through each path: equal, or the fast path declines.
  func both<T: Codable & Equatable>(
    _: T.Type, _ text: String, file: StaticString = #filePath, line: UInt = #line
  ) -> (fast: T?, foundation: T?) {
    let fast = PayloadDecoding.fast(T.self, from: text)
    let foundation = try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    if let fast {
      XCTAssertEqual(fast, foundation, text, file: file, line: line)
      if let foundation {
        XCTAssertEqual(
          CanonicalJSON.encode(fast), CanonicalJSON.encode(foundation), text, file: file,
          line: line)
      }
    }
    // Whatever the fast path declines, the public entry gives Foundation's answer.
    XCTAssertEqual(
      try? PayloadDecoding.decode(T.self, from: text), foundation, text, file: file, line: line)
    return (fast, foundation)
  }

  func testTheReaderAgreesWithFoundationAtItsEdges() {
    let taken = [
      #"{"text":"窗口排队","count":3,"flags":[]}"#,
      #"{"text":"a\"b\\c\/d\n\t\u00e9\u4e2d\ud83d\ude00","count":-12,"flags":[true,false]}"#,
      #" { "text" : "" , "count" : 0 , "ratio" : 1.5e3 , "flags" : [ ] } "#,
      #"{"text":"x","count":999999999999999999,"ratio":-0,"flags":[],"nested":{"a":1,"b":-2}}"#,
      #"{"text":"x","count":1,"ratio":0.1,"flags":[],"date":"2026-11-26","nested":null}"#,
      #"{"text":"x","count":1,"ratio":12345678901234567890,"flags":[]}"#,
      #"{"unknown":{"deep":[1,2,{"x":null}]},"text":"x","count":1,"flags":[]}"#,
    ]
    for text in taken {
      let r = both(Sample.self, text)
      XCTAssertNotNil(r.fast, text)
    }
    // Declined (Foundation decides, or refuses): integers written as decimals, out of range,
    // duplicate keys, raw control characters, lone surrogates, bad dates, trailing text.
    let declined = [
      #"{"text":"x","count":1.0,"flags":[]}"#,
      #"{"text":"x","count":1e2,"flags":[]}"#,
      #"{"text":"x","count":99999999999999999999,"flags":[]}"#,
      #"{"text":"x","text":"y","count":1,"flags":[]}"#,
      "{\"text\":\"a\u{01}b\",\"count\":1,\"flags\":[]}",
      #"{"text":"\ud800","count":1,"flags":[]}"#,
      #"{"text":"x","count":1,"flags":[],"date":"2026-02-30"}"#,
      #"{"text":"x","count":1,"flags":[]} x"#,
      #"{"text":"x","count":01,"flags":[]}"#,
      #"{"text":"x","count":1,"ratio":1e999,"flags":[]}"#,
      #"{"text":3,"count":1,"flags":[]}"#,
      #"{"count":1,"flags":[]}"#,
    ]
    for text in declined {
      XCTAssertNil(both(Sample.self, text).fast, text)
    }
    XCTAssertEqual(both(Kind.self, #"{"plain":{}}"#).fast, .plain)
    XCTAssertEqual(both(Kind.self, #"{"named":{"_0":"甲","days":3}}"#).fast, .named("甲", days: 3))
    XCTAssertNil(both(Kind.self, #"{"plain":{},"named":{"_0":"甲","days":3}}"#).fast)
    XCTAssertEqual(both([Int?].self, "[1,null,3]").fast, [1, nil, 3])
    XCTAssertEqual(both(String.self, #""顶层""#).fast, "顶层")
  }
}
