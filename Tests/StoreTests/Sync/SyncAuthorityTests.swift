import Domain
import Foundation
import XCTest

@testable import Store

/// Every township event is authorised at the district as if it were written there; one that
/// fails is held as a conflict with its reason, and nothing of it is applied.
final class SyncAuthorityTests: XCTestCase {
  var world: SyncWorld!
  var township: Store!

  override func setUpWithError() throws {
    world = try SyncWorld()
    township = try world.enrol("WXZ", name: "王岘镇")
  }

  /// Writes an event into the township's chain as a script with the township's database would.
  func forge(_ stream: String, _ type: EventType, payload: String, actor: String = "tester")
    throws
  {
    world.clock.advance()
    let w = township!
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try w.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [EventDraft(stream: stream, type: type, payload: payload)], origin: w.node.origin,
        node: "WXZ", actor: actor, timestamp: ms, db: w.db)
    }
  }

  func opened(_ org: String, _ title: String) throws -> String {
    String(
      decoding: try JSONEncoder().encode(
        ProbeOpened(org: org, title: title, limitDays: 5, received: world.district.today)),
      as: UTF8.self)
  }

  /// The district's projected probe (the fold a clerk sees), nil when there is none.
  func projected(_ stream: String) throws -> (concluded: Bool, limitDays: Int)? {
    try world.district.db.fetchOne(
      "SELECT concluded, limit_days FROM probe WHERE stream = ?", [stream]
    ) { ($0.bool(0), $0.int(1)) }
  }

  /// Delivers the township's bundle; returns the summary and the district's open conflicts.
  func deliver() throws -> (ImportSummary, [ConflictRecord]) {
    let summary = try world.deliver(try world.export(township, to: "BYQ"), to: world.district)
    return (summary, try world.district.openConflicts())
  }

  func testAnEventOnACaseOutsideTheTownshipsScopeIsHeld() throws {
    let d = world.district
    let stream = try world.open(at: d, org: "SCJG", title: "区局的案件")
    try forge(stream, .probeConcluded, payload: "{}")
    let (summary, conflicts) = try deliver()
    XCTAssertEqual(summary.held, 1)
    XCTAssertTrue(summary.message.contains("其中 1 个事件越权,未采纳"), summary.message)
    XCTAssertEqual(try projected(stream)?.concluded, false, "not applied")
    XCTAssertEqual(conflicts.map(\.stream), [stream])
    XCTAssertTrue(conflicts[0].message.hasPrefix("未采纳: 节点 WXZ 无权修改"), conflicts[0].message)
    // The chain is whole, and a rebuild keeps the event out.
    XCTAssertTrue(try d.verifyAudit().isIntact)
    try d.rebuild()
    XCTAssertEqual(try projected(stream)?.concluded, false)
    XCTAssertEqual(try d.openConflicts().count, 1)
    XCTAssertEqual(try d.auditFindings(), [])
  }

  func testAnUnknownActorIsHeld() throws {
    try forge(
      "probe/WXZ-2026-900001", .probeOpened, payload: try opened("WXZ", "无名"), actor: "mallory")
    let (summary, conflicts) = try deliver()
    XCTAssertEqual(summary.held, 1)
    XCTAssertNil(try projected("probe/WXZ-2026-900001"))
    XCTAssertEqual(
      conflicts.first?.message, "未采纳: 操作人 mallory 在事件发生时不是本区的工作人员")
  }

  /// 赵磊 keeps the catalog: no case role, so a case event in his name is held.
  func testAnActorWithoutTheRoleIsHeld() throws {
    try forge(
      "probe/WXZ-2026-900002", .probeOpened, payload: try opened("WXZ", "无权"), actor: "zhaolei")
    let (summary, conflicts) = try deliver()
    XCTAssertEqual(summary.held, 1)
    XCTAssertNil(try projected("probe/WXZ-2026-900002"))
    XCTAssertEqual(conflicts.first?.message.hasPrefix("未采纳: 赵磊没有"), true, "\(conflicts)")
  }

  /// A staff member disabled before the event was written cannot have written it.
  func testAnActorDisabledAtTheEventsTimeIsHeld() throws {
    let d = world.district
    world.clock.advance()
    try d.setDisabled(login: "zhengtao", true, by: world.admin)
    try forge(
      "probe/WXZ-2026-900004", .probeOpened, payload: try opened("WXZ", "停用后"), actor: "zhengtao")
    let (summary, _) = try deliver()
    XCTAssertEqual(summary.held, 1)
  }

  /// The payload goes through the reducer like a local command: an invalid one is a conflict.
  func testAnInvalidPayloadIsAConflictNotApplied() throws {
    let stream = try world.open(at: township, org: "WXZ", title: "乡镇件")
    try forge(stream, .probeExtended, payload: #"{"days":"many"}"#)
    let (summary, conflicts) = try deliver()
    XCTAssertEqual(summary.held, 0)
    XCTAssertEqual(try projected(stream)?.limitDays, 10)
    XCTAssertEqual(conflicts.map(\.message), ["事件内容无法解析"])
  }

  /// The township's own work, and work on a case dispatched to its organisation, apply.
  func testInScopeWorkApplies() throws {
    let d = world.district
    let own = try world.open(at: township, org: "WXZ", title: "乡镇件")
    let dispatched = try world.open(at: d, org: "WXZ", title: "派给乡镇")
    try world.sync(d, township)
    try world.act(at: township, own, .probeConcluded, ProbeNote(text: ""))
    try world.act(at: township, dispatched, .probeExtended, ProbeDays(days: 2))
    let (summary, conflicts) = try deliver()
    XCTAssertEqual(summary.held, 0)
    XCTAssertEqual(conflicts, [])
    XCTAssertEqual(try world.probe(d, own)?.concluded, true)
    XCTAssertEqual(try world.probe(d, dispatched)?.limitDays, 12)
  }

  /// An event held while it waits behind a gap is sent again by the next bundle: it stays one
  /// held event, one conflict, and is still not applied when the gap is filled.
  func testAHeldEventSentAgainIsHeldOnce() throws {
    let d = world.district
    let foreign = try world.open(at: d, org: "SCJG", title: "区局的案件")
    let own = try world.open(at: township, org: "WXZ", title: "乡镇件")
    // A copy of the district that has not received the township's first bundle yet.
    let latePath = world.path("BYQ-late.db")
    try d.db.execute("VACUUM INTO '\(latePath)'")
    let late = try SyncWorld.open(latePath, clock: world.clock)
    let first = try world.export(township, to: "BYQ")
    try world.deliver(first, to: d)
    try world.sync(d, township)
    try forge(foreign, .probeConcluded, payload: "{}")
    let withGap = try world.deliver(try world.export(township, to: "BYQ"), to: late)
    XCTAssertEqual(withGap.quarantined, 1, withGap.message)
    XCTAssertEqual(withGap.held, 1)
    try world.act(at: township, own, .probeExtended, ProbeDays(days: 1))
    let again = try world.deliver(try world.export(township, to: "BYQ"), to: late)
    XCTAssertEqual(again.held, 0, again.message)
    try world.deliver(first, to: late)
    XCTAssertEqual(try late.openConflicts().map(\.stream), [foreign])
    let concluded = try late.db.fetchOne(
      "SELECT concluded FROM probe WHERE stream = ?", [foreign]
    ) { $0.bool(0) }
    XCTAssertEqual(concluded, false, "held, not applied")
    XCTAssertEqual(try world.probe(late, own)?.limitDays, 11)
    XCTAssertEqual(try late.auditFindings(), [])
  }
}
