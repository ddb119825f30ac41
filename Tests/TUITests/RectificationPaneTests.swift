import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

final class RectificationPaneTests: XCTestCase {
  static let chenjing = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
  static let zhouqiang = Staff(
    login: "zhouqiang", name: "周强", org: "SCJG", roles: [.counter, .handler])
  static let wuxia = Staff(login: "wuxia", name: "吴霞", org: "RSJ", roles: [.counter, .handler])

  var store: Store!

  override func setUpWithError() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let when = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    store = try DemoCopies.store(at: path, share: repositoryShare, now: when)
  }

  func workstation(_ staff: Staff) -> Workstation {
    let context = makeContext(staff: staff)
    return Workstation(
      panes: [
        RectificationPane(service: store, context: context), CalendarPane(today: context.today),
      ],
      context: context)
  }

  func pane(_ ws: Workstation) throws -> RectificationPane {
    try XCTUnwrap(ws.activePane as? RectificationPane)
  }

  func testListOfAllCasesAt80x24() throws {
    var ws = workstation(Self.chenjing)
    ws.handle(.left)  // from 待核实 to 我的, then round to 全部
    ws.handle(.left)
    XCTAssertEqual(try pane(ws).view, .all)
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "rectification-list-80x24")
    XCTAssertTrue(text.contains("超期2日"), text)
    XCTAssertTrue(text.contains("全部 9"), text)
  }

  /// At 80 columns this bar used to run out before 退出: the pane's last keys give way instead.
  func testTheBarAt80ColumnsKeepsHelpAndQuit() throws {
    for staff in [Self.chenjing, Self.wuxia] {
      var ws = workstation(staff)
      for step in ["list", "case"] {
        let bar = ws.render(width: 80, height: 24).line(23)
        XCTAssertTrue(bar.hasPrefix("F1帮助"), "\(staff.login) \(step): \(bar)")
        XCTAssertTrue(
          bar.trimmingCharacters(in: .whitespaces).hasSuffix("F10退出"),
          "\(staff.login) \(step): \(bar)")
        ws.handle(.enter)
      }
    }
  }

  func testListAt120x40ShowsChannelAndRealName() {
    var ws = workstation(Self.chenjing)
    ws.handle(.left)
    ws.handle(.left)
    assertGolden(ws.render(width: 120, height: 40), "rectification-list-120x40")
  }

  func testCaseViewOfTheOverdueCaseAt80x24() throws {
    var ws = workstation(Self.wuxia)
    // 待复核 is shown to the organisation too: without it the tabs did not add up to 全部.
    XCTAssertEqual(
      try pane(ws).views(ws.context).map(\.title), ["我的", "待核实", "整改中", "待复核", "待回访", "已办结", "全部"])
    let tabs = ws.render(width: 80, height: 24).text
    XCTAssertTrue(tabs.contains("待复核"), tabs)
    ws.handle(.right)
    ws.handle(.enter)
    let p = try pane(ws)
    XCTAssertEqual(p.current?.id, "BYQ-2026-000004")
    // Its extension waits for a supervisor: no second application, and the old deadline stands.
    XCTAssertEqual(p.availableSteps, [.feedback])
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "rectification-case-80x24")
    XCTAssertTrue(text.contains("延期待审批"), text)
    XCTAssertTrue(text.contains("超期2日"), text)
    XCTAssertTrue(ws.render(width: 80, height: 24).line(23).contains("f整改反馈"))
  }

  func testSatisfactionAt80x24WithAndWithoutInvalid() {
    var ws = workstation(Self.chenjing)
    ws.handle(.char("s"))
    let frame = ws.render(width: 80, height: 24)
    let text = frame.text
    assertGolden(frame, "rectification-statistics-80x24")
    XCTAssertTrue(text.contains("区市场监督管理局      21    3    1   85.7%    90.0%"), text)
  }

  func testAStepNotOpenToTheClerkSaysWhy() throws {
    var ws = workstation(Self.chenjing)
    for _ in 0..<3 { ws.handle(.right) }  // 待回访
    XCTAssertEqual(try pane(ws).view, .awaitingCallback)
    let realName = try XCTUnwrap(try pane(ws).rows.firstIndex { $0.realName })
    for _ in 0..<realName { ws.handle(.down) }
    ws.handle(.enter)
    ws.handle(.char("x"))
    XCTAssertEqual(ws.toast, .error("实名差评须回访后才能办结(第三十七条)"))
    XCTAssertNil(try pane(ws).overlay)
    ws.handle(.char("v"))
    XCTAssertEqual(ws.toast, .error("陈静没有经办角色,不能办理差评整改"))
  }

  func testHandlerCannotReviewAndSeesOnlyTheirOrganisation() throws {
    var ws = workstation(Self.zhouqiang)
    ws.handle(.left)
    ws.handle(.left)
    let p = try pane(ws)
    XCTAssertEqual(Set(p.rows.map(\.organisation)), ["SCJG"])
    let claimed = try XCTUnwrap(p.rows.firstIndex { $0.phase == .awaitingReview })
    for _ in 0..<claimed { ws.handle(.down) }
    ws.handle(.enter)
    ws.handle(.char("r"))
    XCTAssertEqual(ws.toast, .error("周强没有督办角色,不能复核无效差评申请"))
  }

  func testRegisterFormKeepsEverythingOnAnErrorThenOpensTheCase() throws {
    var ws = workstation(Self.zhouqiang)
    ws.handle(.function(2))
    let type = { (ws: inout Workstation, text: String) in
      for c in text { ws.handle(.char(c)) }
    }
    type(&ws, "窗")  // channel
    ws.handle(.tab)
    ws.handle(.tab)  // organisation: 区市场监督管理局 by default
    ws.handle(.tab)
    ws.handle(.tab)
    type(&ws, "食品经营许可")
    ws.handle(.tab)
    type(&ws, "非常不")
    ws.handle(.tab)
    type(&ws, "等了一上午")
    ws.handle(.tab)
    ws.handle(.tab)
    type(&ws, "王建设")
    ws.handle(.tab)
    type(&ws, "12345")
    ws.handle(.tab)
    ws.handle(.control("u"))
    type(&ws, "1")  // digits go to the field, not to the pane list
    XCTAssertEqual(ws.active, 0)
    ws.handle(.function(5))
    guard case .form(let form, _) = try pane(ws).overlay else { return XCTFail("form closed") }
    XCTAssertEqual(form.field("reviewerPhone")?.error, "联系电话应为手机号码或固定电话(如0943-8221234)")
    XCTAssertEqual(form.field("ratedOn")?.error, "应为 YYYY-MM-DD")
    XCTAssertEqual(form["itemName"], "食品经营许可")
    XCTAssertEqual(form["level"], "非常不满意")
    XCTAssertEqual(form["channel"], "窗口")
    XCTAssertTrue(ws.activePane.hasUnsavedInput)
    assertGolden(ws.render(width: 80, height: 24), "rectification-register-error-80x24")
    // The first field in error has the focus: fix it and the date, and save.
    XCTAssertEqual(form.focusedKey, "reviewerPhone")
    ws.handle(.control("u"))
    type(&ws, "13893012345")
    ws.handle(.tab)
    ws.handle(.control("u"))
    type(&ws, "2026-11-26")
    ws.handle(.function(5))
    let p = try pane(ws)
    XCTAssertNil(p.overlay)
    XCTAssertEqual(p.view, .verifying)
    let selected = try XCTUnwrap(
      p.rows.indices.contains(p.cursor.selected) ? p.rows[p.cursor.selected] : nil)
    // The newest case number of the node (other features' demo cases come before it).
    let last = try store.db.fetchInt("SELECT last FROM case_counter WHERE prefix = 'BYQ'")
    let expected = "BYQ-2026-" + String(format: "%06d", last)
    XCTAssertEqual(selected.id, expected)
    XCTAssertEqual(selected.itemName, "食品经营许可")
    XCTAssertTrue(ws.toast?.text.contains("差评已生成整改案件 \(expected)") ?? false)
  }

  func testAnonymousHidesTheReviewerFields() throws {
    var ws = workstation(Self.chenjing)
    ws.handle(.function(2))
    for _ in 0..<7 { ws.handle(.tab) }
    ws.handle(.right)
    guard case .form(let form, _) = try pane(ws).overlay else { return XCTFail("no form") }
    XCTAssertEqual(form["realName"], "匿名")
    XCTAssertEqual(form.field("reviewerName")?.hidden, true)
    XCTAssertEqual(form.field("reviewerPhone")?.hidden, true)
  }

  func testReviewAsksForConfirmationAndCancelGoesBackToTheForm() throws {
    var ws = workstation(Self.chenjing)
    ws.handle(.right)
    ws.handle(.right)  // 待复核
    ws.handle(.enter)
    ws.handle(.char("r"))
    ws.handle(.tab)
    for c in "证据不足" { ws.handle(.char(c)) }
    ws.handle(.function(5))
    guard case .confirm(let dialog) = try pane(ws).overlay else {
      return XCTFail("no confirmation")
    }
    XCTAssertTrue(dialog.lines[0].contains("转入整改阶段"), dialog.lines[0])
    ws.handle(.escape)
    guard case .form(let form, _) = try pane(ws).overlay else { return XCTFail("form lost") }
    XCTAssertEqual(form["opinion"], "证据不足")
    ws.handle(.function(5))
    ws.handle(.char("y"))
    XCTAssertEqual(try pane(ws).current?.stateTitle, "整改中(待定整改方式)")
  }

  func testSearchFindsACaseByOrganisationAndOpensIt() throws {
    var ws = workstation(Self.chenjing)
    ws.handle(.char("/"))
    for c in "王岘" { ws.handle(.char(c)) }
    ws.handle(.enter)
    XCTAssertEqual(try pane(ws).current?.organisation, "WXZ")
  }

  func testAHandlerWithoutCounterRoleIsToldBeforeTheForm() throws {
    let linna = Staff(login: "linna", name: "林娜", org: "MZJ", roles: [.handler])
    var ws = workstation(linna)
    ws.handle(.function(2))
    XCTAssertEqual(ws.toast, .error("林娜没有窗口或督办角色,不能登记评价"))
    XCTAssertNil(try pane(ws).overlay)
  }

  func testExportNeverOverwritesAFile() throws {
    let dir = temporaryDirectory()
    let path = dir.appendingPathComponent("统计.csv").path
    try "旧报表".write(toFile: path, atomically: true, encoding: .utf8)
    var ws = workstation(Self.chenjing)
    ws.handle(.char("s"))
    ws.handle(.char("o"))
    ws.handle(.control("u"))
    for c in path { ws.handle(.char(c)) }
    ws.handle(.function(5))
    XCTAssertEqual(ws.toast, .error("文件 \(path) 已存在,请换一个文件名"))
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "旧报表")
    let fresh = dir.appendingPathComponent("新.csv").path
    ws.handle(.control("u"))
    for c in fresh { ws.handle(.char(c)) }
    ws.handle(.function(5))
    XCTAssertEqual(ws.toast, .info("已导出 9 个单位的满意度统计: \(fresh)"))
    XCTAssertTrue(try String(contentsOfFile: fresh, encoding: .utf8).contains("区市场监督管理局"))
  }

  func testTimelineWording() throws {
    let s = try XCTUnwrap(try store.rectification("BYQ-2026-000003", for: Self.chenjing))
    let lines = try store.rectificationTimeline(s).map(Timeline.describe)
    XCTAssertEqual(
      lines,
      [
        "记录评价: 非常不满意(网上,实名)", "差评自动生成整改案件 BYQ-2026-000003", "生成差评整改案件,待核实",
        "核实(电话): 认定为误评,申请复核。电话联系王小红,其申请的是外区食品经营许可,评价时选错了办理单位",
        "复核通过,标记为无效差评。意见: 申请记录和通话录音可以证明评价对象错误,同意认定为无效差评",
        "评价标记为无效差评,不计入满意度",
      ])
  }
}

