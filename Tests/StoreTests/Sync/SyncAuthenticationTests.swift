import Domain
import Foundation
import XCTest

@testable import Store

/// Bundles are authenticated under the pair key: what a clerk with an old bundle, `sqlite3` and
/// a hash tool can make — but not the key — is refused whole, before anything is read into the node.
final class SyncAuthenticationTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!
  var bundle: String!

  override func setUpWithError() throws {
    world = try SyncWorld()
    township = try world.enrol("WXZ", name: "王岘镇")
    try world.open(at: world.district, org: "WXZ", title: "测试事项")
    bundle = try world.export(world.district, to: "WXZ")
  }

  func assertForged(_ file: String, by store: Store? = nil, _ at: UInt = #line) throws {
    let target = store ?? township!
    let before = try target.stateFingerprint()
    XCTAssertThrowsError(try world.deliver(file, to: target), line: at) { error in
      guard case .forged(let path, _) = error as? BundleProblem else {
        return XCTFail("not refused as forged: \(error)", line: at)
      }
      XCTAssertEqual(path, file, line: at)
      XCTAssertTrue(
        (error as? BundleProblem)?.userMessage.contains("认证码") ?? false, line: at)
    }
    XCTAssertEqual(try target.stateFingerprint(), before, line: at)
    XCTAssertEqual(try target.refusals(limit: 1).first?.action, "导入同步文件", line: at)
  }

  /// After an edit the digest and counts are made consistent again, as a careful forger would.
  static func restate(_ db: Connection) throws {
    var digest = BundleDigest()
    try db.forEach(BundleFormat.itemsQuery) { digest.add(BundleFormat.readItem($0)) }
    try db.run(
      """
      UPDATE manifest SET digest = ?, event_count = (SELECT count(*) FROM event),
        elided_count = (SELECT count(*) FROM elided)
      """, [digest.finalize()])
  }

  /// Sealed again under a key that is not the pair key (or with the trailer as it was).
  func reseal(_ file: String, key: [UInt8]) throws {
    try BundleSeal(kind: .sync, from: "BYQ", to: "WXZ").append(to: file, key: key)
  }

  func testTheGenuineBundleIsAccepted() throws {
    XCTAssertEqual(try world.deliver(bundle, to: township).totalApplied, 1)
  }

  func testAHeaderValueChanged() throws {
    let original = try XCTUnwrap(FileManager.default.contents(atPath: bundle))
    for sql in ["UPDATE manifest SET serial = serial + 5", "UPDATE mark SET seq = seq + 1"] {
      let edited = try unsealedCopy(of: bundle, label: "header") { try $0.execute(sql) }
      // The old trailer, code and all, put back after the edited image.
      let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: edited))
      try handle.seekToEnd()
      try handle.write(contentsOf: original.suffix(BundleSeal.size))
      try handle.close()
      try assertForged(edited)
    }
  }

  func testAnEventRewrittenAndRehashed() throws {
    let edited = try unsealedCopy(of: bundle, label: "rehashed") { db in
      let last = try XCTUnwrap(
        try db.fetchOne(
          "SELECT \(Journal.columns) FROM event ORDER BY origin, seq DESC LIMIT 1", [],
          Journal.read))
      var e = last
      e.payload = e.payload.replacingOccurrences(of: "测试事项", with: "篡改事项")
      e.hash = e.computedHash()
      try db.run(
        "UPDATE event SET payload = ?, hash = ? WHERE origin = ? AND seq = ?",
        [e.payload, e.hash, e.origin, e.seq])
      try db.run("UPDATE mark SET hash = ? WHERE origin = ?", [e.hash, e.origin])
      try Self.restate(db)
    }
    try reseal(edited, key: try XCTUnwrap(HMACSHA256.randomKey()))
    try assertForged(edited)
  }

  /// The attack of the issue: one `staff.added` (every role) appended to the district's chain
  /// from an earlier bundle and chained on from its mark.
  func testAnEventAppendedAndRechainedFromAnEarlierBundle() throws {
    try world.deliver(bundle, to: township)
    let appended = try unsealedCopy(of: bundle, label: "appended") { db in
      let head = try XCTUnwrap(
        try db.fetchOne("SELECT seq, hash FROM mark WHERE origin = 'BYQ.1'") {
          ($0.int64(0), $0.text(1))
        })
      let staff = Staff(
        login: "mallory", name: "某", org: "BYQ", roles: Set(Role.allCases))
      var e = Event(
        origin: "BYQ.1", seq: head.0 + 1, stream: "staff/mallory", type: .staffAdded,
        payload: try EventDraft(stream: "staff/mallory", type: .staffAdded, body: staff).payload,
        actor: "tester", node: "BYQ", timestamp: 1_800_000_000_000, prevHash: head.1, hash: "")
      e.hash = e.computedHash()
      try db.run(
        """
        INSERT INTO event (origin, seq, stream, type, payload, actor, node, ts, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          e.origin, e.seq, e.stream, e.type.rawValue, e.payload, e.actor, e.node, e.timestamp,
          e.prevHash, e.hash,
        ])
      try db.run("UPDATE mark SET seq = ?, hash = ? WHERE origin = 'BYQ.1'", [e.seq, e.hash])
      try db.run("UPDATE manifest SET serial = serial + 1")
      try Self.restate(db)
    }
    try reseal(appended, key: try XCTUnwrap(HMACSHA256.randomKey()))
    try assertForged(appended)
    XCTAssertNil(try township.staff(login: "mallory"))
    // The genuine next bundle is still taken: the forgery did not cut the township off.
    try world.open(at: world.district, org: "WXZ", title: "第二件")
    XCTAssertEqual(
      try world.deliver(try world.export(world.district, to: "WXZ"), to: township).totalApplied, 1)
  }

  /// A township's bundle sealed with another township's key is refused by the district.
  func testTheKeyOfAnotherTownship() throws {
    _ = try world.enrol("SLZ", name: "四龙镇")
    try world.open(at: township, org: "WXZ", title: "乡镇件")
    let upward = try world.export(township, to: "BYQ")
    let slzKey = try XCTUnwrap(try world.district.pairKey("SLZ"))
    let resealed = try unsealedCopy(of: upward, label: "slz-key") { _ in }
    try BundleSeal(kind: .sync, from: "WXZ", to: "BYQ").append(to: resealed, key: slzKey)
    try assertForged(resealed, by: world.district)
  }

  /// No trailer at all: an unauthenticated SQLite bundle.
  func testABundleWithoutACode() throws {
    let bare = try unsealedCopy(of: bundle, label: "bare") { _ in }
    let before = try township.stateFingerprint()
    XCTAssertThrowsError(try world.deliver(bare, to: township)) {
      XCTAssertEqual($0 as? BundleProblem, .unsealed(path: bare))
    }
    XCTAssertEqual(try township.stateFingerprint(), before)
  }

  /// The enrolment file is private to its owner and carries the key; a sync import refuses it.
  func testTheEnrolmentFileCarriesTheKeyAndIsPrivate() throws {
    let file = world.newBundlePath("enrol-SLZ")
    _ = try world.district.enrolNode(
      code: "SLZ", name: "四龙镇", organisations: ["SLZ"], path: file, by: world.admin)
    let mode = try XCTUnwrap(
      try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
    XCTAssertEqual(mode & 0o777, 0o600)
    let seal = try XCTUnwrap(BundleSeal.read(path: file)?.seal)
    XCTAssertEqual(seal.carriedKey, try world.district.pairKey("SLZ"))
    XCTAssertNotEqual(try world.district.pairKey("SLZ"), try world.district.pairKey("WXZ"))
    XCTAssertThrowsError(try world.deliver(file, to: world.district))
  }

  /// `node rekey`: bundles under the old key are refused, the new file carries the new key.
  func testRekeyReplacesTheKeyOnBothSides() throws {
    let oldKey = try XCTUnwrap(try township.pairKey("BYQ"))
    let stale = try world.export(township, to: "BYQ")
    let file = world.newBundlePath("rekey-WXZ")
    _ = try world.district.rekeyNode("WXZ", path: file, by: world.admin)
    try assertForged(stale, by: world.district)
    _ = try township.acceptRekey(path: file, by: world.admin)
    let newKey = try XCTUnwrap(try township.pairKey("BYQ"))
    XCTAssertNotEqual(newKey, oldKey)
    XCTAssertEqual(newKey, try world.district.pairKey("WXZ"))
    XCTAssertEqual(try township.node(named: "测试事项"), 1)
    try world.open(at: township, org: "WXZ", title: "新密钥")
    XCTAssertEqual(
      try world.deliver(try world.export(township, to: "BYQ"), to: world.district).totalApplied,
      1)
  }
}

extension Store {
  /// Probe cases titled `title` in this node's journal (a rekey file brings the district's).
  fileprivate func node(named title: String) throws -> Int {
    try db.fetchInt(
      "SELECT count(*) FROM journal WHERE type = 'probe.opened' AND payload LIKE ?",
      ["%\(title)%"])
  }
}
