import XCTest

@testable import Domain

/// `Visibility`: one rule for what an operator may list, open and read.
final class VisibilityTests: XCTestCase {
  let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
  let handler = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])
  let window = Staff(login: "wangfang", name: "王芳", org: "ZWZX", roles: [.counter])

  func testOrganisationScopeByRole() {
    XCTAssertNil(Visibility(supervisor).organisation)
    XCTAssertEqual(Visibility(supervisor).organisation(requested: "SCJG"), "SCJG")
    XCTAssertEqual(Visibility(handler).organisation, "WXZ")
    XCTAssertEqual(Visibility(handler).organisation(requested: "SCJG"), "WXZ")
    XCTAssertEqual(Visibility(handler).organisation(requested: nil), "WXZ")
    XCTAssertTrue(Visibility(handler).mayList("WXZ"))
    XCTAssertFalse(Visibility(handler).mayList("SCJG"))
    var disabled = supervisor
    disabled.disabled = true
    XCTAssertEqual(Visibility(disabled).organisation, "ZWZX", "a disabled account has no reach")
  }

  func testConfidentialContentNeedsTheOrganisationAndARecordedReveal() {
    let v = Visibility(handler)
    XCTAssertEqual(v.content(confidential: false, handlingOrg: "SCJG"), .full)
    XCTAssertEqual(v.content(confidential: true, handlingOrg: "SCJG", revealed: true), .hidden)
    XCTAssertEqual(v.content(confidential: true, handlingOrg: "WXZ"), .onReveal)
    XCTAssertEqual(v.content(confidential: true, handlingOrg: "WXZ", revealed: true), .full)
    XCTAssertEqual(
      Visibility(supervisor).content(confidential: true, handlingOrg: "WXZ"), .onReveal)
  }

  func testMaskingEmptiesWhatMayNotBeRead() {
    let registration = ComplaintRegistration(
      channel: .hotline, type: .complaint, urgency: .urgent, limitDays: 3, subject: "低保材料",
      content: "多次要求重复提交材料", complainant: "李建国", contact: "13912345678", concernedOrg: "WXZ",
      concernedOrgName: "王岘镇", confidentiality: .privacy, registeringOrg: "WXZ",
      registeringOrgName: "王岘镇", handledByRegistrant: true)
    let day = CivilDate(dayNumber: 20_000)
    let c = Complaint(
      id: "BYQ-2026-000001", registration: registration, registeredOn: day,
      registeredBy: "zhengtao", status: .handling,
      rounds: [ComplaintRound(number: 1, startedOn: day, limitDays: 3, due: day)])
    let outside = Visibility(window).masked(c)
    XCTAssertEqual(outside.content, .hidden)
    XCTAssertEqual(outside.complaint.registration.subject, "")
    XCTAssertEqual(outside.complaint.registration.contact, "")
    XCTAssertEqual(outside.complaint.status, .handling)
    let inside = Visibility(handler).masked(c)
    XCTAssertEqual(inside.content, .onReveal)
    XCTAssertEqual(inside.complaint.registration.subject, "低保材料")
    XCTAssertEqual(inside.complaint.registration.content, "")
    XCTAssertEqual(Visibility(handler).masked(c, revealed: true).complaint, c)
    var open = c
    open.registration.confidentiality = .none
    let other = Visibility(window).masked(open)
    XCTAssertEqual(other.content, .full)
    XCTAssertEqual(other.complaint.registration.contact, PhoneNumber.mask("13912345678"))
    XCTAssertEqual(Visibility(handler).masked(open).complaint, open)
  }
}