/// 我的 in 差评整改, and 认领 for a supervisor who also handles (issue 19 item 3).
extension RectificationPaneTests {
  /// A supervisor's 我的: the cases waiting for their review, their decision on an extension
  /// (人社局's 延期待审批, which it used to leave out) and their callback, first tab.
  func testASupervisorsMineListsWhatWaitsForThemAt80x24() throws {
    var ws = workstation(Self.chenjing)
    ws.handle(.left)
    let frame = ws.render(width: 80, height: 24)
    assertGolden(frame, "rectification-mine-80x24")
    XCTAssertTrue(frame.text.contains("我的 4"), frame.text)
    let rows = try XCTUnwrap((ws.activePane as? RectificationPane)?.rows)
    XCTAssertEqual(
      rows.filter { $0.phase != .awaitingReview && $0.phase != .awaitingCallback }.map(\.id),
      ["BYQ-2026-000004"])
    // Due first, it opens on Enter with the decision on offer.
    ws.handle(.enter)
    let p = try pane(ws)
    XCTAssertEqual(p.current?.id, "BYQ-2026-000004")
    XCTAssertTrue(p.availableSteps.contains(.decideExtension), "\(p.availableSteps)")
  }

  /// 指派's list offers the operator first as 认领 when the claim's rule lets them take it;
  /// picking it claims the case (their 我的 then lists it).
  func testASupervisorWhoHandlesClaimsFromTheAssignmentList() throws {
    let both = Staff(login: "zhouqiang", name: "周强", org: "SCJG", roles: [.handler, .supervisor])
    var ws = workstation(both)
    ws.handle(.right)
    ws.handle(.right)
    ws.handle(.enter)
    XCTAssertEqual((ws.activePane as? RectificationPane)?.current?.organisation, "SCJG")
    ws.handle(.char("z"))
    let picker = ws.render(width: 80, height: 24)
    assertGolden(picker, "rectification-assign-self-80x24")
    XCTAssertTrue(picker.text.contains("周强  zhouqiang  认领(由我经办)"), picker.text)
    ws.handle(.enter)
    XCTAssertTrue(ws.render(width: 80, height: 24).text.contains("由你经办?"))
    ws.handle(.enter)
    let p = try XCTUnwrap(ws.activePane as? RectificationPane)
    XCTAssertEqual(p.current?.work.assignee, "zhouqiang")
    XCTAssertTrue(try store.myRectifications(for: both).contains { $0.id == p.current?.id })
  }
}
