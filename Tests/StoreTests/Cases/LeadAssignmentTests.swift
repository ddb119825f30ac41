import Domain
import Foundation
import XCTest

@testable import Store

/// 单位负责人 (`lead`, designated by an admin as a role): assigns the organisation's cases to its
/// handlers as a supervisor does, through the same availability, and inside their own
/// organisation only.
final class LeadAssignmentTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  func openComplaint(of org: String) throws -> String {
    try XCTUnwrap(
      try store.db.fetchOne(
        "SELECT case_id FROM complaint WHERE status = 'handling' AND handling_org = ? ORDER BY case_id",
        [org]
      ) { $0.text(0) })
  }

  func testTheLeadAssignsInsideTheOrganisationOnly() throws {
    let complaint = try openComplaint(of: "SCJG")
    let application = try XCTUnwrap(
      try store.db.fetchOne(
        "SELECT case_id FROM application WHERE is_open = 1 AND org = 'SCJG' ORDER BY case_id"
      ) { $0.text(0) })
    // Before the designation a handler may not assign.
    XCTAssertThrowsError(
      try store.performWork(
        .assign(to: "sunli"), on: complaint, of: ComplaintMachine.self, as: try staff("zhouqiang"))
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "周强没有督办或负责人角色,不能指派经办人") }
    try store.changeRoles(
      login: "zhouqiang", to: [.counter, .handler, .lead], by: try staff("tester"))
    let lead = try staff("zhouqiang")
    let done = try store.performWork(
      .assign(to: "sunli"), on: complaint, of: ComplaintMachine.self, as: lead)
    XCTAssertEqual(done.after.handler, "sunli")
    let a = try store.performWork(
      .assign(to: "sunli"), on: application, of: ApplicationMachine.self, as: lead)
    XCTAssertEqual(a.after.work.assignee, "sunli")
    // Another organisation's case is not theirs to assign.
    XCTAssertThrowsError(
      try store.performWork(
        .assign(to: "zhengtao"), on: try openComplaint(of: "WXZ"), of: ComplaintMachine.self,
        as: lead)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "只有王岘镇的工作人员可以指派经办人") }
    XCTAssertEqual(try store.auditFindings(), [])
  }
}
