import Domain
import Foundation
import XCTest

@testable import Store

final class ApplicationStoreTests: XCTestCase {
  var store: Store!
  var dir: URL!
  var now = beijing("2026-11-26T09:30")

  override func setUpWithError() throws {
    (store, dir) = try makeDemo()
    store.clock = { [unowned self] in self.now }
    // These tests write a past onto the demo of 2026-11-26, as the demo itself does; stamping
    // by the causal clock is CausalClockTests' subject.
    store.scriptedHistory = true
  }

  override func tearDown() {
    XCTAssertEqual(store?.db.busyStatementCount, 0)
    store = nil
    try? FileManager.default.removeItem(at: dir)
  }

  func testWalkInRegisteredAcceptedWithNumbersDeadlinesAndScope() throws {
    let liuyang = try store.demoStaff("liuyang")
    let a = try store.registerWalkIn(by: liuyang)
    XCTAssertTrue(a.caseID.hasPrefix("BYQ-2026-000"), a.caseID)
    XCTAssertEqual(a.status, .awaitingAcceptance)
    XCTAssertEqual(a.item.version, 2)
    let r = try store.perform(ApplicationCommand.accept, on: a.caseID, as: liuyang)
    let first = try XCTUnwrap(r.notices.first?.number)
    XCTAssertTrue(first.hasPrefix("BYQ受〔2026〕"), first)
    XCTAssertEqual(r.application.acceptedOn, store.today)
    let rows = try store.db.fetchAll(
      "SELECT purpose, kind, org, state, due_date, paused FROM deadline WHERE case_id = ?",
      [a.caseID]
    ) { "\($0.text(0)) \($0.text(1)) \($0.text(2)) \($0.text(3)) \($0.text(4)) \($0.int(5))" }
    // 3 working days after Thu 26 Nov: Fri 27, Mon 30, Tue 1 Dec.
    XCTAssertEqual(rows, ["main application SCJG 已受理 2026-12-01 0"])
    let scope = try store.db.fetchAll(
      "SELECT org FROM stream_scope WHERE stream = ? ORDER BY org", ["application/\(a.caseID)"]
    ) { $0.text(0) }
    XCTAssertEqual(scope, ["SCJG", "ZWZX"])
    let second = try store.registerWalkIn(by: liuyang)
    XCTAssertEqual(serial(second.caseID), serial(a.caseID) + 1)
    let next = try store.perform(ApplicationCommand.accept, on: second.caseID, as: liuyang)
    XCTAssertEqual(next.notices.first.map { serial($0.number) }, serial(first) + 1)
  }

  /// Pages of a queue, read one after another, are the whole queue: cases registered in the
  /// same millisecond are ordered by number, so no page repeats or skips one.
  func testPagesOfAQueueNeitherRepeatNorSkipACase() throws {
    let liuyang = try store.demoStaff("liuyang")
    for _ in 0..<5 { _ = try store.registerWalkIn(by: liuyang) }
    for queue in [ApplicationQueue.organisation, .mine, .closed] {
      for sort in [ApplicationSort.timeLeft, .registered] {
        let whole = try store.applicationQueue(queue, for: liuyang, sort: sort).map(\.caseID)
        var paged: [String] = []
        while true {
          let page = try store.applicationQueue(
            queue, for: liuyang, sort: sort, offset: paged.count, limit: 2)
          paged += page.map(\.caseID)
          if page.count < 2 { break }
        }
        XCTAssertEqual(paged, whole, "\(queue) \(sort)")
        XCTAssertEqual(Set(paged).count, paged.count)
      }
    }
  }

