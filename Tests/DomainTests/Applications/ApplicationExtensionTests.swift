import Domain
import XCTest

/// 延长审批 (行政许可法 第四十二条): once, before the decision, at most ten working days, with a
/// reason and a numbered notice; the 办结期限 moves by exactly the days approved.
final class ApplicationExtensionTests: XCTestCase {
  func accepted() -> ApplicationScript {
    var s = ApplicationScript()
    XCTAssertNil(s.apply(.registered(ApplicationScript.registration()), on: "2026-11-02"))
    XCTAssertNil(s.run(.accept, on: "2026-11-02"))
    return s
  }

  func testAnExtensionMovesTheDueDateOnceAndIssuesItsNotice() throws {
    var s = accepted()
    // Three working days from Monday 2 November: due Thursday the 5th.
    XCTAssertEqual(s.state?.mainDue(s.calendar), CivilDate(iso: "2026-11-05"))
    XCTAssertEqual(
      ApplicationMachine.offeredSteps(try XCTUnwrap(s.state)).contains(.extendLimit), true)
    assertRefused(
      s.run(.extendLimit(days: 11, reason: "需要核实"), on: "2026-11-03", by: "chenjing"),
      contains: "延长期限应为1至10个工作日")
    assertRefused(
      s.run(.extendLimit(days: 5, reason: " "), on: "2026-11-03", by: "chenjing"),
      contains: "「延长理由」不能为空")
    XCTAssertNil(s.run(.extendLimit(days: 5, reason: "需要核实产权"), on: "2026-11-03", by: "chenjing"))
    let a = try XCTUnwrap(s.state)
    XCTAssertEqual(a.limitExtension?.days, 5)
    XCTAssertEqual(a.limitExtension?.by, "chenjing")
    // Five more working days: Thursday the 12th.
    XCTAssertEqual(a.mainDue(s.calendar), CivilDate(iso: "2026-11-12"))
    let notice = try XCTUnwrap(a.notices.last)
    XCTAssertEqual(notice.kind, .extension)
    XCTAssertEqual(notice.number, "BYQ延〔2026〕2号")
    XCTAssertEqual(notice.values["原办结期限"], "2026年11月5日")
    XCTAssertEqual(notice.values["延长后办结期限"], "2026年11月12日")
    XCTAssertFalse(ApplicationMachine.offeredSteps(a).contains(.extendLimit))
    assertRefused(
      s.run(.extendLimit(days: 1, reason: "再延"), on: "2026-11-04", by: "chenjing"),
      contains: "只能延长一次")
  }

  func testNoExtensionBeforeAcceptanceOrAfterTheDecision() {
    var s = ApplicationScript()
    XCTAssertNil(s.apply(.registered(ApplicationScript.registration()), on: "2026-11-02"))
    assertRefused(
      s.run(.extendLimit(days: 3, reason: "x"), on: "2026-11-02", by: "chenjing"),
      contains: "只有已受理、尚未决定的办件可以延长审批期限")
    XCTAssertNil(s.run(.accept, on: "2026-11-02"))
    XCTAssertNil(s.run(.startReview(opinion: ""), on: "2026-11-03", by: "zhouqiang"))
    XCTAssertNil(s.run(.decide(.approved, reason: ""), on: "2026-11-03", by: "zhouqiang"))
    assertRefused(
      s.run(.extendLimit(days: 3, reason: "x"), on: "2026-11-04", by: "chenjing"),
      contains: "只有已受理、尚未决定的办件可以延长审批期限")
  }

  func testOnlyASupervisorApprovesItAcrossOrganisations() {
    let handler = Staff(login: "sunli", name: "孙丽", org: "SCJG", roles: [.handler])
    let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
    let action = ApplicationActions.extendLimit
    let org = ApplicationActions.organisation(
      for: action, staff: supervisor, implementing: "SCJG", staffAtServiceCentre: true)
    XCTAssertEqual(org, "SCJG")
    XCTAssertNil(Permission.check(supervisor, action, organisation: org))
    XCTAssertEqual(
      Permission.check(handler, action, organisation: "SCJG")?.message, "孙丽没有督办角色,不能批准延长审批期限")
  }
}
