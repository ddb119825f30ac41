import XCTest

@testable import Domain

/// Every transition of a complaint and every refusal, asserted on the folded state.
final class ComplaintReducerTests: XCTestCase {
  typealias S = ComplaintScript

  func registeredAndDispatched(at time: String = "2026-11-26T09:30") -> ComplaintScript {
    var s = ComplaintScript()
    XCTAssertNil(s.run(.registered(S.registration()), at: time))
    XCTAssertNil(s.run(S.toWXZ, at: time))
    return s
  }

  func testRegistrationAtTheDistrictWaitsForDispatchWithItsLimit() throws {
    var s = ComplaintScript()
    XCTAssertNil(s.run(.registered(S.registration()), at: "2026-11-26T09:30"))
    let c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.status, .awaitingDispatch)
    XCTAssertEqual(c.handlingOrg, "ZWZX")
    XCTAssertEqual(c.dispatcher, "chenjing")
    XCTAssertNil(c.handler)
    // 11-26 (Thu) + 3 working days: 11-27, 11-30, 12-01.
    XCTAssertEqual(c.due?.iso, "2026-12-01")
    XCTAssertEqual(
      s.calendar.countdown(today: day("2026-11-26"), due: try XCTUnwrap(c.due)).label, "剩3日")
  }

  func testRegistrationByTheReceivingOrganisationIsHandledAtOnce() throws {
    var s = ComplaintScript()
    XCTAssertNil(
      s.run(
        .registered(S.registration(byRegistrant: true, org: "WXZ")), at: "2026-11-26T09:30",
        by: "zhengtao"))
    let c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.status, .handling)
    XCTAssertEqual(c.handlingOrg, "WXZ")
    XCTAssertEqual(c.handler, "zhengtao")
    XCTAssertRefused(s.run(.returned(ComplaintText(text: "不属于本镇")), at: "2026-11-26T10:00"), "自行登记")
  }

  func testRegistrationRefusesBadFieldsAndADuplicateNumber() {
    var s = ComplaintScript()
    var r = S.registration()
    r.contact = "12345"
    XCTAssertRefused(s.run(.registered(r), at: "2026-11-26T09:30"), "联系电话")
    r = S.registration()
    r.subject = "  "
    XCTAssertRefused(s.run(.registered(r), at: "2026-11-26T09:30"), "「标题」不能为空")
    XCTAssertNil(s.run(.registered(S.registration()), at: "2026-11-26T09:30"))
    XCTAssertRefused(s.run(.registered(S.registration()), at: "2026-11-26T09:31"), "已被使用")
  }

  func testDispatchSetsTheReturnWindowToTheNextWorkingDay() throws {
    let s = registeredAndDispatched()
    let c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.status, .handling)
    XCTAssertEqual(c.handlingOrg, "WXZ")
    XCTAssertEqual(c.returnUntil?.iso, "2026-11-27")
    XCTAssertEqual(c.due?.iso, "2026-12-01", "the limit runs from registration")
  }

  func testDispatchOnlyWhileAwaitingDispatch() {
    var s = registeredAndDispatched()
    XCTAssertRefused(s.run(S.toWXZ, at: "2026-11-26T10:00"), "不能分派")
  }

  func testReturnWithinTheWindowGoesBackToTheDispatcher() throws {
    var s = registeredAndDispatched()
    XCTAssertNil(
      s.run(.returned(ComplaintText(text: "属区民政局职责")), at: "2026-11-27T17:50", by: "zhengtao"))
    let c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.status, .awaitingDispatch)
    XCTAssertEqual(c.handlingOrg, "ZWZX")
    XCTAssertEqual(c.dispatcher, "chenjing")
    XCTAssertEqual(c.returns.map(\.orgName), ["王岘镇"])
    XCTAssertEqual(c.returns.first?.reason, "属区民政局职责")
  }

  /// The window is whole working days (第三十三条): a return in the evening of its last day is in
  /// time, and the screens say 「当日结束前」 (they said 下班前 while 19:30 was accepted).
  func testAReturnInTheEveningOfTheLastDayIsInTime() throws {
    var s = registeredAndDispatched()
    XCTAssertNil(
      s.run(.returned(ComplaintText(text: "属区民政局职责")), at: "2026-11-27T19:30", by: "zhengtao"))
    XCTAssertEqual(try XCTUnwrap(s.state).status, .awaitingDispatch)
  }

  func testReturnAfterTheWindowIsDeemedAccepted() {
    var s = registeredAndDispatched()
    let r = s.run(.returned(ComplaintText(text: "不属于本镇")), at: "2026-11-30T08:30", by: "zhengtao")
    XCTAssertRefused(r, "视为已受理", article: "第三十三条")
    XCTAssertRefused(r, "2026-11-27")
  }

  func testReturnWindowAcrossSpringFestivalEndsOnTheMakeupSaturday() throws {
    var s = ComplaintScript()
    s.run(.registered(S.registration()), at: "2026-02-13T16:00")
    s.run(S.toWXZ, at: "2026-02-13T16:10")
    XCTAssertEqual(s.state?.returnUntil?.iso, "2026-02-14", "2-14 is a 调休 working Saturday")
    XCTAssertEqual(s.state?.due?.iso, "2026-02-25", "2-14, then 2-24 and 2-25 after the holiday")
    var late = s
    XCTAssertRefused(late.run(.returned(ComplaintText(text: "x")), at: "2026-02-16T09:00"), "视为已受理")
    XCTAssertNil(s.run(.returned(ComplaintText(text: "不属本镇")), at: "2026-02-14T11:00"))
  }

  func testReturnNeedsAReason() {
    var s = registeredAndDispatched()
    XCTAssertRefused(s.run(.returned(ComplaintText(text: " ")), at: "2026-11-26T10:00"), "退回理由")
  }

  func testRejectionForOneOfTheEightReasons() throws {
    var s = ComplaintScript()
    s.run(.registered(S.registration()), at: "2026-11-26T09:30")
    XCTAssertNil(
      s.run(
        .rejected(ComplaintRejectionPayload(reason: .otherProcedure, note: "已申请行政复议")),
        at: "2026-11-26T09:40"))
    let c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.status, .rejected)
    XCTAssertNil(c.due)
    XCTAssertEqual(c.rejection?.reason.title, "(七)涉及仲裁、信访、纪检监察、行政复议、法律诉讼、信息公开等的")
    XCTAssertRefused(s.run(S.toWXZ, at: "2026-11-26T09:50"), "不予受理")
    XCTAssertEqual(RejectionReason.allCases.count, 8)
  }

  func testExtensionOnceNoLongerThanTheLimitApprovedMovesTheDeadline() throws {
    var s = registeredAndDispatched()
    XCTAssertRefused(
      s.run(
        .extensionRequested(ExtensionRequestPayload(days: 4, reason: "需现场核实")),
        at: "2026-11-27T10:00", by: "zhengtao"), "不得超过", article: "第三十二条(五)")
    XCTAssertNil(
      s.run(
        .extensionRequested(ExtensionRequestPayload(days: 3, reason: "需现场核实")),
        at: "2026-11-27T10:00", by: "zhengtao"))
    XCTAssertEqual(s.state?.extensionRequest?.state, .pending)
    XCTAssertEqual(s.state?.handler, "zhengtao")
    XCTAssertRefused(
      s.run(
        .extensionRequested(ExtensionRequestPayload(days: 1, reason: "再延")), at: "2026-11-27T11:00",
        by: "zhengtao"), "只能申请1次", article: "第三十二条(五)")
    XCTAssertNil(
      s.run(
        .extensionDecided(ExtensionDecisionPayload(approved: true, note: "同意")),
        at: "2026-11-27T14:00"
      ))
    let c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.extensionRequest?.state, .approved)
    XCTAssertEqual(c.due?.iso, "2026-12-04", "12-01 + 3 working days")
    XCTAssertEqual(c.currentRound.extendedDays, 3)
    XCTAssertRefused(
      s.run(
        .extensionDecided(ExtensionDecisionPayload(approved: false, note: "")),
        at: "2026-11-27T15:00"),
      "没有待审批")
  }

  func testARefusedExtensionCannotBeAskedAgain() throws {
    var s = registeredAndDispatched()
    s.run(
      .extensionRequested(ExtensionRequestPayload(days: 2, reason: "等待材料")), at: "2026-11-27T10:00")
    s.run(
      .extensionDecided(ExtensionDecisionPayload(approved: false, note: "理由不充分")),
      at: "2026-11-27T11:00")
    XCTAssertEqual(s.state?.due?.iso, "2026-12-01")
    XCTAssertRefused(
      s.run(
        .extensionRequested(ExtensionRequestPayload(days: 1, reason: "再申请")), at: "2026-11-27T12:00"
      ),
      "未批准")
  }

  func testExtensionAfterTheDeadlineIsRefused() {
    var s = registeredAndDispatched()
    XCTAssertRefused(
      s.run(
        .extensionRequested(ExtensionRequestPayload(days: 1, reason: "晚了")), at: "2026-12-02T09:00"),
      "已超过办结期限")
  }

  func testConclusionOnTimeAndCallbackBeforeConclusionRefused() throws {
    var s = registeredAndDispatched()
    let early = s.run(
      .calledBack(CallbackPayload(method: .phone, satisfaction: .satisfied, notes: "满意")),
      at: "2026-11-27T09:00")
    XCTAssertRefused(early, "尚未办结", article: "第三十四条")
    XCTAssertNil(
      s.run(
        .concluded(ComplaintConclusionPayload(kind: .resolved, text: "已一次性受理")),
        at: "2026-11-30T16:00",
        by: "zhengtao"))
    var c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.status, .concluded)
    XCTAssertNil(c.due)
    XCTAssertEqual(c.currentRound.conclusion?.onTime, true)
    XCTAssertRefused(s.run(.returned(ComplaintText(text: "x")), at: "2026-11-30T16:10"), "不能退回")
    XCTAssertNil(
      s.run(
        .calledBack(
          CallbackPayload(method: .sms, satisfaction: .basicallySatisfied, notes: "基本满意")),
        at: "2026-12-01T10:00"))
    c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.status, .closed)
    XCTAssertRefused(
      s.run(
        .calledBack(CallbackPayload(method: .sms, satisfaction: .satisfied, notes: "再访")),
        at: "2026-12-01T11:00"),
      "已回访结案")
  }

  func testUnsatisfiedCallbackReopensWithANewDeadlineAndKeepsBothRounds() throws {
    var s = registeredAndDispatched()
    s.run(
      .concluded(ComplaintConclusionPayload(kind: .resolved, text: "已答复")), at: "2026-11-27T16:00",
      by: "zhengtao")
    XCTAssertRefused(
      s.run(
        .calledBack(CallbackPayload(method: .phone, satisfaction: .unsatisfied, notes: "未解决")),
        at: "2026-11-30T09:00"),
      "整改期限")
    XCTAssertNil(
      s.run(
        .calledBack(
          CallbackPayload(method: .phone, satisfaction: .unsatisfied, notes: "未解决", reopenDays: 3)),
        at: "2026-11-30T09:00"))
    var c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.status, .rectifying)
    XCTAssertEqual(c.rounds.count, 2)
    XCTAssertEqual(c.rounds[0].callback?.satisfaction, .unsatisfied)
    XCTAssertEqual(c.rounds[0].conclusion?.text, "已答复")
    XCTAssertEqual(c.due?.iso, "2026-12-03")
    XCTAssertRefused(s.run(.returned(ComplaintText(text: "x")), at: "2026-11-30T10:00"), "不能退回")
    s.run(
      .concluded(ComplaintConclusionPayload(kind: .resolved, text: "已上门整改")),
      at: "2026-12-02T10:00",
      by: "zhengtao")
    s.run(
      .calledBack(CallbackPayload(method: .phone, satisfaction: .satisfied, notes: "满意")),
      at: "2026-12-03T10:00")
    c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.status, .closed)
    XCTAssertEqual(c.rounds.map { $0.callback?.satisfaction }, [.unsatisfied, .satisfied])
  }

  func testInvalidNeedsGroundsAndAwaitsCallback() throws {
    var s = registeredAndDispatched()
    XCTAssertRefused(
      s.run(
        .concluded(ComplaintConclusionPayload(kind: .invalid, text: "")), at: "2026-11-27T10:00"),
      "无效认定依据")
    XCTAssertNil(
      s.run(
        .concluded(ComplaintConclusionPayload(kind: .invalid, text: "经现场核实,反映情况不属实")),
        at: "2026-11-27T10:00"))
    XCTAssertEqual(s.state?.status, .invalid)
    XCTAssertEqual(s.state?.status.awaitsCallback, true)
  }

  func testConclusionWithdrawsAPendingExtensionAndLateConclusionIsRecorded() throws {
    var s = registeredAndDispatched()
    s.run(
      .extensionRequested(ExtensionRequestPayload(days: 1, reason: "等待材料")), at: "2026-12-01T10:00")
    s.run(
      .concluded(ComplaintConclusionPayload(kind: .resolved, text: "已办结")), at: "2026-12-03T10:00")
    let c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.extensionRequest?.state, .withdrawn)
    XCTAssertEqual(c.currentRound.conclusion?.onTime, false)
  }

  func testAnEventThatDoesNotApplyBecomesAConflictNotACrash() throws {
    var s = registeredAndDispatched()
    s.run(
      .concluded(ComplaintConclusionPayload(kind: .resolved, text: "已办结")), at: "2026-11-27T10:00")
    // A return made offline on the township node before it learnt of the conclusion.
    let draft = ComplaintChange.returned(ComplaintText(text: "不属本镇")).draft(
      stream: "complaint/\(s.id)")
    s.events.append(
      Event(
        origin: "WXZ.1", seq: 1, stream: draft.stream, type: draft.type, payload: draft.payload,
        actor: "zhengtao", node: "WXZ",
        timestamp: Int64(ComplaintScript.instant("2026-11-27T11:00").timeIntervalSince1970 * 1000),
        prevHash: "", hash: ""))
    XCTAssertEqual(s.state?.status, .concluded)
    XCTAssertEqual(s.conflicts.count, 1)
  }

  func testConfidentialContentVisibility() throws {
    var s = ComplaintScript()
    s.run(.registered(S.registration(confidentiality: .privacy)), at: "2026-11-26T09:30")
    s.run(S.toWXZ, at: "2026-11-26T09:40")
    let c = try XCTUnwrap(s.state)
    let township = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])
    let other = Staff(login: "huangmei", name: "黄梅", org: "SLZ", roles: [.handler])
    let window = Staff(login: "liuyang", name: "刘洋", org: "ZWZX", roles: [.counter])
    let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
    XCTAssertTrue(c.contentVisible(to: township))
    XCTAssertTrue(c.contentVisible(to: supervisor))
    XCTAssertFalse(c.contentVisible(to: other))
    XCTAssertFalse(c.contentVisible(to: window))
    XCTAssertNil(s.run(.contentViewed, at: "2026-11-26T10:00", by: "zhengtao"))
    XCTAssertEqual(s.state?.contentViews, 1)
  }
}

