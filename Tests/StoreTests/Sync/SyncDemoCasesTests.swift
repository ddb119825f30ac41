import Domain
import Foundation
import XCTest

@testable import Store

/// Sync over the whole demo: the real case kinds (applications, complaints, 督办, ratings,
/// rectifications) travel by the scope their projectors record, not the test-only probe.
final class SyncDemoCasesTests: XCTestCase {
  func testATownshipReceivesExactlyItsOwnCasesAndItsReplyReachesTheDistrict() throws {
    let world = try SyncWorld(start: "2026-11-26T09:30", seeds: Demo.seeds)
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    try world.sync(d, w)

    let scoped = Set(
      try d.db.fetchAll("SELECT stream FROM stream_scope WHERE org = 'WXZ'") { $0.text(0) }
    ).filter { SyncScope.countsAsCase(stream: $0) }
    XCTAssertTrue(scoped.contains { $0.hasPrefix("complaint/") })
    XCTAssertTrue(scoped.contains { $0.hasPrefix("supervision/") })
    let received = try w.journalStreams().filter { SyncScope.countsAsCase(stream: $0) }
    XCTAssertEqual(received.subtracting(scoped).sorted(), [], "received beyond the scope")
    XCTAssertEqual(scoped.subtracting(received).sorted(), [], "scoped but not received")
    // 常用语: the district's and 王岘镇's, never another organisation's.
    XCTAssertEqual(
      try w.phrases().map(\.id),
      try d.phrases().filter { $0.org == nil || $0.org == "WXZ" }.map(\.id))
    XCTAssertEqual(
      try w.deadlines(org: "WXZ", for: districtSupervisor),
      try d.deadlines(org: "WXZ", for: districtSupervisor))
    XCTAssertEqual(
      try w.deadlines(org: "SCJG", for: districtSupervisor), [],
      "another organisation's cases stay away")

    // The district's supervisor chases an open township case; the township answers offline.
    let supervisor = try XCTUnwrap(try d.staff(login: "chenjing"))
    let open = try XCTUnwrap(
      try d.deadlines(org: "WXZ", for: districtSupervisor).first { $0.purpose == "main" })
    let target = try XCTUnwrap(try d.supervisionTarget(caseID: open.caseID))
    world.clock.advance()
    let id = try d.issueSupervision(
      on: target, method: .online, requirement: "请说明办理进展", replyDays: 2, by: supervisor)
    try world.sync(d, w)
    let notice = try XCTUnwrap(
      try w.supervisionNotices(org: "WXZ", for: districtSupervisor).first { $0.id == id })
    XCTAssertNil(notice.reply)
    let handler = try XCTUnwrap(try w.staff(login: "zhengtao"))
    world.clock.advance()
    try w.replySupervision(id: notice.id, reply: "已入户核实,本周内办结", by: handler)
    try world.sync(w, d)
    let answered = try d.supervisionNotices(org: "WXZ", for: districtSupervisor).first {
      $0.id == notice.id
    }
    XCTAssertEqual(answered?.reply, "已入户核实,本周内办结")
    XCTAssertEqual(answered?.repliedBy, "zhengtao")
    XCTAssertEqual(
      try w.deadlines(org: "WXZ", for: districtSupervisor),
      try d.deadlines(org: "WXZ", for: districtSupervisor))
    for store in [d, w] { XCTAssertTrue(try store.verifyAudit().isIntact) }
  }

  func testATownshipAdminSetsItsOwnNoticePrinterWhichNeverLeavesTheNode() throws {
    let world = try SyncWorld(start: "2026-11-26T09:30")
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    try w.configureNotices(directory: "/srv/wxz/notices", printer: "HP-2", by: world.admin)
    XCTAssertEqual(try w.noticeSettings().printer, "HP-2")
    XCTAssertEqual(try w.noticeSettings().directory, "/srv/wxz/notices")
    let streams = try w.journalStreams().filter { $0.hasPrefix("nodesetting/notice.") }
    XCTAssertEqual(streams.count, 2)
    for s in streams { XCTAssertEqual(try w.events(stream: s).map(\.origin), ["WXZ.1.local"]) }
    try world.sync(w, d)
    XCTAssertTrue(try d.journalStreams().isDisjoint(with: streams))
    XCTAssertNil(try d.noticeSettings().printer)
    try w.rebuild()
    XCTAssertEqual(try w.noticeSettings().printer, "HP-2", "a rebuild keeps node settings")
  }
}
