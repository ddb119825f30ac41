import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// The 督办 pane over a real demo database: notices answered and spot checks drawn from the pane.
final class SupervisionPaneStoreTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let when = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    store = try DemoCopies.store(at: path, share: repositoryShare, now: when)
  }

  func workstation(_ login: String) throws -> Workstation {
    let staff = try XCTUnwrap(try store.staff(login: login))
    return Workstation(
      panes: [SupervisionPane(service: store)],
      context: makeContext(staff: staff, calendar: store.calendar))
  }

  /// Every kind of deadline reads in Chinese in the drill-down (an application waiting for
  /// acceptance read `intake`).
  func testTheDrillDownNamesEveryDeadlineInChinese() throws {
    var ws = try workstation("chenjing")
    ws.handle(.enter)
    let text = ws.render(width: 160, height: 50).text
    XCTAssertTrue(text.contains("BYQ-2026-000062"), text)
    XCTAssertTrue(text.contains("受理"), text)
    for english in ["intake", "clockStop", "main", "supervision"] {
      XCTAssertFalse(text.contains(english), text)
    }
    for purpose in ["main", "intake", "clockStop", "supervision", "verification", "新的"] {
      XCTAssertFalse(
        CaseKindWording.purpose(purpose).contains { $0.isASCII && $0.isLetter }, purpose)
    }
  }

  func testTheHandlingOrganisationAnswersANoticeFromThePane() throws {
    var ws = try workstation("zhouqiang")
    ws.handle(.char("t"))
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("BYQ督〔2026〕2号"))
    ws.handle(.enter)
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("区市场监督管理局"))
    ws.handle(.char("y"))
    for c in "超期系等待检测报告,已于今日答复投诉人" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(ws.toast?.text, "已回复督办")
    let notice = try XCTUnwrap(
      try store.supervisionNotices(
        org: "SCJG", for: Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
      ).first)
    XCTAssertEqual(notice.repliedBy, "zhouqiang")
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("按期"))
  }

  func testASupervisorDrawsASampleAndRecordsAVerdict() throws {
    var ws = try workstation("chenjing")
    ws.handle(.char("c"))
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("BYQ-CC-2026-0001"))
    ws.handle(.char("n"))
    // The period defaults to this month up to yesterday; take October instead.
    ws.handle(.control("u"))
    for c in "2026-10-01" { ws.handle(.char(c)) }
    ws.handle(.tab)
    ws.handle(.control("u"))
    for c in "2026-10-31" { ws.handle(.char(c)) }
    ws.handle(.tab)
    ws.handle(.control("u"))
    ws.handle(.char("2"))
    ws.handle(.tab)
    ws.handle(.control("u"))
    for c in "2a" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertTrue(ws.toast?.text.hasPrefix("已抽取样本") ?? false, "\(String(describing: ws.toast))")
    let check = try XCTUnwrap(
      try store.spotChecks().first { $0.seed == SpotCheckSampler.hex(0x2a) })
    XCTAssertEqual(check.size, 2)
    XCTAssertEqual(check.population, 5)
    ws.handle(.char("v"))
    ws.handle(.right)
    ws.handle(.tab)
    for c in "回访记录不完整" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    ws.handle(.enter)
    let items = try store.spotCheckItems(id: check.id)
    XCTAssertEqual(items.first?.verdict, .fail)
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("不合格"))
  }
}
