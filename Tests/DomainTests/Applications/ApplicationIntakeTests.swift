import XCTest

@testable import Domain

/// Registration and the intake decision: 受理 / 一次性告知 / 不予受理 / 网上预审 / 视为受理.
final class ApplicationIntakeTests: XCTestCase {
  func registered(_ channel: ApplicationChannel = .counter, on date: String = "2026-11-23")
    -> ApplicationScript
  {
    var s = ApplicationScript()
    XCTAssertNil(s.apply(.registered(ApplicationScript.registration(channel: channel)), on: date))
    return s
  }

  func testCounterWalkInWaitsForAcceptanceAndOnlineForPreReview() {
    let counter = registered(.counter)
    XCTAssertEqual(counter.status, .awaitingAcceptance)
    XCTAssertEqual(counter.state?.materials, [.received, .exempt, .received, .missing])
    XCTAssertEqual(counter.state?.registeredOrg, "ZWZX")
    XCTAssertEqual(counter.state?.actors, ["liuyang"])
    XCTAssertEqual(registered(.online).status, .awaitingPreReview)
    XCTAssertEqual(registered(.mobile).status, .awaitingPreReview)
    XCTAssertEqual(registered(.kiosk).status, .awaitingPreReview)
  }

  func testRegistrationIsCheckedAgainAtFoldTime() {
    var s = registered()
    assertRefused(
      s.apply(.registered(ApplicationScript.registration()), on: "2026-11-23"), contains: "重复登记")
    var bad = ApplicationScript()
    var p = ApplicationScript.registration()
    p.applicant.idNumber = "620402199001010019"
    assertRefused(bad.apply(.registered(p), on: "2026-11-23"), contains: "校验位错误")
    p = ApplicationScript.registration(materials: [.exempt, .exempt, .received, .missing])
    assertRefused(bad.apply(.registered(p), on: "2026-11-23"), contains: "不能标为免提交")
    p = ApplicationScript.registration(materials: [.received])
    assertRefused(bad.apply(.registered(p), on: "2026-11-23"), contains: "材料清单")
    var none = ApplicationScript()
    assertRefused(none.run(.accept, on: "2026-11-23"), contains: "no state")
    assertRefused(
      none.apply(.accepted(NoticePayload(notice: "x")), on: "2026-11-23"), contains: "不存在")
  }

  func testAcceptStartsThePromisedLimitAndIssuesTheNotice() {
    var s = registered()
    XCTAssertNil(s.run(.accept, on: "2026-11-23"))
    XCTAssertEqual(s.status, .accepted)
    XCTAssertEqual(s.state?.acceptedOn, day("2026-11-23"))
    XCTAssertEqual(s.state?.notices.map(\.number), ["BYQ受〔2026〕1号"])
    XCTAssertEqual(s.state?.notices.first?.values["截止日期"], "2026年11月26日")
    XCTAssertEqual(s.state?.mainDue(Fixtures.calendar), day("2026-11-26"))
    assertRefused(s.run(.accept, on: "2026-11-23"), contains: "不能重复受理")
    XCTAssertEqual(s.serial, 1, "a refused step takes no document number")
    assertRefused(
      s.run(.checkMaterials(s.state?.materials ?? []), on: "2026-11-23"), contains: "不能修改材料核对")
    assertRefused(s.run(.refuse(reason: "x"), on: "2026-11-23"), contains: "不能作出不予受理决定")
    assertRefused(
      s.run(.requestSupplement([], other: ""), on: "2026-11-23"), contains: "不能出具一次性告知书")
  }

  func testAcceptanceNeedsEveryRequiredMaterial() {
    var s = registered()
    XCTAssertNil(
      s.run(.checkMaterials([.received, .exempt, .missing, .missing]), on: "2026-11-23"))
    assertRefused(s.run(.accept, on: "2026-11-23"), contains: "「经营场所使用证明」缺少或有误,不能受理")
    assertRefused(s.run(.accept, on: "2026-11-23"), contains: "行政许可法第三十二条")
    XCTAssertEqual(s.status, .awaitingAcceptance)
    // The optional 委托书 missing never blocks.
    XCTAssertNil(
      s.run(.checkMaterials([.received, .received, .received, .missing]), on: "2026-11-23"))
    XCTAssertNil(s.run(.accept, on: "2026-11-23"))
  }

