import Foundation
import XCTest

@testable import Domain
@testable import Store

final class RectificationStoreTests: XCTestCase {
  let zhouqiang = Staff(login: "zhouqiang", name: "周强", org: "SCJG", roles: [.counter, .handler])
  let chenjing = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
  let wuxia = Staff(login: "wuxia", name: "吴霞", org: "RSJ", roles: [.counter, .handler])

  func rating(_ level: RatingLevel = .veryDissatisfied, service: String? = nil) -> RatingInput {
    RatingInput(
      channel: .counter, serviceCaseID: service, itemCode: "SC-DJ-001", itemName: "个体工商户设立登记",
      organisation: "SCJG", level: level, comment: "跑了三趟", realName: true, reviewerName: "李建国",
      reviewerPhone: "13893012345")
  }

  func testDemoHasCasesInEveryStateAndOneOverdue() throws {
    let (store, _) = try makeDemo()
    let counts = try store.rectificationCounts(for: districtSupervisor)
    XCTAssertEqual(counts[.verifying], 2)
    XCTAssertEqual(counts[.awaitingReview], 1)
    XCTAssertEqual(counts[.rectifying], 1)
    XCTAssertEqual(counts[.awaitingCallback], 2)
    XCTAssertEqual(counts[.closed], 3)
    let overdue = try store.db.fetchAll(
      "SELECT case_id, org FROM deadline WHERE kind = 'rectification' AND due_ordinal < ?",
      [store.calendar.ordinal(of: store.today)]
    ) { "\($0.text(0)) \($0.text(1))" }
    XCTAssertEqual(overdue.count, 1)
    XCTAssertTrue(overdue[0].hasSuffix("RSJ"), overdue[0])
    let callback = try store.rectifications(
      phase: .awaitingCallback, for: districtSupervisor)
    XCTAssertEqual(Set(callback.map(\.realName)), [true, false], "one of them is anonymous")
    XCTAssertEqual(try store.db.fetchInt("SELECT count(*) FROM rating"), 65)
    XCTAssertEqual(try store.db.fetchInt("SELECT count(*) FROM rating WHERE invalid = 1"), 1)
    XCTAssertTrue(try store.verifyAudit().isIntact)
  }

  func testAGoodRatingOpensNothingABadOneOpensACaseWithDeadlineAndScope() throws {
    let (store, _) = try makeDemo()
    let before = try store.db.fetchInt("SELECT count(*) FROM rectification")
    let good = try store.registerRating(rating(.satisfied), by: zhouqiang)
    XCTAssertNil(good.rectificationID)
    XCTAssertEqual(try store.db.fetchInt("SELECT count(*) FROM rectification"), before)
    let bad = try store.registerRating(rating(), by: zhouqiang)
    let caseID = try XCTUnwrap(bad.rectificationID)
    XCTAssertTrue(bad.ratingID.hasPrefix("BYQPJ-2026-"), bad.ratingID)
    let row = try store.db.fetchOne(
      "SELECT due_date, org, state, limit_days FROM deadline WHERE case_id = ?", [caseID]
    ) { [$0.text(0), $0.text(1), $0.text(2), String($0.int(3))] }
    XCTAssertEqual(row, ["2026-11-27", "SCJG", "待核实", "1"])
    XCTAssertEqual(
      try store.db.fetchAll(
        "SELECT org FROM stream_scope WHERE stream IN (?, ?)",
        ["rectification/\(caseID)", "rating/\(bad.ratingID)"]
      ) { $0.text(0) }, ["SCJG", "SCJG"])
    XCTAssertEqual(try store.rating(bad.ratingID)?.rectificationID, caseID)
  }

  func testTheCounterRecordsInsideItsOwnTransactionAndARefusalRollsBackBoth() throws {
    let (store, _) = try makeDemo()
    let events = try store.eventCount()
    // The counter's conclusion: its own events, then the rating, then something refuses.
    XCTAssertThrowsError(
      try store.write(as: zhouqiang, .registerRating) { tx in
        _ = try store.recordRating(rating(service: "BYQ-2026-000777"), tx: tx)
        throw Refusal("办结失败")
      })
    XCTAssertEqual(try store.eventCount(), events)
    XCTAssertEqual(
      try store.db.fetchInt("SELECT count(*) FROM rating WHERE service_case = 'BYQ-2026-000777'"), 0
    )
    let ids = try store.write(as: zhouqiang, .registerRating) { tx in
      try store.recordRating(rating(service: "BYQ-2026-000777"), tx: tx)
    }
    XCTAssertNotNil(ids.rectificationID)
    XCTAssertThrowsError(
      try store.registerRating(rating(service: "BYQ-2026-000777"), by: zhouqiang)
    ) {
      XCTAssertEqual(
        ($0 as? Refusal)?.message, "办件 BYQ-2026-000777 已评价(评价编号 \(ids.ratingID)),一事一评")
    }
  }