/// Limits and badges across the National Day holiday and its 调休 Saturday.
final class ComplaintLimitTests: XCTestCase {
  func testUrgentComplaintRegisteredBeforeNationalDay() throws {
    var s = ComplaintScript()
    s.run(.registered(ComplaintScript.registration()), at: "2026-09-30T16:00")
    let due = try XCTUnwrap(s.state?.due)
    // 10-01…10-07 are holidays; 10-08, 10-09 and the 调休 Saturday 10-10 count.
    XCTAssertEqual(due.iso, "2026-10-10")
    let cal = s.calendar
    let labels = [
      "2026-10-02", "2026-10-08", "2026-10-09", "2026-10-10", "2026-10-11", "2026-10-12",
    ]
    .map { cal.countdown(today: day($0), due: due).label }
    XCTAssertEqual(labels, ["剩3日", "剩2日", "剩1日", "今日到期", "已超期", "超期1日"])
    let stages = ["2026-10-08", "2026-10-09", "2026-10-12", "2026-10-19"]
      .map { RuleTable().escalation.stage(cal.countdown(today: day($0), due: due)).title }
    XCTAssertEqual(stages, ["", "预警", "催办", "通报"])
  }

  func testOrdinaryComplaintAcrossSpringFestivalAndItsTwoMakeupSaturdays() throws {
    var s = ComplaintScript()
    s.run(.registered(ComplaintScript.registration(.ordinary, limit: 15)), at: "2026-02-10T10:00")
    // 2-11,12,13, 2-14 (调休), 2-24,25,26,27, 2-28 (调休), 3-2,3,4,5,6,9.
    XCTAssertEqual(s.state?.due?.iso, "2026-03-09")
  }

  func testWithoutTheHolidayNoticeTheSameCaseCountsMondayToFriday() {
    var s = ComplaintScript(calendar: .weekdaysOnly())
    s.run(.registered(ComplaintScript.registration()), at: "2026-09-30T16:00")
    XCTAssertEqual(s.state?.due?.iso, "2026-10-05")
  }
}
