import Foundation
import XCTest

@testable import Domain

final class RatingTests: XCTestCase {
  let today = day("2026-11-26")

  func testLevelsAndBadReviews() {
    XCTAssertEqual(RatingLevel.allCases.map(\.title), ["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
    XCTAssertEqual(RatingLevel.allCases.filter(\.isBad), [.dissatisfied, .veryDissatisfied])
    XCTAssertEqual(RatingLevel(title: "基本满意"), .basicallySatisfied)
    XCTAssertNil(RatingLevel(title: "一般"))
    XCTAssertEqual(RatingChannel.allCases.map(\.title), ["窗口", "网上", "掌上", "自助终端", "短信", "电话"])
  }

  func testRealNameNeedsNameAndAValidPhone() {
    var r = badRating()
    r.reviewerName = " "
    r.reviewerPhone = nil
    let problems = r.problems(today: today)
    XCTAssertEqual(problems.map(\.field), [.reviewerName, .reviewerPhone])
    XCTAssertEqual(problems.map(\.message), ["「评价人姓名」不能为空", "实名评价须留联系电话,以便核实和回访"])
    r.reviewerName = "李建国"
    r.reviewerPhone = "1389301234"
    XCTAssertEqual(
      r.check(today: today)?.message, "联系电话应为手机号码或固定电话(如0943-8221234)")
    r.reviewerPhone = "0943-8221234"
    XCTAssertNil(r.check(today: today))
  }

  func testAnonymousKeepsNoNameOrPhone() {
    var r = badRating(realName: false)
    XCTAssertNil(r.check(today: today))
    r.reviewerPhone = "13893012345"
    XCTAssertEqual(r.problems(today: today).map(\.field), [.reviewerPhone])
    XCTAssertEqual(r.check(today: today)?.message, "匿名评价不记录评价人姓名和联系电话")
  }

  func testRequiredFieldsLengthsControlCharactersAndDate() {
    var r = badRating()
    r.itemName = ""
    r.organisation = ""
    r.comment = String(repeating: "慢", count: 501)
    r.ratedOn = day("2026-11-27")
    XCTAssertEqual(
      r.problems(today: today).map(\.message),
      ["「事项名称」不能为空", "「服务单位」不能为空", "「评价内容」不能超过500个字", "评价日期不能晚于今天"])
    r = badRating()
    r.comment = "好\u{1B}[31m差"
    XCTAssertEqual(r.check(today: today)?.message, "「评价内容」含有控制字符")
    r.comment = "第一行\n第二行"
    XCTAssertNil(r.check(today: today), "a comment may have line breaks")
  }

  func testNormalizedTrimsAndFillsTheDate() {
    var r = badRating()
    r.itemName = "  个体工商户设立登记 "
    r.serviceCaseID = "  "
    let n = r.normalized(today: today)
    XCTAssertEqual(n.itemName, "个体工商户设立登记")
    XCTAssertNil(n.serviceCaseID)
    XCTAssertEqual(n.ratedOn, today)
  }

  func testRecordingAGoodRatingSpendsNoCaseNumber() throws {
    var good = badRating(level: .satisfied)
    good.realName = false
    good.reviewerName = nil
    good.reviewerPhone = nil
    var asked = 0
    let (drafts, id) = try RatingReducer.record(id: "R1", good, today: today) {
      asked += 1
      return "C1"
    }
    XCTAssertNil(id)
    XCTAssertEqual(asked, 0)
    XCTAssertEqual(drafts.map(\.type), [.ratingRecorded])
  }

  func testRecordingABadRatingOpensExactlyOneCase() throws {
    var asked = 0
    let (drafts, id) = try RatingReducer.record(id: "R1", badRating(), today: today) {
      asked += 1
      return "C1"
    }
    XCTAssertEqual(id, "C1")
    XCTAssertEqual(asked, 1)
    XCTAssertEqual(
      drafts.map(\.type), [.ratingRecorded, .ratingRectificationOpened, .rectificationOpened])
    XCTAssertEqual(drafts.map(\.stream), ["rating/R1", "rating/R1", "rectification/C1"])
  }

  func testRecordRefusesBadInput() {
    var r = badRating()
    r.reviewerPhone = "123"
    XCTAssertThrowsError(try RatingReducer.record(id: "R1", r, today: today) { "C1" }) { e in
      XCTAssertEqual((e as? Refusal)?.message, "联系电话应为手机号码或固定电话(如0943-8221234)")
    }
  }

  func testOneRatingNeverOpensTwoCases() throws {
    let run = try CaseRun()
    let rating = try XCTUnwrap(run.rating)
    let again = RatingReducer.openRectification(rating, caseID: "BYQ-2026-000002")
    XCTAssertEqual(
      again.failureMessage, "评价 BYQPJ-2026-000001 已生成整改案件 BYQ-2026-000001,不能重复生成")
    // The same event arriving twice (say from another node) is a conflict, not a second case.
    var twice = run
    twice.append(
      [
        EventDraft(
          stream: RatingReducer.stream(run.ratingID), type: .ratingRectificationOpened,
          body: RatingRectificationLink(rectificationID: "BYQ-2026-000002"))
      ], actor: "x", at: "2026-11-16T11:00")
    let (state, conflicts) = RatingReducer.fold(twice.ratingEvents, twice.context)
    XCTAssertEqual(state?.rectificationID, "BYQ-2026-000001")
    XCTAssertEqual(conflicts.count, 1)
    var good = rating
    good.rating.level = .basicallySatisfied
    good.rectificationID = nil
    XCTAssertEqual(
      RatingReducer.openRectification(good, caseID: "C").failureMessage, "「基本满意」不是差评,不生成整改案件")
  }

  func testInvalidationOnlyThroughItsOwnCaseAndOnce() throws {
    var run = try CaseRun()
    let link = { (id: String) in
      EventDraft(
        stream: RatingReducer.stream(run.ratingID), type: .ratingInvalidated,
        body: RatingRectificationLink(rectificationID: id))
    }
    run.append(
      [link("BYQ-2026-000009"), link(run.caseID), link(run.caseID)], actor: "c",
      at: "2026-11-17T10:00")
    let (state, conflicts) = RatingReducer.fold(run.ratingEvents, run.context)
    XCTAssertEqual(state?.invalid, true)
    XCTAssertEqual(
      conflicts.map(\.message), ["只有经整改案件复核的差评才能标记为无效差评", "该差评已标记为无效差评"])
  }
}

extension Result where Failure == Refusal {
  var failureMessage: String? {
    if case .failure(let r) = self { return r.message }
    return nil
  }
}