  func testOneRatingNeverOpensTwoCases() throws {
    let (store, _) = try makeDemo()
    let (ratingID, caseID) = try store.registerRating(rating(), by: zhouqiang)
    XCTAssertThrowsError(
      try store.write(actor: "zhouqiang") { tx in
        try store.openRectification(forRating: ratingID, tx: tx)
      }
    ) {
      XCTAssertEqual(
        ($0 as? Refusal)?.message,
        "评价 \(ratingID) 已生成整改案件 \(caseID ?? ""),不能重复生成")
    }
    // Even past the Domain check, the UNIQUE index refuses a second case for the rating.
    let events = try store.eventCount()
    XCTAssertThrowsError(
      try store.write(actor: "zhouqiang") { tx in
        try tx.append([
          EventDraft(
            stream: RectificationMachine.stream("BYQ-2026-999999"), type: .rectificationOpened,
            body: RectificationOpened(ratingID: ratingID, rating: rating()))
        ])
      })
    XCTAssertEqual(try store.eventCount(), events)
    XCTAssertEqual(
      try store.db.fetchInt("SELECT count(*) FROM rectification WHERE rating_id = ?", [ratingID]), 1
    )
  }

  func testPermissionsAndRefusalsAreLogged() throws {
    let (store, _) = try makeDemo()
    let (_, id) = try store.registerRating(rating(), by: zhouqiang)
    let caseID = try XCTUnwrap(id)
    let verify = RectificationCommand.verify(contact: .phone, findings: "属实", track: .complex)
    XCTAssertThrowsError(try store.perform(verify, on: caseID, as: wuxia)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "只有区市场监督管理局的工作人员可以办理差评整改")
    }
    XCTAssertThrowsError(try store.perform(verify, on: caseID, as: chenjing)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "陈静没有经办角色,不能办理差评整改")
    }
    let claim = RectificationCommand.verify(
      contact: .phone, findings: "承认误评", claim: .mistaken, evidence: "录音")
    try store.perform(claim, on: caseID, as: zhouqiang)
    let scjgSupervisor = Staff(login: "qian", name: "钱主任", org: "SCJG", roles: [.supervisor])
    XCTAssertThrowsError(
      try store.perform(
        RectificationCommand.review(approved: true, opinion: "同意"),
        on: caseID, as: scjgSupervisor))
    let log = try store.refusals(limit: 3).map(\.reason)
    XCTAssertEqual(
      log,
      ["不能复核本单位提出的无效差评申请", "陈静没有经办角色,不能办理差评整改", "只有区市场监督管理局的工作人员可以办理差评整改"])
    XCTAssertThrowsError(try store.perform(verify, on: "BYQ-2026-123456", as: zhouqiang)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "整改案件 BYQ-2026-123456 不存在")
    }
  }

  func testTheWholeFlowMovesTheDeadlineAndClosesIt() throws {
    let (store, _) = try makeDemo()
    let (ratingID, id) = try store.registerRating(rating(), by: zhouqiang)
    let caseID = try XCTUnwrap(id)
    func due() throws -> String? {
      try store.db.fetchOne("SELECT due_date FROM deadline WHERE case_id = ?", [caseID]) {
        $0.text(0)
      }
    }
    try store.perform(
      RectificationCommand.verify(
        contact: .phone, findings: "称系误评", claim: .mistaken, evidence: "录音"),
      on: caseID, as: zhouqiang)
    XCTAssertNil(try due(), "no organisation deadline while a supervisor re-reviews")
    try store.perform(
      RectificationCommand.review(approved: false, opinion: "录音不能证明"),
      on: caseID, as: chenjing)
    XCTAssertEqual(try due(), "2026-12-03")
    try store.perform(
      RectificationCommand.classify(track: .complex), on: caseID,
      as: zhouqiang)
    try store.perform(
      RectificationCommand.requestExtension(days: 3, reason: "需调整窗口排班", toldVia: .phone),
      on: caseID, as: zhouqiang)
    XCTAssertEqual(try due(), "2026-12-03", "the deadline in force stands until approved")
    XCTAssertEqual(
      try store.db.fetchOne("SELECT state FROM rectification WHERE id = ?", [caseID]) {
        $0.text(0)
      }, "整改中(情况复杂,延期待审批)")
    try store.perform(
      RectificationCommand.decideExtension(approved: true, opinion: "同意"),
      on: caseID, as: chenjing)
    XCTAssertEqual(try due(), "2026-12-08")
    try store.perform(
      RectificationCommand.feedback(measures: "增设综合窗口"), on: caseID,
      as: zhouqiang)
    XCTAssertNil(try due())
    try store.perform(
      RectificationCommand.callBack(method: .phone, response: .satisfied, record: "满意"), on: caseID,
      as: chenjing)
    let s = try XCTUnwrap(store.rectification(caseID, for: districtSupervisor))
    XCTAssertEqual(s.phase, .closed)
    XCTAssertEqual(s.outcome, .rectified)
    XCTAssertEqual(
      try store.db.fetchOne("SELECT state, called_back FROM rectification WHERE id = ?", [caseID]) {
        "\($0.text(0)) \($0.int(1))"
      }, "已办结(已整改) 1")
    XCTAssertEqual(try store.rating(ratingID)?.invalid, false)
    let timeline = try store.rectificationTimeline(s).map(\.type)
    XCTAssertEqual(
      timeline,
      [
        .ratingRecorded, .ratingRectificationOpened, .rectificationOpened, .rectificationVerified,
        .rectificationReviewed, .rectificationClassified, .rectificationExtensionRequested,
        .rectificationExtensionDecided, .rectificationFeedback, .rectificationCalledBack,
      ])
  }

  func testSatisfactionWithAndWithoutInvalidReviews() throws {
    let (store, _) = try makeDemo()
    let november = StatisticsPeriod.month(of: store.today)
    let rows = try store.satisfaction(november, for: chenjing)
    let scjg = try XCTUnwrap(rows.first { $0.organisation == "SCJG" }).figures
    XCTAssertEqual(scjg.total, 21)
    XCTAssertEqual(scjg.bad, 3)
    XCTAssertEqual(scjg.invalid, 1)
    XCTAssertEqual(SatisfactionFigures.percent(scjg.satisfaction(excludingInvalid: false)), "85.7%")
    XCTAssertEqual(SatisfactionFigures.percent(scjg.satisfaction(excludingInvalid: true)), "90.0%")
    XCTAssertEqual(scjg.rectified, 1)
    XCTAssertEqual(scjg.calledBack, 1)
    XCTAssertEqual(scjg.realNameBad, 2)
    XCTAssertEqual(rows.first?.organisation, "ZWZX", "the district's organisation order")
    XCTAssertEqual(try store.satisfaction(november, for: zhouqiang).map(\.organisation), ["SCJG"])
    let all = try store.satisfaction(StatisticsPeriod(), for: chenjing)
    XCTAssertEqual(all.reduce(0) { $0 + $1.figures.total }, 65)
    let october = try store.satisfaction(
      StatisticsPeriod(from: CivilDate(iso: "2026-10-01"), through: CivilDate(iso: "2026-10-31")),
      for: chenjing)
    XCTAssertEqual(october.reduce(0) { $0 + $1.figures.total }, 10)
  }

  func testExportWritesTheCSVWhole() throws {
    let (store, dir) = try makeDemo()
    let path = dir.appendingPathComponent("满意度.csv").path
    let n = try store.exportSatisfaction(
      StatisticsPeriod.month(of: store.today), for: chenjing, to: path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertEqual(text.components(separatedBy: "\r\n").count, n + 3)
    XCTAssertTrue(text.contains("SCJG,区市场监督管理局,2026-11-01 至 2026-11-30,21,"), text)
    XCTAssertThrowsError(
      try store.exportSatisfaction(StatisticsPeriod(), for: chenjing, to: "/nonexistent/dir/x.csv"))
  }

  func testRebuildEqualsLiveTablesWithRatingsAndCases() throws {
    let (store, _) = try makeDemo()
    let (_, id) = try store.registerRating(rating(), by: zhouqiang)
    try store.perform(
      RectificationCommand.verify(contact: .phone, findings: "属实", track: .complex),
      on: try XCTUnwrap(id), as: zhouqiang)
    let live = try store.projectionDump()
    XCTAssertTrue(live.contains("## rating\n"))
    XCTAssertTrue(live.contains("整改中(情况复杂)"))
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
    XCTAssertEqual(store.db.busyStatementCount, 0)
  }
}
