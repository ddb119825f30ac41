import Domain
import Foundation
import XCTest

@testable import TUI

/// The fake's 投诉分析: a few complaints of the period asked for, grouped as asked.
extension FakeSupervisionService {
  static func complaintFacts() -> [ComplaintFacts] {
    func f(
      _ id: String, _ type: ComplaintType, _ org: String, _ iso: String, _ subject: String,
      _ phone: String, status: ComplaintStatus = .concluded, onTime: Bool? = true,
      satisfaction: Satisfaction? = .satisfied, round: Int = 1, rejection: RejectionReason? = nil
    ) -> ComplaintFacts {
      ComplaintFacts(
        id: id, type: type, channel: .hotline, organisation: org, registeredOn: day(iso),
        status: status, onTime: onTime, satisfaction: satisfaction, round: round,
        subject: subject, contact: phone, rejection: rejection)
    }
    return [
      f(
        "BYQ-2026-000101", .complaint, "WXZ", "2026-11-05", "某村自来水连续三天停水", "13709432210",
        onTime: false, satisfaction: .unsatisfied, round: 2),
      f("BYQ-2026-000102", .complaint, "WXZ", "2026-11-06", "自来水停水未提前通知", "13709432210"),
      f("BYQ-2026-000103", .enquiry, "RSJ", "2026-11-09", "咨询失业保险金申领", "13993012345"),
      f(
        "BYQ-2026-000104", .complaint, "ZRZY", "2026-11-20", "征地补偿标准", "13309431234",
        status: .rejected, onTime: nil, satisfaction: nil, rejection: .otherProcedure),
    ]
  }

  func complaintAnalysis(
    _ period: StatisticsPeriod, by grouping: ComplaintGrouping, for staff: Staff
  ) throws -> ComplaintAnalysis {
    ComplaintAnalysis.analyse(
      Self.complaintFacts(), by: grouping, period: period,
      organisations: [("RSJ", "区人力资源和社会保障局"), ("WXZ", "王岘镇"), ("ZRZY", "区自然资源局")])
  }

  func exportComplaintAnalysis(
    _ period: StatisticsPeriod, by grouping: ComplaintGrouping, for staff: Staff, to path: String
  ) throws -> Int {
    Self.complaintFacts().count
  }
}

extension SupervisionPaneTests {
  func testComplaintAnalysisByMonthAndGroupingWithExport() throws {
    var ws = workstation(FakeSupervisionService())
    ws.handle(.char("a"))
    let pane = try XCTUnwrap(ws.activePane as? SupervisionPane)
    XCTAssertEqual(pane.mode, .complaints)
    XCTAssertEqual(
      pane.complaintAnalysis?.period, .month(of: FakeSupervisionService.day("2026-11-26")))
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "supervision-complaints-80x24")
    XCTAssertTrue(text.contains("2026-11 投诉建议4件 按时办结率66.7% 回访满意率66.7% 重办率33.3%"), text)
    XCTAssertTrue(text.contains("不予受理原因: (七)"), text)
    XCTAssertTrue(text.contains("主题词: 自来水2 停水2"), text)
    XCTAssertTrue(text.contains("重复投诉人: 137****2210 2件"), text)
    ws.handle(.char("g"))
    XCTAssertEqual(
      (ws.activePane as? SupervisionPane)?.complaintAnalysis?.grouping, .channel)
    ws.handle(.char("g"))
    let wide = ws.render(width: 120, height: 40).text
    XCTAssertTrue(wide.contains("王岘镇"), wide)
    XCTAssertTrue(wide.contains("重办率"), wide)
    ws.handle(.left)
    XCTAssertEqual(
      (ws.activePane as? SupervisionPane)?.complaintAnalysis?.period.from?.iso, "2026-10-01")
    ws.handle(.char("x"))
    let form = ws.render(width: 80, height: 24).text
    XCTAssertTrue(form.contains("投诉建议分析-2026-10-按单位.csv"), form)
    ws.handle(.function(5))
    XCTAssertTrue(
      ws.toast?.text.hasPrefix("已导出 4 件投诉建议的分析: ") ?? false, "\(String(describing: ws.toast))")
  }
}
