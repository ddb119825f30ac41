import Foundation
import XCTest

@testable import Domain
@testable import Store

/// Anonymous complaints (no phone, the reason no callback is possible) and complaints referred
/// from an upstream platform (its ticket number, found by F7).
final class ReferredComplaintTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func draft(
    complainant: String = "", contact: String = "", ticket: String? = nil,
    anonymous: String? = nil
  ) -> ComplaintDraft {
    ComplaintDraft(
      channel: .hotline, type: .complaint, urgency: .ordinary, subject: "路灯不亮",
      content: "人民路东段路灯连续一周不亮", complainant: complainant, contact: contact,
      concernedOrg: "RMLJD", ticketNumber: ticket, anonymousReason: anonymous)
  }

  func testAnAnonymousComplaintNeedsNoPhoneButItsReason() throws {
    let clerk = try XCTUnwrap(try store.staff(login: "liuyang"))
    XCTAssertThrowsError(try store.registerComplaint(draft(complainant: "王先生"), by: clerk)) {
      error in
      XCTAssertTrue("\(error)".contains("「联系电话」不能为空(匿名投诉请填写匿名原因)"), "\(error)")
    }
    let id = try store.registerComplaint(
      draft(anonymous: "来电人不愿留下姓名和电话"), by: clerk)
    let k = try XCTUnwrap(try store.complaint(id: id, for: clerk)).complaint
    XCTAssertTrue(k.registration.isAnonymous)
    XCTAssertEqual(k.registration.anonymousReason, "来电人不愿留下姓名和电话")
    XCTAssertEqual(k.registration.contact, "")
  }

  func testATicketNumberIsKeptAndFoundWithOrWithoutDashes() throws {
    let clerk = try XCTUnwrap(try store.staff(login: "liuyang"))
    let id = try store.registerComplaint(
      draft(complainant: "钱女士", contact: "13909431357", ticket: "GS12345-2026-118"), by: clerk)
    let supervisor = try XCTUnwrap(try store.staff(login: "chenjing"))
    for text in ["GS12345-2026-118", "gs123452026118"] {
      let found = try store.find(FindQuery.parse(text).get(), for: supervisor).cases
      XCTAssertEqual(found.map(\.caseID), [id], text)
      XCTAssertEqual(found.first?.matchedBy, .ticket, text)
    }
    let sheet = try store.caseSheetValues(.complaint, caseID: id, for: supervisor)
    XCTAssertEqual(sheet["工单号"], "上级工单号:GS12345-2026-118")
  }

  func testALinkedCaseShowsFromBothEnds() throws {
    let clerk = try XCTUnwrap(try store.staff(login: "liuyang"))
    var d = draft(complainant: "马晓燕", contact: "13993012345")
    d.concernedOrg = "SCJG"
    d.relatedCase = "nosuch-1"
    XCTAssertThrowsError(try store.registerComplaint(d, by: clerk)) { error in
      XCTAssertTrue("\(error)".contains("关联案件「nosuch-1」不存在"), "\(error)")
    }
    d.relatedCase = "byq2026000054"
    let id = try store.registerComplaint(d, by: clerk)
    let supervisor = try XCTUnwrap(try store.staff(login: "chenjing"))
    let k = try XCTUnwrap(try store.complaint(id: id, for: supervisor)).complaint
    XCTAssertEqual(k.registration.relatedCase, "BYQ-2026-000054")
    let fromComplaint = try store.relatedCases(of: .complaint, id, for: supervisor)
    XCTAssertEqual(fromComplaint.linked.map(\.caseID), ["BYQ-2026-000054"])
    let fromApplication = try store.relatedCases(
      of: .application, "BYQ-2026-000054", for: supervisor)
    XCTAssertEqual(fromApplication.linked.map(\.caseID), [id])
    XCTAssertEqual(fromApplication.linked.first?.kind, .complaint)
    // The same phone: the new complaint is also among her other cases.
    XCTAssertTrue(fromApplication.samePerson.map(\.caseID).contains(id))
  }

  func testARegistrationWithoutTheNewFieldsKeepsItsJSON() throws {
    let r = ComplaintRegistration(
      channel: .hotline, type: .complaint, urgency: .ordinary, limitDays: 10, subject: "s",
      content: "c", complainant: "n", contact: "13909431357", concernedOrg: "RMLJD",
      concernedOrgName: "人民路街道", confidentiality: .none, registeringOrg: "ZWZX",
      registeringOrgName: "区政务服务中心", handledByRegistrant: false)
    let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
    XCTAssertFalse(json.contains("ticketNumber"), json)
    XCTAssertFalse(json.contains("anonymousReason"), json)
  }
}