  func testOneTimeNoticeListsEverythingAtOnce() {
    var s = registered()
    XCTAssertNil(
      s.run(.checkMaterials([.defective, .exempt, .missing, .missing]), on: "2026-11-23"))
    assertRefused(s.run(.requestSupplement([], other: ""), on: "2026-11-23"), contains: "至少列明一项")
    let missingOnly = [MaterialDeficiency(index: 2, status: .missing, note: "未提交,请提交复印件1份")]
    assertRefused(
      s.run(.requestSupplement(missingOnly, other: ""), on: "2026-11-23"),
      contains: "「个体工商户登记申请书」有误却未列入")
    let unexplained = missingOnly + [MaterialDeficiency(index: 0, status: .defective, note: " ")]
    assertRefused(
      s.run(.requestSupplement(unexplained, other: ""), on: "2026-11-23"), contains: "须写明问题所在")
    let wrongStatus = missingOnly + [MaterialDeficiency(index: 0, status: .received, note: "")]
    assertRefused(
      s.run(.requestSupplement(wrongStatus, other: ""), on: "2026-11-23"), contains: "应标为缺或有误")
    let duplicate = missingOnly + missingOnly
    assertRefused(
      s.run(.requestSupplement(duplicate, other: ""), on: "2026-11-23"), contains: "无效或重复")
    let full = missingOnly + [MaterialDeficiency(index: 0, status: .defective, note: "未签名")]
    XCTAssertEqual(s.serial, 0)
    XCTAssertNil(s.run(.requestSupplement(full, other: "请本人到场"), on: "2026-11-23"))
    XCTAssertEqual(s.status, .awaitingSupplement)
    XCTAssertEqual(s.state?.notices.last?.kind, .supplement)
    XCTAssertEqual(s.state?.notices.last?.number, "BYQ补〔2026〕1号")
    let text = s.state?.notices.last?.values["补正材料"] ?? ""
    XCTAssertTrue(text.contains("1. 经营场所使用证明(复印件1份):未提交,请提交复印件1份"), text)
    XCTAssertTrue(text.contains("2. 个体工商户登记申请书(原件1份):不符合要求,未签名"), text)
    // Waiting: nothing but the supplement, a refusal or a withdrawal moves it.
    assertRefused(s.run(.accept, on: "2026-11-24"), contains: "不能受理")
    assertRefused(s.run(.requestSupplement(full, other: ""), on: "2026-11-24"), contains: "待补正")
    assertRefused(s.run(.startReview(opinion: ""), on: "2026-11-24"), contains: "不能开始审查")
  }

  func testSupplementResumesUnderTheSameNumberAndAcceptanceCountsFromThen() {
    var s = registered(on: "2026-09-28")
    XCTAssertNil(
      s.run(.checkMaterials([.received, .exempt, .missing, .missing]), on: "2026-09-28"))
    let items = [MaterialDeficiency(index: 2, status: .missing, note: "")]
    XCTAssertNil(s.run(.requestSupplement(items, other: ""), on: "2026-09-28"))
    assertRefused(s.run(.recordSupplement([.received]), on: "2026-10-09"), contains: "材料清单")
    XCTAssertNil(
      s.run(.recordSupplement([.received, .exempt, .received, .missing]), on: "2026-10-09"))
    XCTAssertEqual(s.status, .awaitingAcceptance)
    XCTAssertEqual(s.state?.caseID, "BYQ-2026-000001")
    XCTAssertEqual(s.state?.intakeStartedOn, day("2026-10-09"))
    assertRefused(
      s.run(.recordSupplement([.received, .exempt, .received, .missing]), on: "2026-10-09"),
      contains: "不是待补正")
    XCTAssertNil(s.run(.accept, on: "2026-10-09"))
    // 3 working days from Fri 9 October: Sat 10 (调休), Mon 12, Tue 13.
    XCTAssertEqual(s.state?.acceptedOn, day("2026-10-09"))
    XCTAssertEqual(s.state?.mainDue(Fixtures.calendar), day("2026-10-13"))
  }

