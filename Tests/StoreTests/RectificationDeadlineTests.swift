import Domain
import Foundation
import Store
import XCTest

/// A rectification awaiting verification runs to the end of the next working day: the deadline
/// index calls that 核实 (`verification`), not 办结 (`main`), so the 督办 list labels it truly.
final class RectificationDeadlineTests: XCTestCase {
  func testAVerificationDeadlineIsNotCalledTheConclusionDeadline() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rows = try store.db.fetchAll(
      "SELECT purpose, state FROM deadline WHERE kind = 'rectification' ORDER BY case_id"
    ) { [$0.text(0), $0.text(1)] }
    let verifying = rows.filter { $0[1] == "待核实" }
    XCTAssertFalse(verifying.isEmpty, "the demo has cases awaiting verification: \(rows)")
    XCTAssertTrue(verifying.allSatisfy { $0[0] == "verification" }, "\(rows)")
    XCTAssertTrue(rows.filter { $0[1] != "待核实" }.allSatisfy { $0[0] == "main" }, "\(rows)")
  }
}
