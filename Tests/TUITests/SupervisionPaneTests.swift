import Domain
import XCTest

@testable import Store
@testable import TUI

/// A fixed deadline index: five organisations, deadlines of every kind.
final class FakeSupervisionService: SupervisionService {
  static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso) ?? CivilDate(dayNumber: 0) }

  var overview: [OrganisationDeadlines] = [
    OrganisationDeadlines(
      org: "ZWZX", name: "区政务服务中心", overdue: 0, dueToday: 0, dueSoon: 1, paused: 0, open: 3,
      oldestOverdue: nil),
    OrganisationDeadlines(
      org: "SCJG", name: "区市场监督管理局", overdue: 1, dueToday: 0, dueSoon: 1, paused: 2, open: 6,
      oldestOverdue: day("2026-11-18")),
    OrganisationDeadlines(
      org: "RSJ", name: "区人力资源和社会保障局", overdue: 0, dueToday: 3, dueSoon: 0, paused: 0, open: 4,
      oldestOverdue: nil),
    OrganisationDeadlines(
      org: "WXZ", name: "王岘镇", overdue: 2, dueToday: 1, dueSoon: 0, paused: 0, open: 7,
      oldestOverdue: day("2026-11-19")),
    OrganisationDeadlines(
      org: "QWX", name: "强湾乡", overdue: 1, dueToday: 0, dueSoon: 0, paused: 0, open: 1,
      oldestOverdue: day("2026-11-25")),
  ]
  var rows: [DeadlineRow] = [
    DeadlineRow(
      stream: "complaint/BYQ-2026-000007", purpose: "main", kind: "complaint",
      caseID: "BYQ-2026-000007", org: "WXZ", handler: "zhengtao", title: "王岘镇某村自来水连续三天停水且未提前通知",
      state: "整改中", due: day("2026-11-19"), paused: false),
    DeadlineRow(
      stream: "application/BYQ-2026-000301", purpose: "main", kind: "application",
      caseID: "BYQ-2026-000301", org: "WXZ", handler: nil, title: "农村宅基地和建房(规划许可)审批",
      state: "审查中", due: day("2026-11-23"), paused: false),
    DeadlineRow(
      stream: "supervision/BYQ-DB-2026-0002", purpose: "supervision", kind: "rectification",
      caseID: "BYQ-2026-000150", org: "WXZ", handler: nil, title: "督办回复: 差评整改 窗口工作人员态度生硬",
      state: "待回复督办", due: day("2026-11-26"), paused: false),
    DeadlineRow(
      stream: "application/BYQ-2026-000288", purpose: "main", kind: "application",
      caseID: "BYQ-2026-000288", org: "WXZ", handler: nil, title: "临时救助申请(需现场核查家庭情况)",
      state: "待补正", due: day("2026-12-04"), paused: true),
  ]
  var issued: [(SupervisionTarget, String)] = []

  func ruleTable() throws -> RuleTable { RuleTable() }
  func staffNames() throws -> [String: String] { ["zhengtao": "郑涛", "chenjing": "陈静"] }
  func organisationNames() throws -> [String: String] {
    Dictionary(uniqueKeysWithValues: overview.map { ($0.org, $0.name) })
  }
  func deadlineOverview(today: CivilDate, soonUntil: CivilDate, for staff: Staff) throws
    -> [OrganisationDeadlines]
  {
    overview.filter { Visibility(staff).mayList($0.org) }
  }
  func deadlines(org: String, for staff: Staff, offset: Int, limit: Int) throws -> [DeadlineRow] {
    let org = Visibility(staff).organisation(requested: org) ?? org
    return Array(rows.filter { $0.org == org }.dropFirst(offset).prefix(limit))
  }
  func supervisionNotices(org: String?, for staff: Staff, offset: Int, limit: Int) throws
    -> [SupervisionRow]
  { [] }
  func supervisionTarget(caseID: String) throws -> SupervisionTarget? {
    guard let r = rows.first(where: { $0.caseID == caseID }) else { return nil }
    return SupervisionTarget(
      stream: r.stream, kind: r.kind, caseID: r.caseID, org: r.org, orgName: "王岘镇", title: r.title)
  }
  func issueSupervision(
    on target: SupervisionTarget, method: SupervisionMethod, requirement: String, replyDays: Int,
    by staff: Staff
  ) throws -> String {
    issued.append((target, requirement))
    return "BYQ-DB-2026-0003"
  }
  func supervisionNumber(id: String) throws -> String? {
    id == "BYQ-DB-2026-0003" ? "BYQ督〔2026〕3号" : nil
  }
  func replySupervision(id: String, reply: String, by staff: Staff) throws {}
  var logged: [String] = []
  func logRefusal(actor: String, action: Action, subject: String?, reason: String) {
    logged.append(reason)
  }
  var periods: [StatisticsPeriod] = []
  var exported: [(StatisticsPeriod, String)] = []
  func timeliness(_ period: StatisticsPeriod, today: CivilDate, for staff: Staff) throws
    -> [OrganisationTimeliness]
  {
    periods.append(period)
    return [
      OrganisationTimeliness(
        organisation: "ZWZX", name: "区政务服务中心",
        figures: TimelinessFigures(
          applicationsConcluded: 40, applicationsOnTime: 40, complaintsConcluded: 2,
          complaintsOnTime: 2)),
      OrganisationTimeliness(
        organisation: "SCJG", name: "区市场监督管理局",
        figures: TimelinessFigures(
          applicationsConcluded: 18, applicationsOnTime: 16, complaintsConcluded: 3,
          complaintsOnTime: 2, overdueNow: 2)),
      OrganisationTimeliness(
        organisation: "GNLJD", name: "工农路街道", figures: TimelinessFigures()),
    ]
  }
  func exportTimeliness(
    _ period: StatisticsPeriod, today: CivilDate, for staff: Staff, to path: String
  ) throws -> Int {
    exported.append((period, path))
    return 3
  }
  var checks: [SpotCheckRow] = []
  func spotChecks(limit: Int) throws -> [SpotCheckRow] { checks }
  func spotCheckItems(id: String) throws -> [SpotCheckItemRow] { [] }
  func drawSpotCheck(from: CivilDate, to: CivilDate, size: Int, seed: UInt64, by staff: Staff)
    throws -> String
  { "BYQ-CC-2026-0002" }
  func recordSpotCheckVerdict(
    id: String, caseID: String, verdict: SpotCheckVerdict, note: String, by staff: Staff
  ) throws {}
}

