import Domain
import Foundation
import Store
import XCTest

/// The queues, full-text search, confidentiality, the deadline board, 督办 and 抽查 on the demo.
final class ComplaintQueueTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  func scope(_ login: String) throws -> ComplaintQueueScope {
    ComplaintQueueScope(staff: try staff(login), today: store.today, calendar: store.calendar)
  }

  func rows(_ view: ComplaintView, _ login: String, _ filter: ComplaintFilter = ComplaintFilter())
    throws -> [ComplaintRow]
  {
    try store.complaintQueue(view, filter: filter, scope: try scope(login))
  }

  func testDemoSpreadAsOfTheTwentySixth() throws {
    let all = try rows(.all, "chenjing")
    XCTAssertEqual(all.count, 35)
    let cal = store.calendar
    let labels = all.compactMap { $0.due.map { cal.countdown(today: store.today, due: $0).label } }
    for expected in ["超期6日", "超期1日", "今日到期", "剩1日", "剩2日", "剩3日"] {
      XCTAssertTrue(labels.contains(expected), "no \(expected) in \(labels)")
    }
    XCTAssertTrue(
      all.contains { $0.confidentiality == .privacy || $0.confidentiality == .undisclosed })
    XCTAssertTrue(all.contains { $0.mergedInto != nil })
    XCTAssertTrue(all.contains { $0.supervised })
    XCTAssertEqual(try rows(.callback, "chenjing").count, 1)
    XCTAssertEqual(try rows(.supervised, "chenjing").count, 1)
    XCTAssertEqual(try rows(.overdue, "chenjing").count, 4)
    // Sorted by time left: the most overdue first.
    XCTAssertEqual(all.first?.due?.iso, "2026-11-18")
  }

  func testViewsForTheTownshipClerkAndTheSupervisor() throws {
    let mine = try rows(.mine, "zhengtao")
    XCTAssertTrue(mine.allSatisfy { $0.handlingOrg == "WXZ" })
    XCTAssertTrue(mine.contains { $0.subject.contains("道路硬化") })
    let counts = try store.complaintCounts(filter: ComplaintFilter(), scope: try scope("zhengtao"))
    XCTAssertNil(counts[.all], "全部 is for supervisors")
    XCTAssertEqual(counts[.organisation], try rows(.organisation, "zhengtao").count)
    let supervisorMine = try rows(.mine, "chenjing")
    XCTAssertTrue(supervisorMine.contains { $0.status == .awaitingDispatch })
    XCTAssertTrue(supervisorMine.contains { $0.extensionState == .pending })
    XCTAssertEqual(try rows(.all, "zhengtao"), [])
    let filtered = try rows(.all, "chenjing", ComplaintFilter(org: "WXZ", urgency: .urgent))
    XCTAssertFalse(filtered.isEmpty)
    XCTAssertTrue(filtered.allSatisfy { $0.handlingOrg == "WXZ" && $0.urgency == .urgent })
  }

  func testChineseSearchByTrigramAndShortLikeFallback() throws {
    XCTAssertEqual(try rows(.all, "chenjing", ComplaintFilter(search: "砂石厂")).count, 2)
    // "医保" is two characters: below the trigram length, answered by LIKE.
    XCTAssertEqual(try rows(.all, "chenjing", ComplaintFilter(search: "医保")).count, 1)
    // Content, not only the subject: the word appears only in the body.
    XCTAssertEqual(try rows(.all, "chenjing", ComplaintFilter(search: "8点半取号")).count, 1)
    XCTAssertEqual(try rows(.all, "chenjing", ComplaintFilter(search: "100%")).count, 0)
    XCTAssertEqual(try rows(.all, "chenjing", ComplaintFilter(search: "\"引号")).count, 0)
  }

  func testConfidentialCasesAreMaskedOutsideTheHandlingOrganisation() throws {
    // Registered at the district window, handled by 区市场监管局: the window sees number and badge.
    let window = try rows(.organisation, "wangfang")
    XCTAssertFalse(window.isEmpty)
    let secret = try XCTUnwrap(
      try rows(.all, "chenjing").first { $0.confidentiality == .commercialSecret })
    XCTAssertEqual(secret.masked, false, "supervisors see it")
    let handler = try XCTUnwrap(
      try rows(.organisation, "zhouqiang").first { $0.caseID == secret.caseID })
    XCTAssertEqual(handler.masked, false)
    XCTAssertFalse(handler.subject.isEmpty)
    // A search from outside never finds a confidential case by its words.
    XCTAssertEqual(try rows(.organisation, "zhengtao", ComplaintFilter(search: "冒用他人注册商标")), [])
    XCTAssertEqual(try rows(.all, "chenjing", ComplaintFilter(search: "冒用他人注册商标")).count, 1)
    // Reading a confidential case's content is itself recorded.
    try store.perform(ComplaintCommand.viewContent, on: secret.caseID, as: try staff("zhouqiang"))
    let events = try store.events(stream: "complaint/\(secret.caseID)")
    XCTAssertEqual(events.last?.type, .complaintContentViewed)
    XCTAssertEqual(events.last?.actor, "zhouqiang")
    XCTAssertThrowsError(
      try store.perform(ComplaintCommand.viewContent, on: secret.caseID, as: try staff("zhengtao")))
  }

  func testMaskedRowsCarryNoSubject() throws {
    at("2026-11-26T09:40")
    let d = ComplaintDraft(
      channel: .counter, type: .complaint, urgency: .ordinary, subject: "个人隐私的事", content: "内容",
      complainant: "某", contact: "13912345678", concernedOrg: "SCJG", confidentiality: .privacy)
    let id = try store.registerComplaint(d, by: try staff("wangfang"))
    try store.perform(ComplaintCommand.dispatch(org: "SCJG"), on: id, as: try staff("chenjing"))
    // The window that registered it sees it among the overdue once its deadline has passed.
    let later = ComplaintQueueScope(
      staff: try staff("wangfang"), today: try XCTUnwrap(CivilDate(iso: "2026-12-31")),
      calendar: store.calendar)
    let overdue = try store.complaintQueue(.overdue, filter: ComplaintFilter(), scope: later)
    let row = try XCTUnwrap(overdue.first { $0.caseID == id })
    XCTAssertTrue(row.masked)
    XCTAssertEqual(row.subject, "")
  }

  func at(_ time: String) { store.clock = { beijing(time) } }
}
