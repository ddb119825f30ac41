import Domain
import Foundation
import XCTest

@testable import Store

/// Every query applies `Visibility`: what an operator asks for never widens what they get, and a
/// masked field stays masked on every path (list, search, detail, export).
final class VisibilityQueryTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  func testAHandlerAskingForAnotherOrganisationGetsOnlyTheirOwn() throws {
    let zhengtao = try staff("zhengtao")  // 王岘镇 handler
    let asked = try store.deadlines(org: "SCJG", for: zhengtao)
    XCTAssertFalse(asked.isEmpty)
    XCTAssertEqual(Set(asked.map(\.org)), ["WXZ"])
    XCTAssertEqual(asked, try store.deadlines(org: "WXZ", for: zhengtao))
    XCTAssertEqual(
      Set(try store.supervisionNotices(org: "SCJG", for: zhengtao).map(\.org)).subtracting(["WXZ"]),
      [])
    let board = try store.deadlineOverview(
      today: store.today, soonUntil: store.today, for: zhengtao)
    XCTAssertEqual(board.map(\.org), ["WXZ"])
    let rectifications = try store.rectifications(phase: nil, for: try staff("zhouqiang"))
    XCTAssertFalse(rectifications.isEmpty)
    XCTAssertTrue(rectifications.allSatisfy { $0.organisation == "SCJG" })
    let other = try XCTUnwrap(
      try store.rectifications(phase: nil, for: districtSupervisor).first {
        $0.organisation != "SCJG"
      })
    XCTAssertThrowsError(try store.rectification(other.id, for: try staff("zhouqiang"))) {
      XCTAssertTrue("\($0)".contains("无权查看"), "\($0)")
    }
    XCTAssertEqual(
      try store.satisfaction(StatisticsPeriod(), for: zhengtao).map(\.organisation), ["WXZ"])
  }

  func testASupervisorSeesEveryOrganisation() throws {
    let chenjing = try staff("chenjing")
    XCTAssertEqual(
      Set(try store.deadlines(org: "SCJG", for: chenjing).map(\.org)), ["SCJG"],
      "a supervisor gets the organisation asked for")
    let board = try store.deadlineOverview(
      today: store.today, soonUntil: store.today, for: chenjing)
    XCTAssertTrue(Set(board.map(\.org)).isSuperset(of: ["WXZ", "SCJG", "MZJ"]))
    let all = try store.rectifications(phase: nil, for: chenjing)
    XCTAssertGreaterThan(Set(all.map(\.organisation)).count, 1)
    let counts = try store.rectificationCounts(for: chenjing)
    XCTAssertEqual(counts.values.reduce(0, +), all.count)
    XCTAssertGreaterThan(
      try store.satisfaction(StatisticsPeriod(), for: chenjing).count, 1)
  }

  func testRectificationsArePagedWithoutRepeatsOrGaps() throws {
    let whole = try store.rectifications(phase: nil, for: districtSupervisor).map(\.id)
    XCTAssertGreaterThan(whole.count, 2)
    var paged: [String] = []
    while true {
      let page = try store.rectifications(
        phase: nil, for: districtSupervisor, offset: paged.count, limit: 2)
      if page.isEmpty { break }
      paged += page.map(\.id)
    }
    XCTAssertEqual(paged, whole)
  }

  /// A confidential case registered at the district window and handled by 区市场监管局 (SCJG),
  /// read from four paths.
  func testMaskedContentStaysMaskedOnEveryPath() throws {
    store.clock = { beijing("2026-11-26T09:40") }
    let words = "冒用他人注册商标的店铺"
    let d = ComplaintDraft(
      channel: .counter, type: .complaint, urgency: .ordinary, subject: "商业秘密: \(words)",
      content: "举报\(words)", complainant: "某", contact: "13912345678", concernedOrg: "SCJG",
      confidentiality: .commercialSecret)
    let id = try store.registerComplaint(d, by: try staff("wangfang"))
    try store.perform(ComplaintCommand.dispatch(org: "SCJG"), on: id, as: try staff("chenjing"))
    let later = { (login: String) in
      ComplaintQueueScope(
        staff: try self.staff(login), today: try XCTUnwrap(CivilDate(iso: "2026-12-31")),
        calendar: self.store.calendar)
    }
    // List: the registering window sees the number, not the subject.
    let window = try XCTUnwrap(
      try store.complaintQueue(.overdue, filter: ComplaintFilter(), scope: later("wangfang"))
        .first { $0.caseID == id })
    XCTAssertTrue(window.masked)
    XCTAssertEqual(window.subject, "")
    let handling = try XCTUnwrap(
      try store.complaintQueue(.overdue, filter: ComplaintFilter(), scope: later("zhouqiang"))
        .first { $0.caseID == id })
    XCTAssertFalse(handling.masked)
    // Search: outside the handling organisation the words find nothing.
    XCTAssertEqual(
      try store.complaintQueue(
        .overdue, filter: ComplaintFilter(search: words), scope: later("wangfang")), [])
    XCTAssertEqual(
      try store.complaintQueue(
        .overdue, filter: ComplaintFilter(search: words), scope: later("zhouqiang")
      ).map(\.caseID), [id])
    // Detail: hidden outside; awaiting a recorded reveal inside, asking is not enough.
    let outside = try XCTUnwrap(try store.complaint(id: id, for: try staff("wangfang")))
    XCTAssertEqual(outside.content, .hidden)
    XCTAssertEqual(outside.complaint.registration.subject, "")
    XCTAssertEqual(outside.complaint.registration.content, "")
    XCTAssertEqual(outside.complaint.registration.contact, "")
    let asked = try XCTUnwrap(
      try store.complaint(id: id, for: try staff("wangfang"), revealed: true))
    XCTAssertEqual(asked.content, .hidden, "asking to reveal does not open it to outsiders")
    let zhouqiang = try staff("zhouqiang")
    let unrecorded = try XCTUnwrap(
      try store.complaint(id: id, for: zhouqiang, revealed: true))
    XCTAssertEqual(unrecorded.content, .onReveal, "no recorded view yet")
    XCTAssertEqual(unrecorded.complaint.registration.content, "")
    XCTAssertFalse(unrecorded.complaint.registration.subject.isEmpty)
    try store.perform(ComplaintCommand.viewContent, on: id, as: zhouqiang)
    let revealed = try XCTUnwrap(
      try store.complaint(id: id, for: zhouqiang, revealed: true))
    XCTAssertEqual(revealed.content, .full)
    XCTAssertEqual(revealed.complaint.registration.content, "举报\(words)")
    // Another's recorded view opens nothing for the supervisor until they record their own.
    let supervisor = try XCTUnwrap(
      try store.complaint(id: id, for: try staff("chenjing"), revealed: true))
    XCTAssertEqual(supervisor.content, .onReveal)
    // Export: a window's statistics hold its own organisation only.
    let path = temporaryDirectory().appendingPathComponent("满意度.csv").path
    try store.exportSatisfaction(StatisticsPeriod(), for: try staff("wangfang"), to: path)
    let csv = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertFalse(csv.contains("区市场监督管理局"), csv)
  }

  func testContactNumbersAreWholeOnlyForTheHandlingOrganisation() throws {
    let id = try XCTUnwrap(
      try store.complaintQueue(
        .all, filter: ComplaintFilter(),
        scope: ComplaintQueueScope(
          staff: try staff("chenjing"), today: store.today, calendar: store.calendar)
      ).first { $0.confidentiality == .none && $0.handlingOrg == "SCJG" }?.caseID)
    let handler = try XCTUnwrap(try store.complaint(id: id, for: try staff("zhouqiang")))
    let window = try XCTUnwrap(try store.complaint(id: id, for: try staff("wangfang")))
    XCTAssertEqual(window.content, .full)
    XCTAssertNotEqual(window.complaint.registration.contact, handler.complaint.registration.contact)
    XCTAssertEqual(
      window.complaint.registration.contact,
      PhoneNumber.mask(handler.complaint.registration.contact))
  }
}
