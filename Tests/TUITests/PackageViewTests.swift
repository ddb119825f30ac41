import Domain
import Foundation
import Store
import XCTest

@testable import TUI

/// 一件事 in a member's case view (第十九条): the package, its deadline and every member with its
/// status and deadline, the slowest marked — the demo's 企业开办 package of two working days ago.
final class PackageViewTests: XCTestCase {
  func testAMembersCaseViewShowsThePackageAndEveryMember() throws {
    let desk = try IntakeDesk()
    let context = try desk.context("wangfang")
    var ws = Workstation(
      panes: [ApplicationsPane(service: desk.service), CalendarPane(today: context.today)],
      context: context)
    let id = try XCTUnwrap(
      try desk.store.db.value(
        "case_id", of: "package_member", as: String.self,
        "SELECT case_id FROM package_member WHERE position = 3", []))
    ws.handle(.char("/"))
    for c in id { ws.handle(.char(c)) }
    ws.handle(.enter)
    ws.handle(.enter)
    let frame = ws.render(width: 100, height: 30)
    assertGolden(frame, "applications-package-100x30")
    for y in 0..<30 { XCTAssertLessThanOrEqual(DisplayWidth.of(frame.line(y)), 100) }
    let text = frame.text
    XCTAssertTrue(text.contains("企业开办一件事"), text)
    XCTAssertTrue(text.contains("办理中(已办结 1/4)"), text)
    XCTAssertTrue(text.contains("[本件、最慢]"), text)
    XCTAssertTrue(text.contains("(一件事承诺3个工作日)"), text)
  }
}
