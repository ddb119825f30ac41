import Foundation
import XCTest

@testable import Domain

/// 督办, 抽查, the rule table and the escalation ladder.
final class SupervisionTests: XCTestCase {
  func event(
    _ stream: String, _ type: EventType, _ body: some Encodable, at time: String, seq: Int64
  )
    -> Event
  {
    let draft = EventDraft(stream: stream, type: type, body: body)
    return Event(
      origin: "BYQ.1", seq: seq, stream: stream, type: type, payload: draft.payload,
      actor: "chenjing", node: "BYQ",
      timestamp: Int64(ComplaintScript.instant(time).timeIntervalSince1970 * 1000), prevHash: "",
      hash: "")
  }

  let notice = SupervisionNotice(
    target: SupervisionTarget(
      stream: "application/BYQ-2026-000200", kind: "application", caseID: "BYQ-2026-000200",
      org: "SCJG", orgName: "区市场监督管理局", title: "食品经营许可"),
    method: .written, requirement: "请于3个工作日内说明超期原因并办结", replyDays: 3, number: "BYQ督〔2026〕1号")

  func testANoticeOnAnyKindOfCaseHasAReplyDeadlineAndOneReply() throws {
    let ctx = FoldContext(calendar: Fixtures.calendar)
    let s = "supervision/BYQ-DB-2026-0001"
    var events = [event(s, .supervisionIssued, notice, at: "2026-11-26T10:00", seq: 1)]
    var folded = SupervisionReducer.fold(events, ctx).state
    XCTAssertEqual(folded?.replyDue.iso, "2026-12-01")
    XCTAssertEqual(folded?.isAnswered, false)
    events.append(
      event(s, .supervisionReplied, ComplaintText(text: "已于当日办结"), at: "2026-11-27T10:00", seq: 2))
    folded = SupervisionReducer.fold(events, ctx).state
    XCTAssertEqual(folded?.reply?.onTime, true)
    XCTAssertRefused(SupervisionReducer.check(folded, reply: "再次回复"), "已于 2026-11-27 回复")
    var bad = notice
    bad.requirement = ""
    XCTAssertRefused(SupervisionReducer.check(nil, issue: bad), "督办要求")
    bad = notice
    bad.replyDays = 0
    XCTAssertRefused(SupervisionReducer.check(nil, issue: bad), "回复期限")
  }

  func testEscalationLadderFromTheRuleTable() {
    let rules = RuleTable().escalation
    XCTAssertEqual(rules.stage(.remaining(3)), EscalationStage.none)
    XCTAssertEqual(rules.stage(.remaining(2)), EscalationStage.none)
    XCTAssertEqual(rules.stage(.remaining(1)), .warning)
    XCTAssertEqual(rules.stage(.dueToday), .warning)
    XCTAssertEqual(rules.stage(.overdue(0)), .warning, "the weekend after a Friday deadline")
    XCTAssertEqual(rules.stage(.overdue(1)), .reminder)
    XCTAssertEqual(rules.stage(.overdue(5)), .reminder)
    XCTAssertEqual(rules.stage(.overdue(6)), .notice)
    var table = RuleTable()
    table.set(RuleKey.noticeDays, 2)
    XCTAssertEqual(table.escalation.stage(.overdue(3)), .notice)
  }

  func testRuleDefaultsAreTheRegulationsAndTheShippedFileAgrees() throws {
    let t = RuleTable()
    XCTAssertEqual(ComplaintUrgency.allCases.map { t.limit(for: $0) }, [3, 5, 15, 3, 7, 7])
    XCTAssertEqual(t.returnWindow, 1)
    let url = Fixtures.holidayFileURL.deletingLastPathComponent().appendingPathComponent(
      "rules.tsv")
    let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") && !$0.isEmpty }
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    let parsed = try RuleReducer.parseDefaults(rows).get()
    XCTAssertEqual(parsed.map(\.0), RuleTable.definitions.map(\.key))
    XCTAssertEqual(parsed.map(\.1), RuleTable.definitions.map(\.defaultValue))
    XCTAssertRefused(RuleTable.check(key: "complaint.limit.urgent", value: "0").failure, "1至60")
    XCTAssertRefused(RuleTable.check(key: "nope", value: "1").failure, "未知的规则参数")
  }

  func testSpotCheckSampleIsReproducibleFromTheSeed() {
    let population = (1...40).map { "BYQ-2026-\(String(format: "%06d", $0))" }
    let a = SpotCheckSampler.sample(population.shuffled(), size: 5, seed: 0xDEAD_BEEF)
    let b = SpotCheckSampler.sample(population, size: 5, seed: 0xDEAD_BEEF)
    XCTAssertEqual(a, b)
    XCTAssertEqual(Set(a).count, 5)
    XCTAssertNotEqual(a, SpotCheckSampler.sample(population, size: 5, seed: 1))
    XCTAssertEqual(SpotCheckSampler.sample(population, size: 99, seed: 7).count, 40)
    XCTAssertEqual(SpotCheckSampler.parse(SpotCheckSampler.hex(0xDEAD_BEEF)), 0xDEAD_BEEF)
    XCTAssertRefused(
      SpotCheckReducer.check(
        from: day("2026-11-01"), to: day("2026-10-01"), size: 3, population: 9),
      "结束日期")
    XCTAssertRefused(
      SpotCheckReducer.check(
        from: day("2026-10-01"), to: day("2026-10-31"), size: 3, population: 0),
      "没有办结")
  }

  func testSpotCheckVerdictsOncePerDrawnCase() throws {
    let ctx = FoldContext(calendar: Fixtures.calendar)
    let s = "spotcheck/BYQ-CC-2026-0001"
    let draw = SpotCheckDraw(
      from: day("2026-10-01"), to: day("2026-10-31"), size: 2, seed: "00000000deadbeef",
      population: 9, cases: ["BYQ-2026-000003", "BYQ-2026-000007"])
    let events = [
      event(s, .spotCheckDrawn, draw, at: "2026-11-26T10:00", seq: 1),
      event(
        s, .spotCheckVerdict,
        SpotCheckVerdictPayload(caseID: "BYQ-2026-000003", verdict: .pass, note: "处理规范"),
        at: "2026-11-26T11:00", seq: 2),
    ]
    let state = try XCTUnwrap(SpotCheckReducer.fold(events, ctx).state)
    XCTAssertEqual(state.checked, 1)
    XCTAssertRefused(
      SpotCheckReducer.check(
        state, SpotCheckVerdictPayload(caseID: "BYQ-2026-000003", verdict: .fail, note: "")), "已记录")
    XCTAssertRefused(
      SpotCheckReducer.check(
        state, SpotCheckVerdictPayload(caseID: "BYQ-2026-000004", verdict: .fail, note: "")), "不在")
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let f) = self { return f }
    return nil
  }
}