  func testALaterNoticeMayOnlyRepeatWhatTheFirstAskedFor() {
    var s = registered()
    XCTAssertNil(
      s.run(.checkMaterials([.received, .exempt, .missing, .missing]), on: "2026-11-23"))
    XCTAssertNil(
      s.run(
        .requestSupplement([.init(index: 2, status: .missing, note: "")], other: ""),
        on: "2026-11-23"))
    XCTAssertNil(
      s.run(.recordSupplement([.defective, .exempt, .defective, .missing]), on: "2026-11-24"))
    let new = [
      MaterialDeficiency(index: 2, status: .defective, note: "复印件不清晰"),
      MaterialDeficiency(index: 0, status: .defective, note: "未签名"),
    ]
    assertRefused(
      s.run(.requestSupplement(new, other: ""), on: "2026-11-24"),
      contains: "首次告知未要求「个体工商户登记申请书」")
    XCTAssertNil(
      s.run(.checkMaterials([.received, .exempt, .defective, .missing]), on: "2026-11-24"))
    XCTAssertNil(s.run(.requestSupplement([new[0]], other: ""), on: "2026-11-24"))
    XCTAssertEqual(s.state?.supplementRequests.count, 2)
  }

  func testRefusalNeedsAReasonAndClosesTheCase() {
    var s = registered()
    assertRefused(s.run(.refuse(reason: "  "), on: "2026-11-23"), contains: "「不予受理理由」不能为空")
    XCTAssertNil(s.run(.refuse(reason: "申请事项不属于本机关职权范围"), on: "2026-11-23"))
    XCTAssertEqual(s.status, .notAccepted)
    XCTAssertEqual(s.state?.closedOn, day("2026-11-23"))
    XCTAssertEqual(s.state?.notices.last?.kind, .refusal)
    XCTAssertEqual(s.state?.notices.last?.values["不予受理理由"], "申请事项不属于本机关职权范围")
    XCTAssertEqual(s.state?.clocks(Fixtures.calendar), [])
    assertRefused(s.run(.accept, on: "2026-11-23"), contains: "不予受理,不能受理")
    assertRefused(s.run(.withdraw(reason: "x"), on: "2026-11-23"), contains: "不能撤回")
    // A refused applicant may still rate the service, once.
    XCTAssertNil(s.run(.rate(level: "满意", realName: false, comment: ""), on: "2026-11-23"))
  }

  func testRefusalWhileWaitingForTheSupplement() {
    var s = registered()
    XCTAssertNil(
      s.run(.checkMaterials([.received, .exempt, .missing, .missing]), on: "2026-11-23"))
    XCTAssertNil(
      s.run(
        .requestSupplement([.init(index: 2, status: .missing, note: "")], other: ""),
        on: "2026-11-23"))
    XCTAssertNil(s.run(.refuse(reason: "申请人书面表示放弃补正"), on: "2026-12-10"))
    XCTAssertEqual(s.status, .notAccepted)
  }

  func testPreReviewOnlyForOnlineApplicationsWithCompleteMaterials() {
    var counter = registered(.counter)
    assertRefused(counter.run(.passPreReview(opinion: ""), on: "2026-11-23"), contains: "不是待预审")
    var s = registered(.online)
    XCTAssertNil(
      s.run(.checkMaterials([.received, .exempt, .missing, .missing]), on: "2026-11-23"))
    assertRefused(s.run(.passPreReview(opinion: ""), on: "2026-11-23"), contains: "不能通过预审")
    XCTAssertNil(
      s.run(.checkMaterials([.received, .exempt, .received, .missing]), on: "2026-11-23"))
    XCTAssertNil(s.run(.passPreReview(opinion: "材料齐全,请携带原件到窗口"), on: "2026-11-24"))
    XCTAssertEqual(s.status, .awaitingAcceptance)
    XCTAssertEqual(s.state?.preReview?.text, "材料齐全,请携带原件到窗口")
    assertRefused(s.run(.passPreReview(opinion: ""), on: "2026-11-24"), contains: "不是待预审")
    XCTAssertNil(s.run(.accept, on: "2026-11-25"))
    XCTAssertEqual(s.state?.acceptedOn, day("2026-11-25"))
  }

