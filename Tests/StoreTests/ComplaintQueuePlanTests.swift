import Domain
import Foundation
import XCTest

@testable import Store

/// 本单位 reads the organisation's open complaints by index ranges, whatever its history.
final class ComplaintQueuePlanTests: XCTestCase {
  func testOrganisationViewReadsOnlyOpenCasesThroughTheStatusIndexes() throws {
    let (store, _) = try makeDemo()
    let clerk = try XCTUnwrap(try store.staff(login: "zhengtao"))
    let scope = ComplaintQueueScope(staff: clerk, today: store.today, calendar: store.calendar)
    let (whereSQL, args) = try XCTUnwrap(
      Store.queueWhere(.organisation, ComplaintFilter(), scope))
    let plan = try store.db.fetchAll(
      "EXPLAIN QUERY PLAN SELECT c.case_id FROM complaint c WHERE \(whereSQL)", args
    ) { $0.text(3) }.joined(separator: " | ")
    XCTAssertTrue(plan.contains("complaint_by_status (status=? AND handling_org=?)"), plan)
    XCTAssertFalse(plan.contains("complaint_by_org_due"), plan)
    XCTAssertFalse(plan.contains("SCAN"), plan)
  }
}
