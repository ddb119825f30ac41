import Domain
import XCTest

@testable import Store
@testable import TUI

final class ComplaintsPaneTests: XCTestCase {
  let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
  let township = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])

  func workstation(
    _ service: FakeComplaintService, as staff: Staff, now: String = "2026-11-26T09:30"
  )
    -> Workstation
  {
    Workstation(
      panes: [ComplaintsPane(service: service)], context: makeContext(now: now, staff: staff))
  }

  func pane(_ ws: Workstation) throws -> ComplaintsPane {
    try XCTUnwrap(ws.activePane as? ComplaintsPane)
  }

  func testQueueAt80x24WithEveryBadgeState() {
    var ws = workstation(FakeComplaintService(rows: QueueFixture.rows), as: supervisor)
    ws.handle(.char("a"))
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "complaints-queue-80x24")
    for badge in ["超期6日", "超期1日", "今日到期", "剩1日", "剩2日", "剩3日", "已办结", "已合并", "已回访", "不予受理"] {
      XCTAssertTrue(text.contains(badge), "no \(badge)")
    }
    XCTAssertTrue(text.contains("保密事项"))
  }

  func testQueueAt160x50() {
    var ws = workstation(FakeComplaintService(rows: QueueFixture.rows), as: supervisor)
    ws.handle(.char("a"))
    let frame = ws.render(width: 160, height: 50)
    let text = frame.text
    assertGolden(frame, "complaints-queue-160x50")
    XCTAssertTrue(text.contains("通报"))
    XCTAssertTrue(text.contains("催办"))
    XCTAssertTrue(text.contains("预警"))
  }

  func testOnASaturdayAFridayDeadlineReadsAlreadyOverdue() {
    let rows = [
      QueueFixture.row(31, "2026-11-27", "周五到期的投诉,周六查看时已超期但尚未过一个工作日"),
      QueueFixture.row(32, "2026-11-30", "下周一到期的投诉"),
    ]
    var ws = workstation(FakeComplaintService(rows: rows), as: supervisor, now: "2026-11-28T10:00")
    ws.handle(.char("a"))
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "complaints-queue-saturday-80x24")
    XCTAssertTrue(text.contains("已超期   预警"), "overdue by no working day yet: still a warning")
    XCTAssertTrue(text.contains("剩1日"))
  }

  func testTownshipClerkHasNoAllViewAndIsToldWhy() throws {
    var ws = workstation(FakeComplaintService(rows: QueueFixture.rows), as: township)
    XCTAssertFalse(ws.render(width: 80, height: 24).text.contains("a全部"))
    ws.handle(.char("a"))
    XCTAssertEqual(ws.toast?.kind, .error)
    XCTAssertTrue(ws.toast?.text.contains("仅供督办人员") ?? false)
    XCTAssertEqual(try pane(ws).view, .mine)
  }

  func testCaseViewWithBothRoundsAndTheTimeline() throws {
    let (c, events) = ComplaintFixture.reopened()
    let service = FakeComplaintService(rows: QueueFixture.rows)
    let k = try XCTUnwrap(c)
    service.complaints[k.id] = k
    service.eventsByStream["complaint/\(k.id)"] = events
    service.supervisionRows[k.id] = [
      SupervisionRow(
        id: "BYQ-DB-2026-0001", number: "BYQ督〔2026〕1号", targetKind: "complaint",
        targetCase: k.id, org: "WXZ", title: k.registration.subject, method: .online,
        requirement: "整改已超期,请说明进展", issuedBy: "chenjing",
        issuedOn: try XCTUnwrap(CivilDate(iso: "2026-11-26")),
        replyDue: try XCTUnwrap(CivilDate(iso: "2026-11-27")), reply: nil, repliedBy: nil,
        repliedOn: nil)
    ]
    service.rows = [QueueFixture.row(10, "2026-11-28", k.registration.subject)]
    var ws = workstation(service, as: township)
    ws.handle(.enter)
    assertGolden(ws.render(width: 80, height: 24), "complaints-case-80x24")
    let wideFrame = ws.render(width: 160, height: 50)
    let wide = wideFrame.text
    assertGolden(wideFrame, "complaints-case-160x50")
    for text in ["第1轮", "第2轮", "不满意", "BYQ督〔2026〕1号", "办理过程", "批准延期", "整改中"] {
      XCTAssertTrue(wide.contains(text), "no \(text)")
    }
    // The key bar offers what a township handler may do on a reopened case.
    XCTAssertTrue(wide.contains("c办结"))
    XCTAssertTrue(wide.contains("y回复督办"))
    XCTAssertFalse(wide.contains("d分派"))
  }

  func testRegistrationShowsTheLimitBeforeSavingAndKeepsEverythingOnAnError() throws {
    let service = FakeComplaintService(rows: [])
    var ws = workstation(service, as: supervisor)
    ws.handle(.function(2))
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("普通 15个工作日,截至 2026-12-17"))
    ws.handle(.tab)
    ws.handle(.tab)
    ws.handle(.char("紧"))
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("紧急 3个工作日,截至 2026-12-01"))
    ws.handle(.tab)
    for c in "王岘镇某村路灯损坏两个月无人维修,村民夜间出行存在安全隐患" { ws.handle(.char(c)) }
    ws.handle(.tab)
    for c in "村主干道路灯自九月起陆续损坏。" { ws.handle(.char(c)) }
    ws.handle(.tab)
    for c in "张三" { ws.handle(.char(c)) }
    ws.handle(.tab)
    for c in "1391234" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    let refusedFrame = ws.render(width: 80, height: 24)
    let refused = refusedFrame.text
    assertGolden(refusedFrame, "complaints-register-error-80x24")
    XCTAssertTrue(refused.contains("联系电话应为手机号码或固定电话"))
    XCTAssertTrue(refused.contains("王岘镇某村路灯损坏"), "the subject is kept")
    for c in "5678" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    XCTAssertEqual(
      ws.toast?.text.hasPrefix("已登记 BYQ-2026-000099"), true, "\(String(describing: ws.toast))")
  }

  func testReturnAfterTheWindowIsRefusedWithTheArticleBeforeAnyForm() throws {
    let (c, events) = ComplaintFixture.fold(
      "BYQ-2026-000021",
      [
        ("2026-11-24T08:30", "chenjing", .registered(ComplaintFixture.registration("卫生院夜间门诊"))),
        ("2026-11-24T08:45", "chenjing", ComplaintFixture.toWXZ),
      ])
    let service = FakeComplaintService(rows: [QueueFixture.row(21, "2026-11-27", "卫生院夜间门诊")])
    service.complaints["BYQ-2026-000021"] = try XCTUnwrap(c)
    service.eventsByStream["complaint/BYQ-2026-000021"] = events
    var ws = workstation(service, as: township)
    ws.handle(.enter)
    XCTAssertFalse(ws.render(width: 160, height: 50).text.contains("r退回"), "not offered")
    ws.handle(.char("r"))
    XCTAssertEqual(ws.toast?.kind, .error)
    XCTAssertEqual(
      ws.toast?.text, "BYQ-2026-000021 已过退回期限(2026-11-25),视为已受理,不能退回(第三十三条)")
    XCTAssertTrue(service.performed.isEmpty)
    XCTAssertEqual(service.logged.count, 1, "the attempt is in the refusal log")
  }

  func testConclusionAsksForConfirmationAndARefusalGivesTheFormBack() throws {
    let (c, events) = ComplaintFixture.fold(
      "BYQ-2026-000030",
      [
        ("2026-11-26T08:30", "chenjing", .registered(ComplaintFixture.registration("村道积水"))),
        ("2026-11-26T08:45", "chenjing", ComplaintFixture.toWXZ),
      ])
    let service = FakeComplaintService(rows: [QueueFixture.row(30, "2026-12-01", "村道积水")])
    service.complaints["BYQ-2026-000030"] = try XCTUnwrap(c)
    service.eventsByStream["complaint/BYQ-2026-000030"] = events
    var ws = workstation(service, as: township)
    ws.handle(.enter)
    ws.handle(.char("c"))
    for ch in "已组织清理排水沟" { ws.handle(.char(ch)) }
    ws.handle(.function(5))
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("Enter/y 确定"))
    service.refusal = Refusal("测试: 另一位经办人刚刚办结了本件")
    ws.handle(.char("y"))
    XCTAssertEqual(ws.toast?.kind, .error)
    let text = ws.render(width: 80, height: 24).text
    XCTAssertTrue(text.contains("已组织清理排水沟"), "the form comes back with the text")
    XCTAssertTrue(text.contains("另一位经办人刚刚办结了本件"))
    service.refusal = nil
    ws.handle(.function(5))
    ws.handle(.enter)
    XCTAssertEqual(
      service.performed.first?.0, ComplaintCommand.conclude(.resolved, text: "已组织清理排水沟"))
  }

  func testAMaskedCaseShowsOnlyItsNumberAndBadge() throws {
    let (c, events) = ComplaintFixture.fold(
      "BYQ-2026-000017",
      [
        (
          "2026-11-23T15:00", "chenjing",
          .registered(ComplaintFixture.registration("邻居私搭彩钢房", secrecy: .undisclosed))
        ),
        ("2026-11-23T15:10", "chenjing", ComplaintFixture.toWXZ),
      ])
    let service = FakeComplaintService(rows: [QueueFixture.row(17, "2026-11-26", "", masked: true)])
    service.complaints["BYQ-2026-000017"] = try XCTUnwrap(c)
    service.eventsByStream["complaint/BYQ-2026-000017"] = events
    let outsider = Staff(login: "huangmei", name: "黄梅", org: "SLZ", roles: [.handler])
    var ws = workstation(service, as: outsider)
    ws.handle(.enter)
    let text = ws.render(width: 80, height: 24).text
    XCTAssertTrue(text.contains("BYQ-2026-000017"))
    XCTAssertTrue(text.contains("今日到期"))
    XCTAssertFalse(text.contains("邻居私搭彩钢房"))
    XCTAssertFalse(text.contains("李建国"))
    XCTAssertFalse(text.contains("办理过程"))
    ws.handle(.char("v"))
    XCTAssertEqual(ws.toast?.kind, .error)
    // Inside the handling organisation the content is one recorded key away.
    var inside = workstation(service, as: township)
    inside.handle(.enter)
    XCTAssertFalse(inside.render(width: 80, height: 24).text.contains("李建国"))
    inside.handle(.char("v"))
    inside.handle(.enter)
    XCTAssertEqual(service.performed.first?.0, ComplaintCommand.viewContent)
    XCTAssertTrue(inside.render(width: 160, height: 50).text.contains("李建国"))
  }

  func testACountPastTheCapReadsAsMoreThanIt() throws {
    let service = FakeComplaintService(rows: QueueFixture.rows)
    let cap = ComplaintFilter.searchCountCap
    service.countsOverride = [.all: cap + 1, .overdue: 3]
    var ws = workstation(service, as: supervisor)
    ws.handle(.char("a"))
    let screen = ws.render(width: 120, height: 40).text
    XCTAssertTrue(screen.contains("全部 \(cap)+"), screen)
    XCTAssertTrue(screen.contains("超期 3 "), screen)
    ws.handle(.char("/"))
    for c in "排队" { ws.handle(.char(c)) }
    ws.handle(.enter)
    XCTAssertEqual(ws.toast, .info("搜索「排队」: 共\(cap)以上件"))
  }

  func testSearchTypesChineseAndFiltersTheView() throws {
    var ws = workstation(FakeComplaintService(rows: QueueFixture.rows), as: supervisor)
    ws.handle(.char("/"))
    XCTAssertTrue(try pane(ws).capturesText)
    for c in "砂石厂" { ws.handle(.char(c)) }
    XCTAssertNotNil(ws.render(width: 80, height: 24).cursor, "the caret is where the clerk types")
    ws.handle(.enter)
    XCTAssertEqual(try pane(ws).filter.search, "砂石厂")
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("搜索: 砂石厂"))
    ws.handle(.char("x"))
    XCTAssertNil(try pane(ws).filter.search)
  }
}
