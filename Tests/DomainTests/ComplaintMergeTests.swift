import XCTest

@testable import Domain

/// 合并 and 拆分 (第三十三条): the two sides of the link, each folded on its own stream.
final class ComplaintMergeTests: XCTestCase {
  typealias S = ComplaintScript

  func pair() -> (ComplaintScript, ComplaintScript) {
    var primary = ComplaintScript(id: "BYQ-2026-000010")
    var source = ComplaintScript(id: "BYQ-2026-000011")
    primary.run(.registered(S.registration()), at: "2026-11-24T09:00")
    primary.run(S.toWXZ, at: "2026-11-24T09:10")
    source.run(.registered(S.registration(.portalComplaint, limit: 7)), at: "2026-11-25T10:00")
    return (primary, source)
  }

  func testMergeLinksBothWaysAndTheSourceFollowsThePrimary() throws {
    var (primary, source) = pair()
    XCTAssertNil(
      source.run(.merged(into: primary.id, org: "WXZ", orgName: "王岘镇"), at: "2026-11-25T11:00"))
    XCTAssertNil(primary.run(.mergeAccepted(from: source.id), at: "2026-11-25T11:00"))
    XCTAssertEqual(source.state?.status, .merged)
    XCTAssertEqual(source.state?.handlingOrg, "WXZ", "a merged case follows its primary")
    XCTAssertEqual(source.state?.mergedInto, primary.id)
    XCTAssertNil(source.state?.due, "a merged case has no clock of its own")
    XCTAssertEqual(primary.state?.mergedSources, [source.id])
    XCTAssertRefused(source.run(S.toWXZ, at: "2026-11-25T12:00"), "随主件办理")
    XCTAssertRefused(
      source.run(
        .concluded(ComplaintConclusionPayload(kind: .resolved, text: "x")), at: "2026-11-25T12:00"),
      "随主件办理")
    // The primary's conclusion answers both complainants, each awaiting its own callback.
    XCTAssertNil(
      primary.run(
        .concluded(ComplaintConclusionPayload(kind: .resolved, text: "已核实整改")),
        at: "2026-11-26T15:00"))
    XCTAssertNil(
      source.run(
        .concluded(
          ComplaintConclusionPayload(
            kind: .resolved, text: "已核实整改", viaPrimary: primary.id, org: "WXZ", orgName: "王岘镇")),
        at: "2026-11-26T15:00"))
    let s = try XCTUnwrap(source.state)
    XCTAssertEqual(s.status, .concluded)
    XCTAssertEqual(s.handlingOrg, "WXZ")
    XCTAssertEqual(s.mergedInto, primary.id, "the link stays for the record")
    XCTAssertNil(
      source.run(
        .calledBack(CallbackPayload(method: .sms, satisfaction: .satisfied, notes: "网站投诉人满意")),
        at: "2026-11-27T09:00"))
    XCTAssertEqual(primary.state?.status, .concluded, "the primary's callback is its own")
  }

  func testSplitRestoresTheCaseAndItsOwnClock() throws {
    var (primary, source) = pair()
    source.run(.merged(into: primary.id, org: "WXZ", orgName: "王岘镇"), at: "2026-11-25T11:00")
    primary.run(.mergeAccepted(from: source.id), at: "2026-11-25T11:00")
    XCTAssertNil(source.run(.split(from: primary.id), at: "2026-11-26T09:00"))
    XCTAssertNil(primary.run(.mergeReleased(of: source.id), at: "2026-11-26T09:00"))
    let s = try XCTUnwrap(source.state)
    XCTAssertEqual(s.status, .awaitingDispatch)
    XCTAssertEqual(s.handlingOrg, "ZWZX", "back with the dispatcher it was with")
    XCTAssertNil(s.mergedInto)
    // 11-25 + 7 working days: 11-26, 27, 30, 12-01, 02, 03, 04.
    XCTAssertEqual(s.due?.iso, "2026-12-04")
    XCTAssertEqual(primary.state?.mergedSources, [])
    XCTAssertRefused(source.run(.split(from: primary.id), at: "2026-11-26T09:10"), "无需拆分")
  }

  func testMergeOfAClosedCaseIsRefused() {
    var (primary, source) = pair()
    source.run(
      .rejected(ComplaintRejectionPayload(reason: .alreadyHandling, note: "")),
      at: "2026-11-25T10:30")
    XCTAssertRefused(source.run(.merged(into: primary.id), at: "2026-11-25T11:00"), "不予受理,不能合并")
    primary.run(
      .concluded(ComplaintConclusionPayload(kind: .resolved, text: "已办结")), at: "2026-11-25T12:00")
    XCTAssertRefused(primary.run(.mergeAccepted(from: source.id), at: "2026-11-25T13:00"), "不能接收合并")
  }

  func testMergeIntoItselfIntoAMergedCaseOrFromAPrimaryIsRefused() {
    var (primary, source) = pair()
    XCTAssertRefused(source.run(.merged(into: source.id), at: "2026-11-25T11:00"), "它自己")
    source.run(.merged(into: primary.id), at: "2026-11-25T11:00")
    primary.run(.mergeAccepted(from: source.id), at: "2026-11-25T11:00")
    XCTAssertRefused(
      source.run(.mergeAccepted(from: "BYQ-2026-000012"), at: "2026-11-25T12:00"), "本身已并入")
    XCTAssertRefused(
      primary.run(.merged(into: "BYQ-2026-000012"), at: "2026-11-25T12:00"), "已有投诉建议并入")
    XCTAssertRefused(
      primary.run(
        .rejected(ComplaintRejectionPayload(reason: .harassment, note: "")), at: "2026-11-25T12:00"),
      "请先拆分")
  }
}