  func testOnlyTheImplementingOrganisationDecidesAndRefusalsAreLogged() throws {
    let liuyang = try store.demoStaff("liuyang")
    let wuxia = try store.demoStaff("wuxia")
    let zhouqiang = try store.demoStaff("zhouqiang")
    let a = try store.registerWalkIn(by: liuyang)
    XCTAssertThrowsError(try store.perform(ApplicationCommand.accept, on: a.caseID, as: wuxia)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "只有区市场监督管理局的工作人员可以受理申请")
    }
    XCTAssertThrowsError(try store.registerWalkIn(by: wuxia)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "只有区市场监督管理局的工作人员可以登记申请")
    }
    try store.perform(ApplicationCommand.accept, on: a.caseID, as: liuyang)
    XCTAssertThrowsError(
      try store.perform(ApplicationCommand.startReview(opinion: ""), on: a.caseID, as: liuyang)
    ) {
      XCTAssertEqual(($0 as? Refusal)?.message, "刘洋没有经办角色,不能审查申请")
    }
    try store.perform(ApplicationCommand.startReview(opinion: ""), on: a.caseID, as: zhouqiang)
    try store.perform(ApplicationCommand.decide(.approved, reason: ""), on: a.caseID, as: zhouqiang)
    XCTAssertThrowsError(
      try store.perform(
        ApplicationCommand.decide(.denied, reason: "x"), on: a.caseID, as: zhouqiang)
    ) {
      XCTAssertEqual(($0 as? Refusal)?.message, "办件\(a.caseID)已作出决定(准予),不能重复决定")
    }
    let log = try store.refusals()
    XCTAssertEqual(log.first?.reason, "办件\(a.caseID)已作出决定(准予),不能重复决定")
    XCTAssertEqual(log.first?.action, "作出准予或不予准予决定")
    XCTAssertTrue(log.contains { $0.actor == "wuxia" && $0.action == "受理申请" })
  }

  func testSuspendedItemsAndBadInputAreRefusedWithoutACaseNumber() throws {
    let liuyang = try store.demoStaff("liuyang")
    XCTAssertThrowsError(
      try store.registerApplication(
        RegistrationInput(itemCode: "SCJG-XK-009", applicant: walkIn, materials: [.received]),
        items: FixedDirectory.standard, by: liuyang)
    ) { XCTAssertEqual(($0 as? Refusal)?.description, "事项「食品小作坊登记」已暂停办理,不能登记新的申请(第十二条)") }
    var bad = walkIn
    bad.idNumber = "620402199001010019"
    XCTAssertThrowsError(try store.registerWalkIn(by: liuyang, applicant: bad)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "身份证号码校验位错误")
    }
    XCTAssertThrowsError(
      try store.registerApplication(
        RegistrationInput(itemCode: "NOPE", applicant: walkIn, materials: []),
        items: FixedDirectory.standard, by: liuyang))
    let before = try store.db.fetchInt("SELECT last FROM case_counter WHERE prefix = 'BYQ'")
    _ = try store.registerWalkIn(by: liuyang)
    XCTAssertEqual(
      try store.db.fetchInt("SELECT last FROM case_counter WHERE prefix = 'BYQ'"), before + 1,
      "refused registrations took no case number")
  }

  func testOneTimeNoticeResumeAndAcceptanceDateIsTheDayMaterialsAreComplete() throws {
    let liuyang = try store.demoStaff("liuyang")
    now = beijing("2026-11-20T10:00")
    let a = try store.registerWalkIn(by: liuyang, materials: [.received, .exempt, .missing])
    let n = try store.perform(
      ApplicationCommand.requestSupplement(
        [MaterialDeficiency.material(2, .missing, note: "")], other: ""), on: a.caseID,
      as: liuyang)
    XCTAssertEqual(n.notices.map(\.kind), [.supplement])
    var paused = try store.db.fetchAll(
      "SELECT state, paused, due_date FROM deadline WHERE case_id = ?", [a.caseID]
    ) { "\($0.text(0)) \($0.int(1)) \($0.text(2))" }
    XCTAssertEqual(paused, ["待补正 1 2026-11-20"])
    now = beijing("2026-11-26T09:30")
    try store.perform(
      ApplicationCommand.recordSupplement([.received, .exempt, .received]), on: a.caseID,
      as: liuyang)
    let r = try store.perform(ApplicationCommand.accept, on: a.caseID, as: liuyang)
    XCTAssertEqual(r.application.caseID, a.caseID)
    XCTAssertEqual(r.application.acceptedOn, day("2026-11-26"))
    paused = try store.db.fetchAll(
      "SELECT state, paused, due_date FROM deadline WHERE case_id = ?", [a.caseID]
    ) { "\($0.text(0)) \($0.int(1)) \($0.text(2))" }
    XCTAssertEqual(paused, ["已受理 0 2026-12-01"])
  }

  func testOnlineApplicationIsDeemedAcceptedOnceByTheOwningNode() throws {
    let liuyang = try store.demoStaff("liuyang")
    now = beijing("2026-11-16T10:00")
    let a = try store.registerWalkIn(by: liuyang, channel: .online)
    XCTAssertEqual(try store.recordDeemedAcceptances(), [])
    now = beijing("2026-11-23T18:00")  // the fifth working day: still in time
    XCTAssertEqual(try store.recordDeemedAcceptances(), [])
    now = beijing("2026-11-24T08:00")
    XCTAssertEqual(try store.recordDeemedAcceptances(), [a.caseID])
    XCTAssertEqual(try store.recordDeemedAcceptances(), [])
    let state = try XCTUnwrap(store.application(caseID: a.caseID))
    XCTAssertEqual(state.status, .accepted)
    XCTAssertEqual(state.acceptedOn, day("2026-11-16"))
    XCTAssertEqual(try store.events(stream: "application/\(a.caseID)").last?.actor, "system")
    XCTAssertThrowsError(
      try store.perform(ApplicationCommand.passPreReview(opinion: ""), on: a.caseID, as: liuyang)
    ) { XCTAssertEqual(($0 as? Refusal)?.message, "办件\(a.caseID)已受理,不是待预审的网上申请") }
  }

  func testAPreReviewAttemptAfterTheLimitRecordsTheDeemedAcceptanceFirst() throws {
    let liuyang = try store.demoStaff("liuyang")
    now = beijing("2026-11-16T10:00")
    let a = try store.registerWalkIn(by: liuyang, channel: .online)
    now = beijing("2026-11-26T09:30")
    XCTAssertThrowsError(
      try store.perform(ApplicationCommand.passPreReview(opinion: ""), on: a.caseID, as: liuyang))
    XCTAssertEqual(try store.application(caseID: a.caseID)?.deemedOn, day("2026-11-26"))
  }

  func testQueuesMaskIdentifiersSortByTimeLeftAndSearch() throws {
    let liuyang = try store.demoStaff("liuyang")
    let zhouqiang = try store.demoStaff("zhouqiang")
    now = beijing("2026-11-20T10:00")
    let early = try store.registerWalkIn(by: liuyang)
    try store.perform(ApplicationCommand.accept, on: early.caseID, as: liuyang)
    now = beijing("2026-11-26T09:30")
    let firm = Applicant(
      kind: .organisation, name: "白银某某商贸有限公司", idNumber: "91620402MA7X1Y2236",
      phone: "0943-8221234")
    let late = try store.registerWalkIn(by: zhouqiang, applicant: firm)
    let ours: Set<String> = [early.caseID, late.caseID]
    func q(
      _ queue: ApplicationQueue, _ staff: Staff, search: String = "",
      sort: ApplicationSort = .timeLeft
    )
      throws -> [ApplicationRow]
    {
      try store.applicationQueue(queue, for: staff, search: search, sort: sort).filter {
        ours.contains($0.caseID)
      }
    }
    // 我的 is what is assigned to me: accepting a case does not make it the clerk's, and a
    // registration waiting for the intake decision is its registering clerk's.
    XCTAssertEqual(try q(.mine, liuyang).map(\.caseID), [])
    try store.performWork(.claim, on: early.caseID, of: ApplicationMachine.self, as: zhouqiang)
    let mine = try q(.mine, zhouqiang)
    XCTAssertEqual(mine.map(\.caseID), [early.caseID, late.caseID])
    XCTAssertEqual(mine.first?.maskedID, "620402********0018")
    XCTAssertEqual(mine.first?.maskedPhone, "138****1234")
    XCTAssertEqual(mine.first?.due, day("2026-11-25"))
    let org = try q(.organisation, zhouqiang)
    XCTAssertEqual(org.map(\.caseID), [early.caseID, late.caseID])
    XCTAssertEqual(org.last?.maskedID, "916204********2236")
    XCTAssertEqual(
      try q(.organisation, zhouqiang, sort: .registered).map(\.caseID), [late.caseID, early.caseID])
    XCTAssertEqual(try q(.organisation, zhouqiang, search: "某某商贸").map(\.caseID), [late.caseID])
    XCTAssertEqual(try q(.organisation, zhouqiang, search: "0101001").map(\.caseID), [early.caseID])
    XCTAssertEqual(
      try q(.organisation, zhouqiang, search: late.caseID).map(\.caseID), [late.caseID])
    XCTAssertEqual(try store.applicationQueue(.organisation, for: zhouqiang, search: "%").count, 0)
    XCTAssertThrowsError(try store.applicationQueue(.all, for: liuyang))
    let counts = try store.applicationQueueCounts(for: zhouqiang)
    let open = try store.applicationQueue(.organisation, for: zhouqiang)
    XCTAssertEqual(counts[.organisation], open.count)
    XCTAssertEqual(counts[.mine], try store.applicationQueue(.mine, for: zhouqiang).count)
    XCTAssertNil(counts[.all])
    let wuxia = try store.demoStaff("wuxia")
    XCTAssertThrowsError(try store.applicationDetail(caseID: early.caseID, for: wuxia)) {
      XCTAssertEqual(($0 as? Refusal)?.message, "办件\(early.caseID)属于区市场监督管理局,无权查看")
    }
    XCTAssertEqual(
      try store.applicationDetail(caseID: early.caseID, for: zhouqiang)?.events.count, 3,
      "registered, accepted, claimed")
  }

  /// 办结 → the applicant's rating goes to 好差评 in the same transaction; 不满意 opens the
  /// rectification case for the implementing organisation (第三十七条).
  func testCounterRatingIsRecordedWithTheRatingsAndABadOneOpensRectification() throws {
    let liuyang = try store.demoStaff("liuyang")
    let zhouqiang = try store.demoStaff("zhouqiang")
    let a = try store.registerWalkIn(by: liuyang)
    try store.perform(ApplicationCommand.accept, on: a.caseID, as: liuyang)
    try store.perform(ApplicationCommand.startReview(opinion: ""), on: a.caseID, as: zhouqiang)
    try store.perform(ApplicationCommand.decide(.approved, reason: ""), on: a.caseID, as: zhouqiang)
    try store.perform(
      ApplicationCommand.conclude(
        ConclusionInput(certificateName: "营业执照", certificateNumber: "NO1")), on: a.caseID,
      as: liuyang)
    let r = try store.perform(
      ApplicationCommand.rate(level: "不满意", realName: true, comment: "等了很久"), on: a.caseID,
      as: liuyang)
    let taken = try XCTUnwrap(r.application.rating)
    let ratingID = try XCTUnwrap(taken.ratingID)
    let rectificationID = try XCTUnwrap(taken.rectificationID)
    let rating = try XCTUnwrap(store.rating(ratingID))
    XCTAssertEqual(rating.rating.serviceCaseID, a.caseID)
    XCTAssertEqual(rating.rating.organisation, "SCJG")
    XCTAssertEqual(rating.rating.channel, .counter)
    XCTAssertEqual(rating.rating.reviewerName, "张三")
    XCTAssertEqual(rating.rectificationID, rectificationID)
    XCTAssertEqual(
      try store.db.fetchInt("SELECT count(*) FROM deadline WHERE case_id = ?", [rectificationID]), 1
    )
    XCTAssertThrowsError(
      try store.perform(
        ApplicationCommand.rate(level: "满意", realName: false, comment: ""), on: a.caseID,
        as: liuyang))
    // A good rating opens nothing.
    let b = try store.registerWalkIn(by: liuyang)
    try store.perform(ApplicationCommand.refuse(reason: "不属于本机关职权范围"), on: b.caseID, as: liuyang)
    let good = try store.perform(
      ApplicationCommand.rate(level: "满意", realName: false, comment: ""), on: b.caseID, as: liuyang)
    XCTAssertNotNil(good.application.rating?.ratingID)
    XCTAssertNil(good.application.rating?.rectificationID)
  }

  func testRebuildEqualsLiveTablesWithApplicationsInEveryState() throws {
    let liuyang = try store.demoStaff("liuyang")
    let zhouqiang = try store.demoStaff("zhouqiang")
    now = beijing("2026-11-16T10:00")
    let online = try store.registerWalkIn(by: liuyang, channel: .online)
    let stopped = try store.registerWalkIn(by: liuyang)
    try store.perform(ApplicationCommand.accept, on: stopped.caseID, as: liuyang)
    try store.perform(
      ApplicationCommand.stopClock(.siteInspection, days: 5, reason: "核实场所"), on: stopped.caseID,
      as: zhouqiang)
    let waiting = try store.registerWalkIn(by: liuyang, materials: [.received, .exempt, .missing])
    try store.perform(
      ApplicationCommand.requestSupplement(
        [.material(2, .missing, note: "")], other: ""), on: waiting.caseID, as: liuyang)
    let done = try store.registerWalkIn(by: liuyang)
    try store.perform(ApplicationCommand.accept, on: done.caseID, as: liuyang)
    try store.perform(ApplicationCommand.startReview(opinion: ""), on: done.caseID, as: zhouqiang)
    try store.perform(
      ApplicationCommand.decide(.approved, reason: ""), on: done.caseID, as: zhouqiang)
    try store.perform(
      ApplicationCommand.conclude(
        ConclusionInput(certificateName: "营业执照", certificateNumber: "NO1")), on: done.caseID,
      as: liuyang)
    try store.perform(
      ApplicationCommand.rate(level: "不满意", realName: true, comment: "慢"), on: done.caseID,
      as: liuyang)
    now = beijing("2026-11-26T09:30")
    try store.recordDeemedAcceptances()
    XCTAssertEqual(try store.application(caseID: online.caseID)?.status, .accepted)
    let live = try store.projectionDump()
    XCTAssertTrue(live.contains("BYQ特〔2026〕"))
    XCTAssertTrue(live.contains("clockStop"))
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
    XCTAssertNil(try store.verifyAudit().firstBroken)
  }
}
