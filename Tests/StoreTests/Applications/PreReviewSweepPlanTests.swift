import Domain
import Foundation
import XCTest

@testable import Store

/// The 视为受理 sweep that runs as 受理登记 opens reads its candidates from the partial index
/// holding just them, never by walking the district's open queue.
final class PreReviewSweepPlanTests: XCTestCase {
  func testTheCandidatesComeFromTheirOwnIndex() throws {
    let (store, _) = try makeDemo()
    let plan = try store.db.fetchAll("EXPLAIN QUERY PLAN " + Store.preReviewCandidatesSQL) {
      $0.text(3)
    }.joined(separator: " | ")
    XCTAssertTrue(plan.contains("USING COVERING INDEX application_awaiting_prereview"), plan)
    XCTAssertFalse(plan.contains("TEMP B-TREE"), plan)
    // What it reads is what a full recount finds.
    let candidates = try store.db.fetchAll(Store.preReviewCandidatesSQL) { $0.text(0) }
    let recount = try store.db.fetchAll(
      "SELECT case_id FROM application NOT INDEXED WHERE status = 'awaitingPreReview' ORDER BY case_id"
    ) { $0.text(0) }
    XCTAssertEqual(candidates, recount)
    XCTAssertFalse(candidates.isEmpty, "the demo has an online application awaiting pre-review")
  }
}
