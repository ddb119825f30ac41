import Domain
import XCTest

/// After acceptance: 审查 → 决定 → 办结, clock stops and the rating.
final class ApplicationHandlingTests: XCTestCase {
  func accepted(on date: String = "2026-11-02") -> ApplicationScript {
    var s = ApplicationScript()
    XCTAssertNil(s.apply(.registered(ApplicationScript.registration()), on: date))
    XCTAssertNil(s.run(.accept, on: date))
    return s
  }

  func decided(_ d: Decision = .approved) -> ApplicationScript {
    var s = accepted()
    XCTAssertNil(s.run(.startReview(opinion: ""), on: "2026-11-03", by: "zhouqiang"))
    XCTAssertNil(
      s.run(
        .decide(d, reason: d == .denied ? "经营场所不符合规划用途" : ""), on: "2026-11-04", by: "zhouqiang"))
    return s
  }

  func testReviewThenDecideOnceAndADenialNeedsAReason() {
    var s = accepted()
    assertRefused(s.run(.decide(.approved, reason: ""), on: "2026-11-03"), contains: "请先审查再作决定")
    XCTAssertNil(s.run(.startReview(opinion: "材料真实"), on: "2026-11-03", by: "zhouqiang"))
    XCTAssertEqual(s.status, .underReview)
    XCTAssertEqual(s.state?.review?.by, "zhouqiang")
    assertRefused(s.run(.startReview(opinion: ""), on: "2026-11-03"), contains: "已在审查中")
    assertRefused(s.run(.decide(.denied, reason: ""), on: "2026-11-04"), contains: "「不予准予理由」不能为空")
    XCTAssertNil(s.run(.decide(.denied, reason: "经营场所不符合规划用途"), on: "2026-11-04", by: "zhouqiang"))
    XCTAssertEqual(s.status, .decided)
    XCTAssertEqual(s.state?.decision, .denied)
    assertRefused(
      s.run(.decide(.approved, reason: ""), on: "2026-11-04"), contains: "已作出决定(不予准予),不能重复决定")
    assertRefused(s.run(.withdraw(reason: "x"), on: "2026-11-04"), contains: "不能撤回")
    assertRefused(s.run(.startReview(opinion: ""), on: "2026-11-04"), contains: "不能开始审查")
    XCTAssertEqual(s.state?.actors, ["liuyang", "zhouqiang"])
  }

  func testNoDecisionBeforeAcceptance() {
    var s = ApplicationScript()
    XCTAssertNil(s.apply(.registered(ApplicationScript.registration()), on: "2026-11-02"))
    assertRefused(s.run(.decide(.approved, reason: ""), on: "2026-11-02"), contains: "待受理,不能作出决定")
    assertRefused(s.run(.conclude(ConclusionInput()), on: "2026-11-02"), contains: "作出决定后才能办结")
    assertRefused(
      s.run(.stopClock(.siteInspection, days: 5, reason: "x"), on: "2026-11-02"),
      contains: "只有已受理、尚未决定的办件")
    assertRefused(s.run(.resumeClock(note: ""), on: "2026-11-02"), contains: "没有进行中的特别程序")
  }

  func testClockStopPausesTheMainClockAndResumesAfter() {
    var s = accepted(on: "2026-11-02")
    XCTAssertEqual(s.state?.mainDue(Fixtures.calendar), day("2026-11-05"))
    assertRefused(
      s.run(.stopClock(.siteInspection, days: 0, reason: "x"), on: "2026-11-03"),
      contains: "1至120个工作日")
    assertRefused(
      s.run(.stopClock(.siteInspection, days: 5, reason: ""), on: "2026-11-03"),
      contains: "「特别程序事由」不能为空")
    XCTAssertNil(
      s.run(
        .stopClock(.siteInspection, days: 5, reason: "核实经营场所"), on: "2026-11-03", by: "zhouqiang"))
    XCTAssertEqual(s.state?.notices.last?.kind, .clockStop)
    XCTAssertEqual(s.state?.notices.last?.number, "BYQ特〔2026〕2号")
    XCTAssertEqual(s.state?.notices.last?.values["预计结束日期"], "2026年11月10日")
    XCTAssertEqual(s.state?.statusText, "暂停(现场勘验)")
    let clocks = s.state?.clocks(Fixtures.calendar) ?? []
    XCTAssertEqual(clocks.map(\.purpose), ["main", "clockStop"])
    XCTAssertEqual(clocks.first?.paused, true)
    // Projected as if the inspection takes its promised five days: 3 + 5 after Mon 2 Nov.
    XCTAssertEqual(clocks.first?.due, day("2026-11-12"))
    XCTAssertEqual(clocks.last?.due, day("2026-11-10"))
    XCTAssertEqual(clocks.last?.paused, false)
    assertRefused(
      s.run(.stopClock(.testing, days: 3, reason: "x"), on: "2026-11-04"), contains: "「现场勘验」尚未结束")
    XCTAssertNil(s.run(.startReview(opinion: ""), on: "2026-11-04", by: "zhouqiang"))
    assertRefused(
      s.run(.decide(.approved, reason: ""), on: "2026-11-05"), contains: "特别程序「现场勘验」进行中")
    // Ended after two working days (Wed 4, Thu 5): the main clock lost two days, not five.
    XCTAssertNil(s.run(.resumeClock(note: "场所符合要求"), on: "2026-11-05", by: "zhouqiang"))
    XCTAssertEqual(s.state?.mainDue(Fixtures.calendar), day("2026-11-09"))
    XCTAssertEqual(s.state?.clocks(Fixtures.calendar).map(\.paused), [false])
    assertRefused(s.run(.resumeClock(note: ""), on: "2026-11-05"), contains: "没有进行中的特别程序")
    // A second stop adds its own length.
    XCTAssertNil(s.run(.stopClock(.expertReview, days: 10, reason: "专家论证"), on: "2026-11-06"))
    XCTAssertNil(s.run(.resumeClock(note: ""), on: "2026-11-13"))
    XCTAssertEqual(s.state?.stops.count, 2)
    XCTAssertEqual(s.state?.mainDue(Fixtures.calendar), day("2026-11-16"))
    XCTAssertNil(s.run(.decide(.approved, reason: ""), on: "2026-11-16"))
  }