final class SupervisionPaneTests: XCTestCase {
  let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])

  func workstation(_ service: FakeSupervisionService, as staff: Staff? = nil) -> Workstation {
    Workstation(
      panes: [SupervisionPane(service: service)],
      context: makeContext(staff: staff ?? supervisor))
  }

  func testBoardAt80x24SortedByOverdue() {
    let ws = workstation(FakeSupervisionService())
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "supervision-board-80x24")
    let lines = text.split(separator: "\n").map(String.init)
    let order = ["王岘镇", "区市场监督管理局", "强湾乡"].compactMap { name in
      lines.firstIndex { $0.contains(name) }
    }
    XCTAssertEqual(order, order.sorted(), "most overdue first, ties by the oldest")
    XCTAssertTrue(text.contains("通报"), "区市场监督管理局's oldest is 6 working days overdue")
  }

  func testBoardAt160x50AndSortCycles() throws {
    var ws = workstation(FakeSupervisionService())
    assertGolden(ws.render(width: 160, height: 50), "supervision-board-160x50")
    ws.handle(.char("s"))
    var pane = try XCTUnwrap(ws.activePane as? SupervisionPane)
    XCTAssertEqual(pane.sort, .dueToday)
    XCTAssertEqual(pane.board.first?.org, "RSJ")
    ws.handle(.char("s"))
    ws.handle(.char("s"))
    pane = try XCTUnwrap(ws.activePane as? SupervisionPane)
    XCTAssertEqual(pane.sort, .longest)
    XCTAssertEqual(pane.board.first?.org, "SCJG")
    // 单位顺序 re-sorts at once, to the directory's order (it kept the order shown before).
    ws.handle(.char("s"))
    pane = try XCTUnwrap(ws.activePane as? SupervisionPane)
    XCTAssertEqual(pane.sort, .directory)
    XCTAssertEqual(pane.board.map(\.org), ["ZWZX", "SCJG", "RSJ", "WXZ", "QWX"])
  }

  func testDrillIntoAnOrganisationShowsEveryKindOldestFirst() {
    var ws = workstation(FakeSupervisionService())
    ws.handle(.enter)
    let frame = ws.render(width: 160, height: 50)
    let text = frame.text
    assertGolden(frame, "supervision-drill-160x50")
    for word in ["投诉建议", "办件", "差评整改", "督办回复", "暂停", "催办"] {
      XCTAssertTrue(text.contains(word), "no \(word)")
    }
    assertGolden(ws.render(width: 80, height: 24), "supervision-drill-80x24")
  }

  func testANoticeFromAnyRowOfTheBoardAndTheDrillDown() throws {
    let service = FakeSupervisionService()
    var ws = workstation(service)
    ws.handle(.char("n"))
    let form = ws.render(width: 80, height: 24).text
    XCTAssertTrue(form.contains("督办 BYQ-2026-000007"), "the organisation's oldest case")
    ws.handle(.tab)
    for c in "请于3个工作日内说明整改进展" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(service.issued.first?.0.caseID, "BYQ-2026-000007")
    XCTAssertTrue(ws.toast?.text.contains("已向王岘镇发出督办通知") ?? false)
    // One number format everywhere: the toast names the 文号 the list shows.
    XCTAssertTrue(ws.toast?.text.hasSuffix(" BYQ督〔2026〕3号") ?? false, ws.toast?.text ?? "")
    ws.handle(.enter)
    ws.handle(.down)
    ws.handle(.char("n"))
    ws.handle(.tab)
    for c in "宅基地审批已超期,请说明原因" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    ws.handle(.char("y"))
    XCTAssertEqual(service.issued.last?.0.kind, "application")
  }

  /// Asking for 5 where 1 case was concluded draws the 1: the list says 1/1 (it said 5/1).
  func testASpotCheckShowsTheSampleItDrew() {
    let service = FakeSupervisionService()
    service.checks = [
      SpotCheckRow(
        id: "BYQ-CC-2026-0001", from: FakeSupervisionService.day("2026-11-01"),
        to: FakeSupervisionService.day("2026-11-25"), size: 5, seed: "2a", population: 1,
        drawnBy: "chenjing", drawnOn: FakeSupervisionService.day("2026-11-26"), checked: 0)
    ]
    var ws = workstation(service)
    ws.handle(.char("c"))
    let text = ws.render(width: 80, height: 24).text
    let line = text.split(separator: "\n").first { $0.contains("BYQ-CC-2026-0001") } ?? ""
    XCTAssertTrue(line.contains("1/1"), text)
    XCTAssertFalse(line.contains("5/1"), text)
  }

  func testAHandlerSeesOnlyTheirOwnLineAndCannotIssue() {
    let township = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])
    var ws = workstation(FakeSupervisionService(), as: township)
    let text = ws.render(width: 80, height: 24).text
    XCTAssertTrue(text.contains("王岘镇"))
    XCTAssertFalse(text.contains("强湾乡"))
    XCTAssertFalse(text.contains("c抽查"))
    ws.handle(.char("n"))
    XCTAssertEqual(ws.toast?.kind, .error)
    ws.handle(.char("c"))
    XCTAssertEqual(ws.toast?.kind, .error)
  }

  func testTimelinessByMonthWithExport() throws {
    let service = FakeSupervisionService()
    var ws = workstation(service)
    ws.handle(.char("r"))
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "supervision-timeliness-80x24")
    XCTAssertTrue(text.contains("2026-11-01 至 2026-11-30 办结63件 按时60 超期办结3"), text)
    XCTAssertEqual(service.periods.last, .month(of: FakeSupervisionService.day("2026-11-26")))
    ws.handle(.right)
    XCTAssertEqual(ws.toast, .info("已是本月"), "no figures for months to come")
    ws.handle(.left)
    XCTAssertEqual(service.periods.last?.from?.iso, "2026-10-01")
    XCTAssertEqual(service.periods.last?.through?.iso, "2026-10-31")
    ws.handle(.char("x"))
    let form = ws.render(width: 80, height: 24).text
    XCTAssertTrue(form.contains("按时办结统计-2026-10.csv"), form)
    ws.handle(.function(5))
    XCTAssertEqual(service.exported.map(\.0.from?.iso), ["2026-10-01"])
    XCTAssertEqual(ws.toast, .info("已导出 3 个单位的按时办结统计: \(service.exported[0].1)"))
  }
}
