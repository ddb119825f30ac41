import Domain
import Foundation
import Store
import XCTest

/// The 督办 pane's reads over the one deadline index, 督办 notices, 抽查, and rebuild.
final class DeadlineBoardTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  var soon: CivilDate { store.calendar.deadline(receivedAt: store.today, workingDays: 2) }

  func testOverviewCountsPerOrganisation() throws {
    let board = try store.deadlineOverview(
      today: store.today, soonUntil: soon, for: districtSupervisor)
    let wxz = try XCTUnwrap(board.first { $0.org == "WXZ" })
    // 11-19 (整改中) and 11-23 overdue; the confidential case due today; nothing within two days.
    XCTAssertEqual(wxz.overdue, 2)
    XCTAssertEqual(wxz.dueToday, 1)
    XCTAssertEqual(wxz.oldestOverdue?.iso, "2026-11-19")
    XCTAssertEqual(
      store.calendar.workingDays(after: try XCTUnwrap(wxz.oldestOverdue), through: store.today), 5)
    let scjg = try XCTUnwrap(board.first { $0.org == "SCJG" })
    XCTAssertEqual(scjg.overdue, 2, "the complaint due 11-18 and the application due 11-25")
    XCTAssertEqual(scjg.dueSoon, 1, "the 督办 reply due 11-27")
    XCTAssertEqual(board.first { $0.org == "MZJ" }?.dueSoon, 2, "a complaint and a list adjustment")
    XCTAssertEqual(board.first { $0.org == "GNLJD" }?.open, 0, "every organisation has a line")
  }

  func testDrillDownIsOldestFirstAcrossPurposes() throws {
    let rows = try store.deadlines(org: "SCJG", for: districtSupervisor)
    // Running clocks oldest first, then the paused ones (an application waiting on 补正).
    let running = rows.filter { !$0.paused }
    XCTAssertEqual(running.map(\.due.iso), running.map(\.due.iso).sorted())
    XCTAssertEqual(rows.map(\.paused), [false, false, false, false, false, true])
    XCTAssertEqual(
      rows.map(\.purpose), ["main", "main", "supervision", "intake", "main", "intake"])
    XCTAssertEqual(
      try store.deadlines(org: "SCJG", for: districtSupervisor, offset: 2, limit: 1).map(\.purpose),
      ["supervision"])
  }

  func testBoardQueriesUseTheIndexNotAScan() throws {
    let plans = [
      "SELECT count(*), min(due_day) FROM deadline WHERE org = 'WXZ' AND paused = 0 AND due_day < 1",
      "SELECT stream FROM deadline WHERE org = 'WXZ' ORDER BY paused, due_day, stream, purpose LIMIT 10",
    ].map { sql in
      (try? store.db.fetchAll("EXPLAIN QUERY PLAN " + sql) { $0.text(3) }.joined(separator: " "))
        ?? ""
    }
    for p in plans {
      XCTAssertTrue(p.contains("USING") && p.contains("INDEX deadline_by_org"), p)
      XCTAssertFalse(p.contains("TEMP B-TREE"), p)
    }
  }

  func testSupervisionOnAnyCaseHasAReplyDeadlineUntilAnswered() throws {
    store.clock = { beijing("2026-11-26T10:00") }
    let caseID = try XCTUnwrap(
      try store.deadlines(org: "QWX", for: districtSupervisor).first?.caseID)
    let target = try XCTUnwrap(try store.supervisionTarget(caseID: caseID))
    XCTAssertThrowsError(
      try store.issueSupervision(
        on: target, method: .phone, requirement: "请立即处理", replyDays: 1, by: try staff("heping")))
    let id = try store.issueSupervision(
      on: target, method: .phone, requirement: "请立即派人核查污水直排并回复", replyDays: 1,
      by: try staff("chenjing"))
    XCTAssertEqual(try store.supervision(id: id)?.notice.number, "BYQ督〔2026〕3号")
    XCTAssertEqual(
      try store.deadlines(caseID: caseID).map(\.purpose).sorted(), ["main", "supervision"])
    XCTAssertThrowsError(
      try store.replySupervision(id: id, reply: "已处理", by: try staff("zhengtao")))
    try store.replySupervision(id: id, reply: "已责令养殖场停止排污并清理河道", by: try staff("heping"))
    XCTAssertEqual(try store.deadlines(caseID: caseID).map(\.purpose), ["main"])
    XCTAssertEqual(
      try store.supervisionNotices(org: "QWX", for: districtSupervisor).first?.repliedBy, "heping")
    XCTAssertThrowsError(try store.replySupervision(id: id, reply: "再答", by: try staff("heping")))
  }

  func testSpotCheckIsReproducibleFromTheRecordedSeed() throws {
    let check = try XCTUnwrap(try store.spotChecks().first)
    XCTAssertEqual(check.population, 5)
    let items = try store.spotCheckItems(id: check.id)
    XCTAssertEqual(items.count, 3)
    let population = try store.complaintQueue(
      .all, filter: ComplaintFilter(),
      scope: ComplaintQueueScope(
        staff: try staff("chenjing"), today: store.today, calendar: store.calendar)
    ).filter { $0.status == .closed && ($0.registeredOn?.month ?? 0) == 10 }.map(\.caseID)
    XCTAssertEqual(
      SpotCheckSampler.sample(
        population, size: 3, seed: try XCTUnwrap(SpotCheckSampler.parse(check.seed))),
      items.map(\.caseID))
    XCTAssertEqual(items.first?.verdict, .pass)
    try store.recordSpotCheckVerdict(
      id: check.id, caseID: items[1].caseID, verdict: .fail, note: "回访记录不完整",
      by: try staff("chenjing"))
    XCTAssertEqual(try store.spotChecks().first?.checked, 2)
    XCTAssertThrowsError(
      try store.drawSpotCheck(
        from: try XCTUnwrap(CivilDate(iso: "2026-01-01")),
        to: try XCTUnwrap(CivilDate(iso: "2026-01-31")),
        size: 3, seed: 1, by: try staff("chenjing")))
  }

  func testRebuildEqualsTheLiveTables() throws {
    store.clock = { beijing("2026-11-26T11:00") }
    let id = try XCTUnwrap(try store.deadlines(org: "SCJG", for: districtSupervisor).first?.caseID)
    try store.perform(
      ComplaintCommand.conclude(.resolved, text: "已办结"), on: id, as: try staff("zhouqiang"))
    let live = try store.projectionDump()
    XCTAssertTrue(live.contains("## complaint\n") && live.contains("## supervision\n"))
    XCTAssertTrue(live.contains("## complaint_text\n") && live.contains("## spotcheck_item\n"))
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
    XCTAssertEqual(
      try store.complaintQueue(
        .all, filter: ComplaintFilter(search: "砂石厂"),
        scope: ComplaintQueueScope(
          staff: try staff("chenjing"), today: store.today, calendar: store.calendar)
      ).count, 2, "the full-text index is rebuilt too")
  }
}
