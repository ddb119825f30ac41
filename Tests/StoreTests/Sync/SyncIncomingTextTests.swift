import Domain
import Foundation
import XCTest

@testable import Store

/// The text check of an import (`IncomingText`) decides most payloads on their bytes alone
/// (`isPlainlySafe`); a control or bidi character one event deep in a long bundle, chained and
/// sealed as only the pair key's holder could, is still refused and nothing of the bundle applied.
final class SyncIncomingTextTests: XCTestCase {
  /// 王岘镇 freshly enrolled, and the district's bundle of forty probe cases for it.
  struct LongBundle {
    let world: SyncWorld
    let township: Store
    let file: String
  }
  var long: LongBundle!
  var world: SyncWorld { long.world }
  var township: Store { long.township }
  var bundle: String { long.file }

  override func setUpWithError() throws {
    let world = try SyncWorld()
    let township = try world.enrol("WXZ", name: "王岘镇")
    for n in 0..<40 { try world.open(at: world.district, org: "WXZ", title: "测试事项\(n)号") }
    long = LongBundle(
      world: world, township: township, file: try world.export(world.district, to: "WXZ"))
  }

  /// The bundle with `replace` applied to the payload of the middle probe event, that event and
  /// every later one of its origin hashed again, marks and digest restated, sealed with the key.
  func doctored(_ replace: (String) -> String) throws -> String {
    let copy = try unsealedCopy(of: bundle, label: "text") { db in
      let events = try db.fetchAll(
        "SELECT \(Journal.columns) FROM event WHERE origin = 'BYQ.1' ORDER BY seq", [],
        Journal.read)
      let probes = events.indices.filter { events[$0].payload.contains("测试事项") }
      let middle = try XCTUnwrap(probes.dropFirst(probes.count / 2).first)
      var prev = events[middle].prevHash
      for i in middle..<events.count {
        var e = events[i]
        if i == middle {
          e.payload = replace(e.payload)
          XCTAssertNotEqual(e.payload, events[i].payload)
        }
        e.prevHash = prev
        e.hash = e.computedHash()
        prev = e.hash
        try db.run(
          "UPDATE event SET payload = ?, prev_hash = ?, hash = ? WHERE origin = ? AND seq = ?",
          [e.payload, e.prevHash, e.hash, e.origin, e.seq])
      }
      try db.run("UPDATE mark SET hash = ? WHERE origin = 'BYQ.1'", [prev])
      try SyncAuthenticationTests.restate(db)
    }
    let key = try XCTUnwrap(try world.district.pairKey("WXZ"))
    try BundleSeal(kind: .sync, from: "BYQ", to: "WXZ").append(to: copy, key: key)
    return copy
  }

  func assertRefusedForText(_ file: String, _ line: UInt = #line) throws {
    let before = try township.stateFingerprint()
    XCTAssertThrowsError(try world.deliver(file, to: township), line: line) { error in
      guard case .malformed(_, let detail) = error as? BundleProblem else {
        return XCTFail("not refused for its text: \(error)", line: line)
      }
      XCTAssertTrue(detail.contains("控制字符"), detail, line: line)
    }
    XCTAssertEqual(try township.stateFingerprint(), before, line: line)
  }

  func testTheGenuineLongBundleIsAccepted() throws {
    XCTAssertEqual(try world.deliver(bundle, to: township).totalApplied, 40)
  }

  func testAControlCharacterDeepInALongBundle() throws {
    // Raw, JSON-escaped, and behind a backslash (which the scan once skipped unchecked).
    for bad in ["\u{1B}[2J", "\\u001b[2J", "\\u202e", "\u{202E}", "\\\u{1B}[2J", "\u{85}"] {
      try assertRefusedForText(
        try doctored { $0.replacingOccurrences(of: "测试事项", with: "测试\(bad)事项") })
    }
  }

  func testHarmlessTextDeepInALongBundleIsAccepted() throws {
    // Line breaks and tabs are free text's; escapes JSON has are not controls.
    let fine = try doctored {
      $0.replacingOccurrences(of: "测试事项", with: "测试\\n\\t\\\"事项\\\\/")
    }
    XCTAssertEqual(try world.deliver(fine, to: township).totalApplied, 40)
  }
}