  func testConcludeWithCertificateDeliveryAndFee() {
    var s = decided()
    func conclude(_ i: ConclusionInput) -> String? { s.run(.conclude(i), on: "2026-11-05") }
    assertRefused(conclude(ConclusionInput(certificateNumber: "123")), contains: "请同时填写证照名称")
    assertRefused(conclude(ConclusionInput(delivery: .post)), contains: "须填写邮寄单号")
    assertRefused(
      conclude(ConclusionInput(delivery: .post, trackingNumber: "顺丰123")), contains: "字母、数字")
    assertRefused(conclude(ConclusionInput(trackingNumber: "SF1")), contains: "不需要邮寄单号")
    assertRefused(conclude(ConclusionInput(fee: "12.345")), contains: "收费金额应为元")
    assertRefused(conclude(ConclusionInput(fee: "-1")), contains: "收费金额应为元")
    for (result, issues) in [
      ("营业执照", true), ("农村宅基地批准书、乡村建设规划许可证", true), ("中华人民共和国残疾人证", true),
      ("补贴资金发放", false), ("参保登记信息", false), ("准予注销登记通知书", false), ("", false),
    ] {
      var item = licenceItem
      item.result = result
      XCTAssertEqual(item.issuesCertificate, issues, result)
    }
    // The item issues a 营业执照: approving it without the licence's number is refused.
    assertRefused(conclude(ConclusionInput()), contains: "证照(营业执照)的名称和编号")
    assertRefused(
      conclude(ConclusionInput(certificateName: "营业执照")), contains: "的名称和编号")
    XCTAssertEqual(s.serial, 1, "only the acceptance notice was numbered")
    XCTAssertNil(
      conclude(
        ConclusionInput(
          certificateName: "营业执照", certificateNumber: "92620402MA7D5E6F7M", delivery: .post,
          trackingNumber: "sf1234567890", fee: "12.5")))
    XCTAssertEqual(s.status, .concluded)
    let c = s.state?.conclusion
    XCTAssertEqual(c?.trackingNumber, "SF1234567890")
    XCTAssertEqual(c?.feeFen, 1250)
    XCTAssertEqual(s.state?.closedOn, day("2026-11-05"))
    let notice = s.state?.notices.last
    XCTAssertEqual(notice?.kind, .conclusion)
    XCTAssertEqual(notice?.number, "BYQ结〔2026〕2号")
    XCTAssertEqual(notice?.values["办理结果"], "准予,核发《营业执照》(编号 92620402MA7D5E6F7M)")
    XCTAssertEqual(notice?.values["送达方式"], "邮寄送达(邮寄单号 SF1234567890)")
    XCTAssertEqual(notice?.values["收费情况"], "收取费用12.50元")
    XCTAssertEqual(s.state?.clocks(Fixtures.calendar), [])
    assertRefused(conclude(ConclusionInput()), contains: "已办结,不能重复办结")
    assertRefused(s.run(.decide(.approved, reason: ""), on: "2026-11-05"), contains: "不能重复决定")
  }

  func testADenialIsConcludedWithTheDenialDecisionAndNoCertificate() {
    var s = decided(.denied)
    assertRefused(
      s.run(.conclude(ConclusionInput(certificateName: "营业执照")), on: "2026-11-05"),
      contains: "不核发证照")
    XCTAssertNil(s.run(.conclude(ConclusionInput()), on: "2026-11-05"))
    XCTAssertEqual(s.state?.notices.last?.kind, .denial)
    XCTAssertEqual(s.state?.notices.last?.values["不予准予理由"], "经营场所不符合规划用途")
  }

  func testRatingOnceAfterConclusion() {
    var s = decided()
    assertRefused(
      s.run(.rate(level: "不满意", realName: true, comment: ""), on: "2026-11-05"), contains: "办结后才能评价"
    )
    XCTAssertNil(
      s.run(
        .conclude(ConclusionInput(certificateName: "营业执照", certificateNumber: "NO1")),
        on: "2026-11-05"))
    assertRefused(
      s.run(.rate(level: "很差", realName: true, comment: ""), on: "2026-11-05"),
      contains: "评价等级「很差」无效")
    XCTAssertNil(s.run(.rate(level: "不满意", realName: true, comment: "等候时间长"), on: "2026-11-05"))
    XCTAssertEqual(s.state?.rating?.level, "不满意")
    assertRefused(
      s.run(.rate(level: "满意", realName: true, comment: ""), on: "2026-11-05"),
      contains: "已评价,不能重复评价")
  }

  func testWithdrawalEndsARunningClockStop() {
    var s = accepted()
    XCTAssertNil(s.run(.stopClock(.hearing, days: 20, reason: "听证"), on: "2026-11-03"))
    XCTAssertNil(s.run(.withdraw(reason: "申请人书面撤回"), on: "2026-11-04"))
    XCTAssertEqual(s.status, .withdrawn)
    XCTAssertEqual(s.state?.stops.last?.endedOn, day("2026-11-04"))
    XCTAssertEqual(s.state?.clocks(Fixtures.calendar), [])
  }
}
