import Domain
import Foundation
import XCTest

@testable import Store

/// The complaint commands through the store: permissions, rules, the journal and the projections.
final class ComplaintStoreTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  func at(_ time: String) { store.clock = { beijing(time) } }

  /// The demo case whose subject contains `text`.
  func demoCase(_ text: String) throws -> String {
    let rows = try store.complaintQueue(
      .all, filter: ComplaintFilter(search: text), scope: scope("chenjing"))
    return try XCTUnwrap(rows.first?.caseID, "no demo case about \(text)")
  }

  func scope(_ login: String, _ now: String = "2026-11-26") -> ComplaintQueueScope {
    let s = (try? store.staff(login: login)) ?? Staff(login: login, name: login, org: "", roles: [])
    return ComplaintQueueScope(
      staff: s, today: CivilDate(iso: now) ?? CivilDate(dayNumber: 0), calendar: store.calendar)
  }

  func draft(_ subject: String = "王岘镇某村垃圾清运不及时,村口垃圾堆积发臭") -> ComplaintDraft {
    ComplaintDraft(
      channel: .hotline, type: .complaint, urgency: .urgent, subject: subject,
      content: "村口垃圾已一周未清运。", complainant: "李某", contact: "13912340000", concernedOrg: "WXZ")
  }

  func testRegisterDispatchAndTheTownshipSeesItWithThreeDaysLeft() throws {
    at("2026-11-26T09:30")
    let id = try store.registerComplaint(draft(), by: try staff("chenjing"))
    try store.perform(ComplaintCommand.dispatch(org: "WXZ"), on: id, as: try staff("chenjing"))
    let rows = try store.complaintQueue(.mine, filter: ComplaintFilter(), scope: scope("zhengtao"))
    let row = try XCTUnwrap(rows.first { $0.caseID == id })
    XCTAssertEqual(row.due?.iso, "2026-12-01")
    XCTAssertEqual(
      store.calendar.countdown(today: store.today, due: try XCTUnwrap(row.due)).label, "剩3日")
    let deadline = try XCTUnwrap(try store.deadlines(caseID: id).first)
    XCTAssertEqual(deadline.org, "WXZ")
    XCTAssertEqual(deadline.kind, "complaint")
  }

  func testAHandlerActsOnlyOnTheirOwnOrganisationsCasesAndRefusalsAreLogged() throws {
    at("2026-11-26T09:30")
    let id = try store.registerComplaint(draft(), by: try staff("chenjing"))
    try store.perform(ComplaintCommand.dispatch(org: "WXZ"), on: id, as: try staff("chenjing"))
    XCTAssertThrowsError(
      try store.perform(ComplaintCommand.return(reason: "不属本镇"), on: id, as: try staff("huangmei"))
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "只有王岘镇的工作人员可以退回投诉建议") }
    XCTAssertThrowsError(
      try store.perform(ComplaintCommand.dispatch(org: "SLZ"), on: id, as: try staff("zhengtao"))
    ) { XCTAssertTrue(($0 as? Refusal)?.message.contains("没有督办角色") ?? false, "\($0)") }
    XCTAssertEqual(try store.refusals(limit: 2).map(\.action), ["分派投诉建议", "退回投诉建议"])
  }

  func testReturnWithinTheWindowThenRefusedAfterItWithTheExplanation() throws {
    let returnable = try demoCase("道路硬化工程")  // dispatched 11-26 08:40
    let lapsed = try demoCase("卫生院门诊取消夜间值班")  // dispatched 11-25 08:45
    let zhengtao = try staff("zhengtao")
    at("2026-11-26T10:00")
    try store.perform(
      ComplaintCommand.return(reason: "该道路由区交通运输局组织建设"), on: returnable, as: zhengtao)
    XCTAssertEqual(try store.complaint(id: returnable)?.status, .awaitingDispatch)
    let back = try store.complaintQueue(.mine, filter: ComplaintFilter(), scope: scope("chenjing"))
    XCTAssertTrue(back.contains { $0.caseID == returnable }, "back in the dispatcher's queue")
    at("2026-11-27T09:00")
    XCTAssertThrowsError(
      try store.perform(ComplaintCommand.return(reason: "不属本镇"), on: lapsed, as: zhengtao)
    ) {
      let r = $0 as? Refusal
      XCTAssertEqual(r?.article, "第三十三条")
      XCTAssertTrue(r?.message.contains("视为已受理") ?? false)
    }
    XCTAssertEqual(try store.complaint(id: lapsed)?.status, .handling)
  }

  func testExtensionApprovalConclusionAndUnsatisfiedCallbackReopen() throws {
    at("2026-11-26T09:30")
    let chenjing = try staff("chenjing")
    let zhengtao = try staff("zhengtao")
    let id = try store.registerComplaint(draft(), by: chenjing)
    try store.perform(ComplaintCommand.dispatch(org: "WXZ"), on: id, as: chenjing)
    at("2026-11-27T10:00")
    try store.perform(
      ComplaintCommand.requestExtension(days: 2, reason: "需协调清运公司"), on: id, as: zhengtao)
    XCTAssertThrowsError(
      try store.perform(
        ComplaintCommand.decideExtension(approved: true, note: ""), on: id, as: zhengtao))
    try store.perform(
      ComplaintCommand.decideExtension(approved: true, note: "同意"), on: id, as: chenjing)
    XCTAssertEqual(try store.complaint(id: id)?.due?.iso, "2026-12-03")
    XCTAssertThrowsError(
      try store.perform(
        ComplaintCommand.requestExtension(days: 1, reason: "再延"), on: id, as: zhengtao)
    ) { XCTAssertEqual(($0 as? Refusal)?.article, "第三十二条(五)") }
    XCTAssertThrowsError(
      try store.perform(
        ComplaintCommand.callBack(.phone, .satisfied, notes: "x", reopenDays: nil), on: id,
        as: chenjing))
    at("2026-11-30T15:00")
    try store.perform(
      ComplaintCommand.conclude(.resolved, text: "已清运并建立每日清运台账"), on: id, as: zhengtao)
    let callbacks = try store.complaintQueue(
      .callback, filter: ComplaintFilter(), scope: scope("chenjing"))
    XCTAssertTrue(callbacks.contains { $0.caseID == id })
    at("2026-12-01T09:00")
    try store.perform(
      ComplaintCommand.callBack(.phone, .unsatisfied, notes: "村口仍有垃圾", reopenDays: 3), on: id,
      as: chenjing)
    let c = try XCTUnwrap(try store.complaint(id: id))
    XCTAssertEqual(c.status, .rectifying)
    XCTAssertEqual(c.rounds.count, 2)
    XCTAssertEqual(c.due?.iso, "2026-12-04")
    XCTAssertEqual(try store.deadlines(caseID: id).first?.state, "整改中")
  }

  func testMergeConclusionAnswersBothAndSplitRestores() throws {
    let primary = try demoCase("砂石厂夜间违规作业")
    let source = try demoCase("网站留言")
    let k = try XCTUnwrap(try store.complaint(id: source))
    XCTAssertEqual(k.mergedInto, primary)
    XCTAssertEqual(k.handlingOrg, "WXZ")
    XCTAssertEqual(try store.complaint(id: primary)?.mergedSources, [source])
    at("2026-11-26T11:00")
    try store.perform(
      ComplaintCommand.conclude(.resolved, text: "已责令砂石厂夜间停产整改"), on: primary,
      as: try staff("zhengtao"))
    XCTAssertEqual(try store.complaint(id: source)?.status, .concluded)
    XCTAssertEqual(try store.complaint(id: source)?.currentRound.conclusion?.viaPrimary, primary)
    // Another pair: merge, then split restores the source's own clock and dispatcher.
    let a = try demoCase("不动产登记中心窗口")
    let b = try demoCase("供暖不热")
    try store.perform(ComplaintCommand.merge(into: a), on: b, as: try staff("chenjing"))
    XCTAssertTrue(try store.deadlines(caseID: b).isEmpty)
    try store.perform(ComplaintCommand.split, on: b, as: try staff("chenjing"))
    let restored = try XCTUnwrap(try store.complaint(id: b))
    XCTAssertEqual(restored.status, .awaitingDispatch)
    XCTAssertEqual(restored.handlingOrg, "ZWZX")
    XCTAssertEqual(try store.deadlines(caseID: b).first?.due.iso, "2026-12-01")
    XCTAssertThrowsError(
      try store.perform(
        ComplaintCommand.merge(into: a), on: try demoCase("医保定点资格暂停"), as: try staff("chenjing"))
    ) { XCTAssertTrue(($0 as? Refusal)?.message.contains("已办结") ?? false, "\($0)") }
  }

  func testTheLimitComesFromTheRuleTableAndExistingCasesKeepTheirs() throws {
    at("2026-11-26T09:30")
    let before = try store.registerComplaint(draft(), by: try staff("chenjing"))
    XCTAssertThrowsError(
      try store.setRule(
        key: "complaint.limit.urgent", value: "2", note: "", by: try staff("chenjing")))
    XCTAssertEqual(
      try store.setRule(
        key: "complaint.limit.urgent", value: "2", note: "试行", by: try staff("zhangmin")), 2)
    let after = try store.registerComplaint(draft(), by: try staff("chenjing"))
    XCTAssertEqual(try store.complaint(id: before)?.due?.iso, "2026-12-01")
    XCTAssertEqual(try store.complaint(id: after)?.due?.iso, "2026-11-30")
    XCTAssertEqual(try store.ruleRows().first { $0.key == "complaint.limit.urgent" }?.value, 2)
  }

  func testAHolidayImportedLaterMovesOpenDeadlines() throws {
    let id = try demoCase("道路硬化工程")
    XCTAssertEqual(try store.deadlines(caseID: id).first?.due.iso, "2026-12-03")
    let text = try String(contentsOf: repositoryShare.url("holidays.tsv"), encoding: .utf8)
    let year2026 = text.split(separator: "\n").filter { $0.hasPrefix("2026-") }.joined(
      separator: "\n")
    try store.importCalendar(
      tsv: year2026 + "\n2026-12-02\tholiday\t演练\n", source: "test", by: try staff("zhangmin"),
      replace: true)
    XCTAssertEqual(try store.deadlines(caseID: id).first?.due.iso, "2026-12-04")
    XCTAssertEqual(try store.complaint(id: id)?.due?.iso, "2026-12-04")
  }

  /// A calendar import re-folds closed cases of that period too, so 按时办结 follows the calendar.
  func testACalendarImportRecomputesWhetherAClosedCaseWasOnTime() throws {
    let id = try demoCase("后厨卫生")
    let onTime = { [store] in
      try store!.db.fetchOne("SELECT on_time FROM complaint WHERE case_id = ?", [id]) {
        $0.int(0)
      }
    }
    XCTAssertEqual(try onTime(), 1, "registered 10-09, five working days, concluded 10-15")
    let text = try String(contentsOf: repositoryShare.url("holidays.tsv"), encoding: .utf8)
    let year2026 = text.split(separator: "\n").filter { $0.hasPrefix("2026-") }.joined(
      separator: "\n")
    // A drill weekend worked: the five days now end on 10-14, the day before the conclusion.
    try store.importCalendar(
      tsv: year2026 + "\n2026-10-11\tworkday\t演练\n", source: "test", by: try staff("zhangmin"),
      replace: true)
    XCTAssertEqual(try onTime(), 0)
    let live = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
  }
}
