import Foundation
import XCTest

@testable import Domain

/// Every transition of 第三十七条 and every refusal, on the whole resulting state.
final class RectificationReducerTests: XCTestCase {
  let calendar = Fixtures.calendar

  func testABadRatingOpensACaseDueTheNextWorkingDay() throws {
    // Friday 2026-11-20: verification is due by the end of Monday.
    let run = try CaseRun(at: "2026-11-20T16:00")
    let s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.phase, .verifying)
    XCTAssertEqual(s.openedOn, day("2026-11-20"))
    XCTAssertEqual(s.organisation, "SCJG")
    XCTAssertEqual(s.due(calendar), day("2026-11-23"))
    XCTAssertEqual(run.rating?.rectificationID, "BYQ-2026-000001")
    XCTAssertEqual(run.rating?.ratedOn, day("2026-11-20"))
  }

  func testVerifiedComplexHasFiveWorkingDaysFromVerification() throws {
    var run = try CaseRun(at: "2026-11-16T10:00")
    XCTAssertNil(run.run(.verifyComplex(), by: People.zhouqiang, at: "2026-11-17T09:30"))
    let s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.phase, .rectifying)
    XCTAssertEqual(s.track, .complex)
    XCTAssertEqual(s.contact, .phone)
    XCTAssertEqual(s.verifiedBy, "zhouqiang")
    XCTAssertEqual(s.stageStart, day("2026-11-17"))
    XCTAssertEqual(s.due(calendar), day("2026-11-24"))
    XCTAssertEqual(s.stateTitle, "整改中(情况复杂)")
    XCTAssertEqual(
      calendar.countdown(today: day("2026-11-26"), due: day("2026-11-24")).label, "超期2日")
  }

  func testImmediateIsDueTheNextWorkingDayAndFeedbackAwaitsCallback() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.verifyImmediate(), by: People.zhouqiang, at: "2026-11-16T11:00"))
    XCTAssertEqual(run.state?.due(calendar), day("2026-11-17"))
    XCTAssertNil(run.run(.feedbackDone, by: People.zhouqiang, at: "2026-11-16T15:00"))
    let s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.phase, .awaitingCallback)
    XCTAssertEqual(s.feedback, "修订一次性告知单并培训窗口人员")
    XCTAssertNil(s.due(calendar), "no deadline while the supervisor calls back")
  }

  func testApprovedClaimMarksTheRatingInvalidAndCloses() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.claim(), by: People.zhouqiang, at: "2026-11-16T14:00"))
    var s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.phase, .awaitingReview)
    XCTAssertEqual(s.claim, .malicious)
    XCTAssertEqual(s.claimedBy, "zhouqiang")
    XCTAssertNil(s.due(calendar))
    XCTAssertNil(run.run(.approve(true), by: People.chenjing, at: "2026-11-17T10:00"))
    s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.phase, .closed)
    XCTAssertEqual(s.outcome, .invalid)
    XCTAssertEqual(s.closedOn, day("2026-11-17"))
    XCTAssertEqual(s.reviewedBy, "chenjing")
    XCTAssertEqual(run.rating?.invalid, true)
    XCTAssertEqual(s.stateTitle, "已办结(无效差评)")
  }

  func testRefusedClaimGoesToRectificationAndTheHandlerChoosesHow() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.claim(), by: People.zhouqiang, at: "2026-11-16T14:00"))
    XCTAssertNil(run.run(.approve(false, "证据不足"), by: People.chenjing, at: "2026-11-18T10:00"))
    var s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.phase, .rectifying)
    XCTAssertNil(s.track)
    XCTAssertEqual(s.reviewApproved, false)
    XCTAssertEqual(s.due(calendar), day("2026-11-25"), "the 5-day limit runs from the refusal")
    XCTAssertEqual(run.rating?.invalid, false)
    XCTAssertEqual(
      run.run(.feedbackDone, by: People.zhouqiang, at: "2026-11-18T11:00")?.message,
      "请先确定整改方式(立行立改或情况复杂)")
    XCTAssertNil(
      run.run(
        .classify(track: .complex), by: People.zhouqiang,
        at: "2026-11-18T11:00"))
    s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.track, .complex)
    XCTAssertEqual(s.due(calendar), day("2026-11-25"))
    XCTAssertEqual(
      run.run(
        .classify(track: .immediate), by: People.zhouqiang,
        at: "2026-11-18T11:10")?.message, "已确定为情况复杂,不能再改为立行立改")
  }

  func testNobodyReReviewsTheirOwnOrganisationsOrTheirOwnClaim() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.claim(), by: People.zhouqiang, at: "2026-11-16T14:00"))
    let own = run.run(.approve(true), by: People.scjgSupervisor, at: "2026-11-17T09:00")
    XCTAssertEqual(own?.message, "不能复核本单位提出的无效差评申请")
    XCTAssertEqual(own?.article, "第三十七条")
    XCTAssertEqual(run.state?.phase, .awaitingReview)
    // A ZWZX supervisor who made the claim when still a handler at SCJG (moved since) cannot
    // review it either: the claimant is the login, whatever organisation they are in now.
    var other = try CaseRun()
    var atSCJG = People.zwzxBoth
    atSCJG.org = "SCJG"
    XCTAssertNil(other.run(.claim(), by: atSCJG, at: "2026-11-16T14:00"))
    XCTAssertEqual(
      other.run(.approve(true), by: People.zwzxBoth, at: "2026-11-17T09:00")?.message,
      "不能复核自己提出的无效差评申请")
    XCTAssertEqual(
      RectificationMachine.availableSteps(try XCTUnwrap(other.state), .test(People.zwzxBoth)), [])
    XCTAssertEqual(
      RectificationMachine.availableSteps(try XCTUnwrap(other.state), .test(People.chenjing)),
      [.review])
  }

  func testClaimNeedsEvidenceAndRealNameNeedsContact() throws {
    var run = try CaseRun()
    XCTAssertEqual(
      run.run(.claim(evidence: "  "), by: People.zhouqiang, at: "2026-11-16T14:00")?.message,
      "「证明材料」不能为空")
    let unreachable = RectificationCommand.verify(
      contact: .unreachable, findings: "打不通", track: .immediate)
    XCTAssertEqual(
      run.run(unreachable, by: People.zhouqiang, at: "2026-11-16T14:00")?.message,
      "实名差评应立即联系评价人核实,不能选「未能联系」")
    XCTAssertEqual(
      run.run(
        .verify(contact: .phone, findings: ""), by: People.zhouqiang,
        at: "2026-11-16T14:00")?.message, "「核实情况」不能为空")
    XCTAssertEqual(
      run.run(
        .verify(contact: .phone, findings: "属实"), by: People.zhouqiang,
        at: "2026-11-16T14:00")?.message, "核实结论应为「申请认定无效差评」或「情况属实、予以整改」之一")
    var anonymous = try CaseRun(badRating(realName: false))
    XCTAssertNil(anonymous.run(unreachable, by: People.zhouqiang, at: "2026-11-16T14:00"))
    XCTAssertEqual(run.state?.phase, .verifying)
  }

  func testExtensionIsRequestedWithAReasonAndDaysWithinTheRule() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.verifyComplex(), by: People.zhouqiang, at: "2026-11-17T09:30"))
    let at = "2026-11-20T10:00"
    XCTAssertEqual(
      run.run(.requestExtension(reason: " "), by: People.zhouqiang, at: at)?.message,
      "「延期理由」不能为空")
    XCTAssertEqual(
      run.run(.requestExtension(via: .unreachable), by: People.zhouqiang, at: at)?.message,
      "延期须向评价人说明理由,实名评价不能选「未能联系」")
    for days in [0, 6] {
      XCTAssertEqual(
        run.run(.requestExtension(days: days), by: People.zhouqiang, at: at)?.description,
        "延期天数应为1至5个工作日(第三十七条)")
    }
    XCTAssertNil(run.run(.requestExtension(days: 5), by: People.zhouqiang, at: at))
    var s = try XCTUnwrap(run.state)
    // > 确需延长处置时间的,在"好差评"系统提出申请 (第三十七条(三)): until approved, nothing moves.
    XCTAssertEqual(s.due(calendar), day("2026-11-24"))
    XCTAssertEqual(s.extensions, 0)
    XCTAssertEqual(s.stateTitle, "整改中(情况复杂,延期待审批)")
    XCTAssertEqual(s.extensionRequest?.isPending, true)
    XCTAssertEqual(
      run.run(.requestExtension(), by: People.zhouqiang, at: at)?.message, "已申请延期,等待督办人员审批")
    // The supervisor of the district approves; the deadline moves by the days asked for.
    XCTAssertNil(run.run(.decideExtension(true), by: People.chenjing, at: "2026-11-20T15:00"))
    s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.extendedDue, day("2026-12-01"))
    XCTAssertEqual(s.due(calendar), day("2026-12-01"))
    XCTAssertEqual(s.extensions, 1)
    XCTAssertEqual(s.extensionRequest?.newDue, day("2026-12-01"))
    XCTAssertEqual(s.extensionRequest?.decidedBy, "chenjing")
    XCTAssertEqual(s.stateTitle, "整改中(情况复杂)")
    XCTAssertEqual(
      run.run(.decideExtension(true), by: People.chenjing, at: "2026-11-20T15:10")?.message,
      "没有待审批的延期申请")
  }

  func testOnlyADistrictSupervisorOtherThanTheApplicantDecides() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.verifyComplex(), by: People.zhouqiang, at: "2026-11-17T09:30"))
    let at = "2026-11-20T10:00"
    XCTAssertEqual(
      run.run(.decideExtension(true), by: People.chenjing, at: at)?.message, "没有待审批的延期申请")
    XCTAssertNil(run.run(.requestExtension(days: 2), by: People.scjgBoth, at: at))
    XCTAssertEqual(
      run.run(.decideExtension(true), by: People.zhouqiang, at: at)?.message,
      "周强没有督办角色,不能审批整改延期")
    XCTAssertEqual(
      run.run(.decideExtension(true), by: People.scjgBoth, at: at)?.description,
      "不能审批自己提出的延期申请(第三十七条)")
    XCTAssertEqual(
      run.run(.decideExtension(true), by: People.scjgSupervisor, at: at)?.description,
      "不能审批本单位的整改延期申请(第三十七条)")
    XCTAssertEqual(
      run.run(.decideExtension(true), by: People.wxzSupervisor, at: at)?.description,
      "整改延期由区级督办人员审批(第三十七条)")
    XCTAssertEqual(
      run.run(.decideExtension(false, " "), by: People.chenjing, at: at)?.message,
      "「审批意见」不能为空")
    // Refused: the deadline in force stands, and the handler may apply again.
    XCTAssertNil(run.run(.decideExtension(false, "理由不充分"), by: People.chenjing, at: at))
    let s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.due(calendar), day("2026-11-24"))
    XCTAssertEqual(s.extensions, 0)
    XCTAssertEqual(s.extensionRequest?.approved, false)
    XCTAssertNil(run.run(.requestExtension(days: 1), by: People.zhouqiang, at: "2026-11-21T09:00"))
  }

  func testNoExtensionOnceOverdueOrForASimpleCase() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.verifyComplex(), by: People.zhouqiang, at: "2026-11-17T09:30"))
    XCTAssertEqual(
      run.run(.requestExtension(), by: People.zhouqiang, at: "2026-11-26T09:30")?.message,
      "已超过整改期限(2026-11-24),不能再申请延期;请尽快整改并反馈")
    // The key is not offered either: availability says what decide says.
    let s = try XCTUnwrap(run.state)
    let late = CaseContext(
      staff: People.zhouqiang, now: run.date("2026-11-26T09:30"), fold: run.context,
      node: CaseContext.test(People.zhouqiang).node, lookup: TestLookup())
    XCTAssertEqual(
      RectificationMachine.availability(s, .requestExtension, late)?.message,
      "已超过整改期限(2026-11-24),不能再申请延期;请尽快整改并反馈")
    var simple = try CaseRun()
    XCTAssertNil(simple.run(.verifyImmediate(), by: People.zhouqiang, at: "2026-11-16T11:00"))
    let r = simple.run(.requestExtension(), by: People.zhouqiang, at: "2026-11-16T12:00")
    XCTAssertEqual(r?.message, "只有情况复杂的整改可以申请延期")
    // A simple case that proves hard is reclassified, then may be extended.
    XCTAssertNil(
      simple.run(
        .classify(track: .complex, note: "需更换设备"), by: People.zhouqiang,
        at: "2026-11-16T12:00"))
    XCTAssertEqual(simple.state?.due(calendar), day("2026-11-23"))
  }

  func testAnonymousExtensionMayBeUntoldAndFeedbackLapsesAPendingOne() throws {
    var run = try CaseRun(badRating(realName: false))
    XCTAssertNil(run.run(.verifyComplex(), by: People.zhouqiang, at: "2026-11-17T09:30"))
    XCTAssertNil(
      run.run(.requestExtension(via: .unreachable), by: People.zhouqiang, at: "2026-11-18T09:00"))
    XCTAssertNil(run.run(.feedbackDone, by: People.zhouqiang, at: "2026-11-19T09:00"))
    XCTAssertNil(run.state?.extensionRequest, "rectified in time: nothing left to approve")
    XCTAssertEqual(
      run.run(.decideExtension(true), by: People.chenjing, at: "2026-11-19T10:00")?.message,
      "案件处于「待回访」,不能审批延期(须在「整改中」阶段)")
  }

  func testCallbackClosesReopensOrWaits() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.verifyImmediate(), by: People.zhouqiang, at: "2026-11-16T11:00"))
    XCTAssertNil(run.run(.feedbackDone, by: People.zhouqiang, at: "2026-11-16T15:00"))
    XCTAssertEqual(
      run.run(
        .callBack(.satisfied, method: .unreachable), by: People.chenjing, at: "2026-11-17T09:00")?
        .message, "未能联系评价人时,评价人意见应为「未能联系」")
    XCTAssertNil(run.run(.callBack(.unreachable), by: People.chenjing, at: "2026-11-17T09:00"))
    var s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.phase, .awaitingCallback)
    XCTAssertEqual(s.callbackAttempts, 1)
    XCTAssertFalse(s.calledBack)
    XCTAssertNil(run.run(.callBack(.dissatisfied), by: People.chenjing, at: "2026-11-18T09:00"))
    s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.phase, .rectifying)
    XCTAssertEqual(s.rounds, 2)
    XCTAssertNil(s.track)
    XCTAssertEqual(s.due(calendar), day("2026-11-25"))
    XCTAssertNil(
      run.run(
        .classify(track: .immediate), by: People.zhouqiang,
        at: "2026-11-18T10:00"))
    XCTAssertNil(run.run(.feedbackDone, by: People.zhouqiang, at: "2026-11-18T16:00"))
    XCTAssertNil(run.run(.callBack(.satisfied), by: People.chenjing, at: "2026-11-19T09:00"))
    s = try XCTUnwrap(run.state)
    XCTAssertEqual(s.phase, .closed)
    XCTAssertEqual(s.outcome, .rectified)
    XCTAssertTrue(s.calledBack)
    XCTAssertEqual(s.callbackAttempts, 3)
    XCTAssertEqual(s.closedOn, day("2026-11-19"))
  }

  func testRealNameCannotCloseWithoutCallbackButAnonymousCanWithAReason() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.verifyImmediate(), by: People.zhouqiang, at: "2026-11-16T11:00"))
    XCTAssertNil(run.run(.feedbackDone, by: People.zhouqiang, at: "2026-11-16T15:00"))
    let close = RectificationCommand.closeWithoutCallback(reason: "匿名评价,无联系方式")
    let refused = run.run(close, by: People.chenjing, at: "2026-11-17T09:00")
    XCTAssertEqual(refused?.message, "实名差评须回访后才能办结")
    XCTAssertEqual(refused?.article, "第三十七条")
    XCTAssertEqual(
      RectificationMachine.availableSteps(try XCTUnwrap(run.state), .test(People.chenjing)),
      [.callBack])

    var anonymous = try CaseRun(badRating(realName: false))
    XCTAssertNil(anonymous.run(.verifyImmediate(), by: People.zhouqiang, at: "2026-11-16T11:00"))
    XCTAssertNil(anonymous.run(.feedbackDone, by: People.zhouqiang, at: "2026-11-16T15:00"))
    XCTAssertEqual(
      anonymous.run(
        .closeWithoutCallback(reason: ""), by: People.chenjing,
        at: "2026-11-17T09:00")?.message, "「不回访原因」不能为空")
    XCTAssertEqual(
      RectificationMachine.availableSteps(try XCTUnwrap(anonymous.state), .test(People.chenjing)),
      [.callBack, .closeWithoutCallback])
    XCTAssertNil(anonymous.run(close, by: People.chenjing, at: "2026-11-17T09:00"))
    let s = try XCTUnwrap(anonymous.state)
    XCTAssertEqual(s.phase, .closed)
    XCTAssertEqual(s.outcome, .rectified)
    XCTAssertEqual(s.noCallbackReason, "匿名评价,无联系方式")
    XCTAssertFalse(s.calledBack)
  }

  func testStepsOutOfOrderAreRefused() throws {
    var run = try CaseRun()
    XCTAssertEqual(
      run.run(.approve(true), by: People.chenjing, at: "2026-11-16T11:00")?.message,
      "案件处于「待核实」,不能复核(须在「待复核」阶段)")
    XCTAssertEqual(
      run.run(.feedbackDone, by: People.zhouqiang, at: "2026-11-16T11:00")?.message,
      "案件处于「待核实」,不能整改反馈(须在「整改中」阶段)")
    XCTAssertEqual(
      run.run(.callBack(.satisfied), by: People.chenjing, at: "2026-11-16T11:00")?.message,
      "案件处于「待核实」,不能回访(须在「待回访」阶段)")
    XCTAssertNil(run.run(.claim(), by: People.zhouqiang, at: "2026-11-16T11:00"))
    XCTAssertEqual(
      run.run(.verifyComplex(), by: People.zhouqiang, at: "2026-11-16T12:00")?.message,
      "案件处于「待复核」,不能核实(须在「待核实」阶段)")
    XCTAssertNil(run.run(.approve(true), by: People.chenjing, at: "2026-11-17T10:00"))
    XCTAssertEqual(
      run.run(.approve(false), by: People.chenjing, at: "2026-11-17T11:00")?.message,
      "整改案件已办结,不能再办理")
  }

  func testStepsMenuFollowsPhaseTrackAndRole() throws {
    var run = try CaseRun()
    var s = try XCTUnwrap(run.state)
    XCTAssertEqual(RectificationMachine.availableSteps(s, .test(People.zhouqiang)), [.verify])
    XCTAssertEqual(RectificationMachine.availableSteps(s, .test(People.chenjing)), [])
    let rsj = Staff(login: "wuxia", name: "吴霞", org: "RSJ", roles: [.counter, .handler])
    XCTAssertEqual(
      RectificationMachine.availableSteps(s, .test(rsj)), [], "another organisation's case")
    XCTAssertNil(run.run(.verifyComplex(), by: People.zhouqiang, at: "2026-11-17T09:30"))
    s = try XCTUnwrap(run.state)
    XCTAssertEqual(
      RectificationMachine.availableSteps(s, .test(People.sunli)), [.requestExtension, .feedback])
  }

  func testAFoldRecordsAConflictForAnEventThatCannotApply() throws {
    var run = try CaseRun()
    // A callback made offline on another node before the case was even verified.
    let draft = EventDraft(
      stream: RectificationMachine.stream(run.caseID), type: .rectificationCalledBack,
      body: RectificationCalledBack(method: .phone, response: .satisfied, record: "x"))
    run.append([draft], actor: "chenjing", at: "2026-11-16T12:00")
    let (state, conflicts) = RectificationMachine.fold(run.caseEvents, run.context)
    XCTAssertEqual(state?.phase, .verifying)
    XCTAssertEqual(conflicts.count, 1)
    XCTAssertEqual(conflicts.first?.message, "案件处于「待核实」,不能回访(须在「待回访」阶段)")
  }
}