  func testOnlineOneTimeNoticeIsThePreReviewOpinionAndResumesToPreReview() {
    var s = registered(.online)
    XCTAssertNil(
      s.run(.checkMaterials([.received, .exempt, .missing, .missing]), on: "2026-11-23"))
    XCTAssertNil(
      s.run(
        .requestSupplement([.init(index: 2, status: .missing, note: "")], other: ""),
        on: "2026-11-23"))
    XCTAssertEqual(s.state?.supplementRequests.first?.asPreReview, true)
    XCTAssertEqual(s.state?.notices.last?.values["告知方式"], "网上预审")
    XCTAssertNil(
      s.run(.recordSupplement([.received, .exempt, .received, .missing]), on: "2026-11-30"))
    XCTAssertEqual(s.status, .awaitingPreReview)
    XCTAssertEqual(s.state?.intakeStartedOn, day("2026-11-30"))
  }

  /// 行政许可法 第三十二条: not pre-reviewed within five working days, accepted from the day the
  /// materials were received.
  func testNotPreReviewedInTimeIsDeemedAcceptedFromReceipt() {
    // Submitted on 中秋节 (Fri 25 Sep 2026): Mon 28 … Wed 30, then after 国庆 Thu 8, Fri 9 Oct.
    var s = registered(.online, on: "2026-09-25")
    let end = s.state?.preReviewLimitEnd(Fixtures.calendar)
    XCTAssertEqual(end, day("2026-10-09"))
    XCTAssertEqual(s.state?.clocks(Fixtures.calendar).first?.due, day("2026-10-09"))
    XCTAssertEqual(s.state?.isDeemedAccepted(today: day("2026-10-09"), Fixtures.calendar), false)
    XCTAssertEqual(s.state?.isDeemedAccepted(today: day("2026-10-10"), Fixtures.calendar), true)
    let deem = ApplicationChange.deemedAccepted(
      DeemedAcceptancePayload(limitEndedOn: day("2026-10-09")))
    assertRefused(s.apply(deem, on: "2026-10-09", by: "system"), contains: "尚未届满")
    assertRefused(s.run(.passPreReview(opinion: ""), on: "2026-10-10"), contains: "依法视为受理")
    assertRefused(s.run(.refuse(reason: "x"), on: "2026-10-12"), contains: "行政许可法第三十二条")
    XCTAssertNil(s.apply(deem, on: "2026-10-12", by: "system"))
    XCTAssertEqual(s.status, .accepted)
    XCTAssertEqual(s.state?.acceptedOn, day("2026-09-25"))
    XCTAssertEqual(s.state?.deemedOn, day("2026-10-12"))
    XCTAssertEqual(s.state?.actors, ["liuyang"], "the law is not a person in 我的")
    // Promised 3 days from Fri 25 Sep: Mon 28, Tue 29, Wed 30.
    XCTAssertEqual(s.state?.mainDue(Fixtures.calendar), day("2026-09-30"))
    assertRefused(s.apply(deem, on: "2026-10-13", by: "system"), contains: "不适用视为受理")
    XCTAssertNil(s.run(.startReview(opinion: ""), on: "2026-10-13", by: "zhouqiang"))
  }

  func testCounterApplicationsAreNeverDeemedAccepted() {
    let s = registered(.counter, on: "2026-09-25")
    XCTAssertNil(s.state?.preReviewLimitEnd(Fixtures.calendar))
    XCTAssertEqual(s.state?.isDeemedAccepted(today: day("2026-12-31"), Fixtures.calendar), false)
    XCTAssertEqual(s.state?.clocks(Fixtures.calendar).first?.purpose, "intake")
  }

  func testWithdrawalBeforeTheDecisionOnly() {
    var s = registered()
    assertRefused(s.run(.withdraw(reason: ""), on: "2026-11-23"), contains: "「撤回原因」不能为空")
    XCTAssertNil(s.run(.withdraw(reason: "申请人当场撤回"), on: "2026-11-23"))
    XCTAssertEqual(s.status, .withdrawn)
    assertRefused(s.run(.accept, on: "2026-11-23"), contains: "已撤回")
    assertRefused(
      s.run(.rate(level: "满意", realName: false, comment: ""), on: "2026-11-23"), contains: "办结后才能评价"
    )
  }
}
