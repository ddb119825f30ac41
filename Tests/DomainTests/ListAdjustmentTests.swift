import XCTest

@testable import Domain

/// 第十条: a list adjusted → the catalog updated within 10 working days, settled by the changes.
final class ListAdjustmentTests: XCTestCase {
  let context = FoldContext(calendar: Fixtures.calendar)

  func record(on date: String = "2026-09-28", items: [String] = ["SCJG-XK-001", "MZJ-JF-005"])
    -> ListAdjustmentRecord
  {
    ListAdjustmentRecord(
      list: .licensing, adjustedOn: day(date), document: "甘政办发〔2026〕88号", description: "调整",
      organisation: "ZWZX", items: items)
  }

  func event(_ type: EventType, _ body: some Encodable, seq: Int64) -> Event {
    Event(
      origin: "BYQ.1", seq: seq, stream: "listadj/BYQ-2026-000007", type: type,
      payload: CanonicalJSON.encode(body), actor: "zhaolei", node: "BYQ",
      timestamp: 1_795_000_000_000 + seq, prevHash: "", hash: "")
  }

  func testDueTenWorkingDaysAfterTheAdjustmentAcrossNationalDay() {
    // 2026-09-28 (Mon) + 10 working days: 9-29, 9-30, (10-1..10-7 holiday), 10-8, 10-9, 10-10 (调休
    // Saturday), 10-12 … 10-16.
    XCTAssertEqual(ListAdjustmentRules.due(record(), calendar: Fixtures.calendar).iso, "2026-10-16")
    XCTAssertEqual(ListAdjustmentRules.updateLimit, 10)
  }

  func testSettledWhenEveryItemIsUpdated() throws {
    var events = [event(.listAdjustmentRecorded, record(), seq: 1)]
    events.append(
      event(
        .listAdjustmentItemSettled,
        ListAdjustmentSettlement(code: "SCJG-XK-001", changeID: "BYQ-2026-000009"), seq: 2))
    var a = try XCTUnwrap(ListAdjustmentReducer.fold(events, context).state)
    XCTAssertEqual(a.state, .open)
    XCTAssertEqual(a.unsettled, ["MZJ-JF-005"])
    XCTAssertEqual(a.id, "BYQ-2026-000007")
    events.append(
      event(
        .listAdjustmentItemSettled,
        ListAdjustmentSettlement(code: "MZJ-JF-005", changeID: "BYQ-2026-000010"), seq: 3))
    a = try XCTUnwrap(ListAdjustmentReducer.fold(events, context).state)
    XCTAssertEqual(a.state, .settled)
    XCTAssertEqual(a.settled, ["SCJG-XK-001": "BYQ-2026-000009", "MZJ-JF-005": "BYQ-2026-000010"])
  }

  func testSettlingAnItemNotTouchedIsAConflict() {
    let events = [
      event(.listAdjustmentRecorded, record(), seq: 1),
      event(
        .listAdjustmentItemSettled, ListAdjustmentSettlement(code: "WXZ-XK-001", changeID: "X"),
        seq: 2),
    ]
    let folded = ListAdjustmentReducer.fold(events, context)
    XCTAssertEqual(folded.state?.settled, [:])
    XCTAssertEqual(folded.conflicts.count, 1)
  }

  func testClosingNeedsAnOpenTaskAndAReason() throws {
    let recorded = ListAdjustmentReducer.fold(
      [event(.listAdjustmentRecorded, record(), seq: 1)], context
    ).state
    XCTAssertEqual(
      ListAdjustmentRules.checkClose(recorded, reason: "")?.message, "「核销原因」不能为空")
    XCTAssertNil(ListAdjustmentRules.checkClose(recorded, reason: "经核查无需更新"))
    let closed = try XCTUnwrap(
      ListAdjustmentReducer.fold(
        [
          event(.listAdjustmentRecorded, record(), seq: 1),
          event(.listAdjustmentClosed, ChangeNote(note: "经核查无需更新"), seq: 2),
        ], context
      ).state)
    XCTAssertEqual(closed.state, .closed)
    XCTAssertEqual(
      ListAdjustmentRules.checkClose(closed, reason: "x")?.message,
      "清单调整任务 BYQ-2026-000007 已核销,不能再核销")
  }

  func testRecordIsChecked() {
    let today = day("2026-11-26")
    let orgs: Set<String> = ["ZWZX"]
    XCTAssertNil(ListAdjustmentRules.check(record(), today: today, organisations: orgs))
    XCTAssertEqual(
      ListAdjustmentRules.check(record(on: "2026-11-27"), today: today, organisations: orgs)?
        .message, "调整日期不能晚于今天(2026-11-26)")
    XCTAssertEqual(
      ListAdjustmentRules.check(record(items: []), today: today, organisations: orgs)?.message,
      "至少填写一个涉及的事项编码")
    XCTAssertEqual(
      ListAdjustmentRules.check(
        record(items: ["A-1", "SCJG-XK-001"]), today: today, organisations: orgs)?
        .message, "事项编码「A-1」应为4至24位大写字母、数字或连字符,如 SCJG-XK-001")
    XCTAssertEqual(
      ListAdjustmentRules.check(
        record(items: ["SCJG-XK-001", "SCJG-XK-001"]), today: today, organisations: orgs)?.message,
      "事项编码「SCJG-XK-001」重复")
  }

  func testCodesAreParsedAsTyped() {
    XCTAssertEqual(
      ListAdjustmentRules.parseCodes("scjg-xk-001, MZJ-JF-005、WXZ-XK-001\u{FF0C}RSJ-GG-001 "),
      ["SCJG-XK-001", "MZJ-JF-005", "WXZ-XK-001", "RSJ-GG-001"])
  }
}
