import Domain
import Store
import XCTest

@testable import TUI

/// What the 投诉建议 registration form says follows what the clerk has chosen.
final class ComplaintsTruthTests: XCTestCase {
  /// A township clerk changing 涉及单位 to another organisation reads that it goes to the district
  /// platform (it kept saying 「由王岘镇直接办理」).
  func testTheTownshipFooterFollowsTheConcernedOrganisation() {
    let clerk = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler, .counter])
    var ws = Workstation(
      panes: [ComplaintsPane(service: FakeComplaintService(rows: []))],
      context: makeContext(now: "2026-11-26T09:30", staff: clerk))
    ws.handle(.function(2))
    XCTAssertTrue(ws.render(width: 100, height: 30).text.contains("登记后由王岘镇直接办理"))
    for _ in 0..<7 { ws.handle(.tab) }  // to 涉及单位
    ws.handle(.left)
    let text = ws.render(width: 100, height: 30).text
    XCTAssertTrue(text.contains("涉及区市场监督管理局,登记后转区级平台分派"), text)
    XCTAssertFalse(text.contains("直接办理"), text)
  }
}
