import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// The 差评整改 list reads a page at a time (it read at most 1000 cases, silently).
final class RectificationPagingTests: XCTestCase {
  let chenjing = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])

  func testTheListReadsThePageAfterTheLastRowAndNamesTheReadItNeeds() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let when = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    let store = try DemoCopies.store(at: path, share: repositoryShare, now: when)
    let ctx = makeContext(staff: chenjing)
    var pane = RectificationPane(service: store, context: ctx)
    pane.queue.pageSize = 2
    pane.queue.filter = .all
    pane.runStart(ctx)
    let total = try store.rectificationCounts(for: chenjing).values.reduce(0, +)
    XCTAssertGreaterThan(total, 2, "the demo has more cases than a page")
    XCTAssertEqual(pane.rows.count, 2)
    guard case .readPage(let next)? = pane.update(.down, ctx).effects.first else {
      return XCTFail("reaching the last row read names the next page")
    }
    XCTAssertEqual(next, PageRequest(offset: 2, limit: 2))
    XCTAssertEqual(pane.rows.count, 2, "nothing is read until the effect runs")
    for _ in 0..<total { _ = pane.runUpdate(.down, ctx) }
    XCTAssertEqual(pane.rows.count, total)
    XCTAssertEqual(Set(pane.rows.map(\.id)).count, total, "pages neither repeat nor skip a case")
    // A reload keeps every row read and the selection on its case.
    let selected = try XCTUnwrap(pane.queue.selected?.id)
    pane.runStart(ctx)
    XCTAssertEqual(pane.rows.count, total)
    XCTAssertEqual(pane.queue.selected?.id, selected)
  }
}
