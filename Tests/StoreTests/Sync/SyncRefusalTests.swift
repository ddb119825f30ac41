import Domain
import Foundation
import XCTest

@testable import Store

/// Guarantee 3: each bad bundle is refused with a clear message and nothing is applied.
final class SyncRefusalTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!
  var bundle: String!

  override func setUpWithError() throws {
    world = try SyncWorld()
    township = try world.enrol("WXZ", name: "王岘镇")
    try world.open(at: world.district, org: "WXZ", title: "测试事项")
    bundle = try world.export(world.district, to: "WXZ")
  }

  /// A copy of the good bundle, changed by SQL and sealed again with the pair key: what only
  /// a holder of the key could make, so the checks behind the code are reached.
  func tampered(_ sql: String) throws -> String {
    let copy = try unsealedCopy(of: bundle, label: "tampered") { try $0.execute(sql) }
    try seal(copy)
    return copy
  }

  /// Seals an unsealed copy with the pair key.
  func seal(_ copy: String) throws {
    let key = try XCTUnwrap(try world.district.pairKey("WXZ"))
    try BundleSeal(kind: .sync, from: "BYQ", to: "WXZ").append(to: copy, key: key)
  }

  func assertRefused(
    _ file: String, by store: Store? = nil, file line: StaticString = #filePath, _ at: UInt = #line,
    _ expected: (BundleProblem) -> Bool
  ) throws {
    let target = store ?? township!
    let before = try target.projectionDump()
    let events = try target.eventCount()
    let imports = try target.db.fetchInt("SELECT count(*) FROM sync_import")
    XCTAssertThrowsError(try world.deliver(file, to: target), file: line, line: at) { error in
      guard let problem = error as? BundleProblem else {
        return XCTFail("not a bundle problem: \(error)", file: line, line: at)
      }
      XCTAssertTrue(expected(problem), "\(problem)", file: line, line: at)
      XCTAssertTrue(
        problem.userMessage.hasSuffix("未导入任何内容"), problem.userMessage, file: line, line: at)
    }
    XCTAssertEqual(try target.projectionDump(), before, file: line, line: at)
    XCTAssertEqual(try target.eventCount(), events, file: line, line: at)
    XCTAssertEqual(
      try target.db.fetchInt("SELECT count(*) FROM sync_import"), imports, file: line, line: at)
    XCTAssertTrue(try target.verifyAudit().isIntact, file: line, line: at)
  }

  func testTruncatedFile() throws {
    let data = try XCTUnwrap(FileManager.default.contents(atPath: bundle))
    let cut = world.newBundlePath("cut")
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cut))
    try assertRefused(cut) {
      if case .incomplete(_, let expected, let actual) = $0 { return expected > actual }
      return false
    }
    XCTAssertTrue(
      BundleProblem.incomplete(path: "a", expectedBytes: 8192, actualBytes: 4096).userMessage
        .contains("不完整"))
  }

  func testNotABundle() throws {
    let text = world.path("notes.txt")
    try "这不是同步文件".write(toFile: text, atomically: true, encoding: .utf8)
    try assertRefused(text) { $0 == .notBundle(path: text) }
    let database = world.path("district.db")
    try assertRefused(database) { $0 == .notBundle(path: database) }
    let missing = world.path("missing.zwfb")
    try assertRefused(missing) { $0 == .unreadable(path: missing) }
    let directory = world.dir.path
    try assertRefused(directory) { $0 == .unreadable(path: directory) }
  }

  func testInitAcceptsOnlyAnEnrolmentFromTheDistrict() throws {
    try world.open(at: township, org: "WXZ")
    let upward = try world.export(township, to: "BYQ")
    try world.deliver(upward, to: world.district)
    let downward = try world.export(world.district, to: "WXZ")
    for (file, reason) in [
      (upward, "这是同步文件,不是区级节点生成的登记文件"), (downward, "这是同步文件,不是区级节点生成的登记文件"),
    ] {
      let target = world.path("again-\(UUID().uuidString).db")
      XCTAssertThrowsError(
        try Store.createFromEnrolment(path: target, enrolment: file, actor: "tester")
      ) { XCTAssertEqual($0 as? BundleProblem, .notEnrolment(path: file, reason: reason)) }
      XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }
  }

  func testABundleCarryingATriggerOrAViewOfItsOwn() throws {
    let trigger = try tampered("CREATE TRIGGER t AFTER INSERT ON event BEGIN SELECT 1; END;")
    try assertRefused(trigger) { $0 == .foreignObjects(path: trigger, objects: ["触发器 t"]) }
    let view = try tampered("CREATE VIEW v AS SELECT * FROM event")
    try assertRefused(view) { $0 == .foreignObjects(path: view, objects: ["视图 v"]) }
    let index = try tampered("CREATE INDEX i ON event (stream)")
    try assertRefused(index) { $0 == .foreignObjects(path: index, objects: ["索引 i"]) }
  }

  func testABundleForAnotherNodeOrAnotherDistrict() throws {
    _ = try world.enrol("SLZ", name: "四龙镇")
    let forSLZ = try world.export(world.district, to: "SLZ")
    try assertRefused(forSLZ) { $0 == .otherNode(path: forSLZ, addressee: "SLZ", us: "WXZ") }
    let foreign = try tampered("UPDATE manifest SET district = 'XYZ'")
    try assertRefused(foreign) { $0 == .otherDistrict(path: foreign, theirs: "XYZ", ours: "BYQ") }
  }

  func testANewerFormatVersion() throws {
    let newer = try tampered("PRAGMA user_version = 2")
    try assertRefused(newer) { $0 == .newerFormat(path: newer, found: 2, known: 1) }
    XCTAssertTrue(
      BundleProblem.newerFormat(path: "f", found: 2, known: 1).userMessage.contains("请先升级 zwfw"))
  }

  func testAnEditedEvent() throws {
    let payload = try tampered("UPDATE event SET payload = replace(payload, '测试', '篡改')")
    try assertRefused(payload) {
      if case .eventEdited(let origin, _) = $0 { return origin == "BYQ.1" }
      return false
    }
    let rehashed = try tampered(
      "UPDATE event SET hash = '\(String(repeating: "0", count: 64))' WHERE seq = (SELECT max(seq) FROM event)"
    )
    try assertRefused(rehashed) {
      switch $0 {
      case .eventEdited, .chainBroken, .digestMismatch: return true
      default: return false
      }
    }
    let dropped = try tampered("DELETE FROM event WHERE seq = (SELECT min(seq) FROM event)")
    try assertRefused(dropped) { $0 == .digestMismatch(path: dropped) }
  }

  func testSharedDataFromATownshipIsRefused() throws {
    let w = township!
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: "staff/mallory", type: .staffAdded,
            body: Staff(login: "mallory", name: "某", org: "WXZ", roles: [.admin]))
        ], origin: w.node.origin, node: "WXZ", actor: "tester", timestamp: 1, db: w.db)
    }
    let forged = try world.export(w, to: "BYQ")
    try assertRefused(forged, by: world.district) {
      $0 == .notAuthorised(origin: "WXZ.1", seq: 1, stream: "staff/mallory")
    }
    XCTAssertTrue(
      BundleProblem.notAuthorised(origin: "WXZ.1", seq: 1, stream: "staff/mallory").userMessage
        .contains("只能由区级节点维护"))
  }

  func testABundleFromAnUnregisteredNode() throws {
    let stranger = try Store.create(
      path: world.path("QQQ.db"),
      node: NodeIdentity(code: "QQQ", name: "某镇", district: "BYQ", isDistrict: false))
    try stranger.write(actor: "x") { tx in
      try tx.append([stranger.pairKeyDraft("BYQ", try Store.newPairKey())])
    }
    let file = world.newBundlePath("QQQ-BYQ")
    _ = try stranger.writeBundle(to: "BYQ", path: file, kind: .sync, actor: "x", progress: nil)
    try assertRefused(file, by: world.district) { $0 == .unknownPeer(path: file, peer: "QQQ") }
  }

  func testAForkIsRefusedAndRaisesAnAlarm() throws {
    let d = world.district
    let w = township!
    try world.open(at: w, org: "WXZ", title: "甲")
    try world.deliver(try world.export(w, to: "BYQ"), to: d)
    let backup = world.path("WXZ-copy.db")
    try w.db.execute("VACUUM INTO '\(backup)'")
    try world.open(at: w, org: "WXZ", title: "乙")
    try world.deliver(try world.export(w, to: "BYQ"), to: d)
    // The copy goes on as if it were the node: the same sequence number, another event.
    let twin = try SyncWorld.open(backup, clock: world.clock)
    try world.open(at: twin, org: "WXZ", title: "丙")
    let forked = try world.export(twin, to: "BYQ")
    try assertRefused(forked, by: d) { $0 == .fork(peer: "WXZ", origin: "WXZ.1", seq: 2) }
    let alarms = try d.syncOverview().alarms
    XCTAssertEqual(alarms.count, 1)
    XCTAssertTrue(
      alarms.first?.message.hasPrefix("分叉: 来自 WXZ 的 WXZ.1 第 2 号事件") ?? false, "\(alarms)")
    XCTAssertEqual(try d.refusals(limit: 1).first?.action, "导入同步文件")
  }

  func testOnlyAdminsImport() throws {
    let clerk = try XCTUnwrap(try township.staff(login: "liuyang"))
    XCTAssertThrowsError(try township.importBundle(path: bundle, by: clerk)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "刘洋没有系统管理角色,不能导入同步文件")
    }
  }
}
