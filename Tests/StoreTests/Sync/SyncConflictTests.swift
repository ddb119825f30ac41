import Domain
import Foundation
import XCTest

@testable import Store

/// Guarantee 5: concurrent offline edits of one case both survive in the timeline; the one the
/// state machine cannot accept becomes a conflict for a supervisor; nothing is dropped and
/// `rebuild` equals the live tables.
final class SyncConflictTests: XCTestCase {
  func testConcurrentEditsBothSurviveAndASupervisorResolvesTheConflict() throws {
    let world = try SyncWorld()
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    let probe = try world.open(at: d, org: "WXZ", title: "并发修改")
    try world.sync(d, w)
    // Offline: the township concludes, then (later) the district extends the limit.
    try world.act(at: w, probe, .probeConcluded, NoPayload())
    try world.act(at: d, probe, .probeExtended, ProbeDays(days: 5))
    let up = try world.deliver(try world.export(w, to: "BYQ"), to: d)
    XCTAssertEqual(up.newConflicts, 1)
    XCTAssertTrue(up.message.contains("新增冲突 1 个"), up.message)
    let down = try world.deliver(try world.export(d, to: "WXZ"), to: w)
    XCTAssertEqual(down.newConflicts, 1)

    for store in [d, w] {
      let timeline = try store.events(stream: probe).map(\.type)
      XCTAssertEqual(timeline, [.probeOpened, .probeConcluded, .probeExtended])
      let state = try XCTUnwrap(try world.probe(store, probe))
      XCTAssertTrue(state.concluded)
      XCTAssertEqual(state.limitDays, 10, "the refused extension does not apply")
    }
    let extension_ = try XCTUnwrap(try d.events(stream: probe).last)
    let expected = [
      ConflictRecord(
        origin: "BYQ.1", seq: extension_.seq, stream: probe, message: "案件已办结,不能再变更")
    ]
    XCTAssertEqual(try d.openConflicts(), expected)
    XCTAssertEqual(try w.openConflicts(), expected)
    XCTAssertEqual(try d.projectionDump(), try w.projectionDump())

    let handler = try XCTUnwrap(try w.staff(login: "zhengtao"))
    XCTAssertThrowsError(
      try w.resolveConflict(origin: "BYQ.1", seq: extension_.seq, resolution: "x", by: handler)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "郑涛没有督办角色,不能处理冲突") }
    let supervisor = try XCTUnwrap(try w.staff(login: "chenjing"))
    XCTAssertThrowsError(
      try w.resolveConflict(origin: "BYQ.1", seq: extension_.seq, resolution: " ", by: supervisor)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "「处理意见」不能为空") }
    try w.resolveConflict(
      origin: "BYQ.1", seq: extension_.seq, resolution: "已办结,延期作废", by: supervisor)
    XCTAssertEqual(try w.openConflicts(), [])
    XCTAssertThrowsError(
      try w.resolveConflict(origin: "BYQ.1", seq: extension_.seq, resolution: "再次", by: supervisor)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "该冲突已由 chenjing 处理") }
    try world.sync(w, d)
    XCTAssertEqual(try d.openConflicts(), [])
    XCTAssertEqual(
      try d.db.fetchOne("SELECT resolved_by, resolution FROM conflict") {
        [$0.text(0), $0.text(1)]
      },
      ["chenjing", "已办结,延期作废"])
    XCTAssertEqual(try d.events(stream: probe).count, 4, "the resolution joins the timeline")
    XCTAssertEqual(try d.projectionDump(), try w.projectionDump())

    for store in [d, w] {
      let live = try store.projectionDump()
      try store.rebuild()
      XCTAssertEqual(try store.projectionDump(), live)
      XCTAssertTrue(try store.verifyAudit().isIntact)
    }
  }
}
