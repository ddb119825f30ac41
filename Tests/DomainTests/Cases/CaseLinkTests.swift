import XCTest

@testable import Domain

/// 关联 / 取消关联 in the shared case work: decided once for every kind, folded into the case's
/// work, and named in the find index's link keys (what shows a link from both ends).
final class CaseLinkTests: XCTestCase {
  let handler = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])
  let otherHandler = Staff(login: "huangmei", name: "黄梅", org: "SLZ", roles: [.handler])

  /// A lookup that finds one application by its number or its last digits.
  final class LinkLookup: CaseLookup {
    let base = TestLookup()
    var back = false
    func organisation(_ code: String) throws -> Organisation? { try base.organisation(code) }
    func complaint(_ id: String) throws -> Complaint? { nil }
    func ruleTable() throws -> RuleTable { RuleTable() }
    func staffMember(_ login: String) throws -> Staff? { nil }
    func catalogDecisionContext(itemCode: String, excluding changeID: String) throws
      -> CatalogDecisionContext
    { try base.catalogDecisionContext(itemCode: itemCode, excluding: changeID) }
    func openListAdjustments(touching itemCode: String) throws -> [String] { [] }
    func noticeNumber(_ kind: NoticeKind) throws -> String { "" }
    func recordRating(_ input: RatingInput) throws -> (rating: String, rectification: String?) {
      ("", nil)
    }
    func linkTarget(_ text: String, for staff: Staff) throws -> CaseLinkTarget {
      guard "BYQ2026000055".hasSuffix(FindKey.normalised(text)) else { throw Refusal("找不到") }
      return CaseLinkTarget(kind: "application", caseID: "BYQ-2026-000055", label: "办件")
    }
    func linksBack(_ target: CaseLinkTarget, to caseID: String) throws -> Bool { back }
  }

  func context(_ staff: Staff, _ lookup: LinkLookup) -> CaseContext {
    let t = CaseContext.test(staff)
    return CaseContext(staff: staff, now: t.now, fold: t.fold, node: t.node, lookup: lookup)
  }

  func handled() throws -> ComplaintScript {
    var s = ComplaintScript()
    var r = ComplaintScript.registration()
    r.relatedCase = "BYQ-2026-000054"
    XCTAssertNil(s.run(.registered(r), at: "2026-11-26T09:30"))
    XCTAssertNil(s.run(ComplaintScript.toWXZ, at: "2026-11-26T09:30"))
    return s
  }

  /// Appends what `command` decides on the script's case, as the store would.
  func run(
    _ s: inout ComplaintScript, _ command: CaseWorkCommand, _ staff: Staff,
    _ lookup: LinkLookup = LinkLookup()
  ) -> Refusal? {
    guard let c = s.state else { return Refusal("no case") }
    switch ComplaintMachine.attemptWork(c, command, context(staff, lookup)) {
    case .failure(let r): return r
    case .success(let drafts):
      for d in drafts {
        s.seq += 1
        s.events.append(
          Event(
            origin: "BYQ.1", seq: s.seq, stream: d.stream, type: d.type, payload: d.payload,
            actor: staff.login, node: "BYQ",
            timestamp: Int64(
              ComplaintScript.instant("2026-11-27T10:00").timeIntervalSince1970 * 1000),
            prevHash: "", hash: ""))
      }
      return nil
    }
  }

  func testALinkIsAddedThenRemovedAndTheIndexFollows() throws {
    var s = try handled()
    XCTAssertEqual(ComplaintMachine.links(try XCTUnwrap(s.state)), ["BYQ-2026-000054"])
    XCTAssertNil(run(&s, .link(to: "000055", reason: " 同一申请人的办件 "), handler))
    var c = try XCTUnwrap(s.state)
    XCTAssertEqual(c.work.links.map(\.caseID), ["BYQ-2026-000055"])
    XCTAssertEqual(c.work.links.first?.reason, "同一申请人的办件")
    XCTAssertEqual(ComplaintMachine.links(c), ["BYQ-2026-000054", "BYQ-2026-000055"])
    XCTAssertTrue(ComplaintMachine.findKeys(c).contains("L:BYQ2026000055"))
    // The link named at registration is removed too, and its key goes.
    XCTAssertNil(run(&s, .unlink(case: "byq2026000054", reason: "登记时填错"), handler))
    XCTAssertNil(run(&s, .unlink(case: "BYQ-2026-000055", reason: "不相关"), handler))
    c = try XCTUnwrap(s.state)
    XCTAssertEqual(ComplaintMachine.links(c), [])
    XCTAssertFalse(ComplaintMachine.findKeys(c).contains { $0.hasPrefix("L:") })
    XCTAssertEqual(c.work.links.first?.removal?.reason, "不相关")
    XCTAssertEqual(c.work.unlinked.map(\.caseID), ["BYQ-2026-000054"])
    XCTAssertEqual(
      run(&s, .unlink(case: "BYQ-2026-000055", reason: "再取消"), handler)?.message,
      "BYQ-2026-000001 没有关联 BYQ-2026-000055")
  }

  func testALinkIsRefusedOutsideTheOrganisationTwiceAndWithoutAReason() throws {
    var s = try handled()
    XCTAssertEqual(
      run(&s, .link(to: "000055", reason: "理由"), otherHandler)?.message,
      "只有王岘镇的工作人员可以关联案件")
    XCTAssertEqual(run(&s, .link(to: "000055", reason: ""), handler)?.message, "请填写关联理由")
    let back = LinkLookup()
    back.back = true
    XCTAssertEqual(
      run(&s, .link(to: "000055", reason: "理由"), handler, back)?.message,
      "BYQ-2026-000001 与 BYQ-2026-000055 已经关联")
    XCTAssertEqual(
      run(&s, .link(to: "BYQ-2026-000054", reason: "理由"), handler)?.message, "找不到")
  }

  func testTheLinkEventsKeepTheirWireShape() throws {
    let draft = CaseWorkChange.linked(
      CaseLinkPayload(caseID: "BYQ-2026-000055", kind: "application", reason: "r")
    ).draft(stream: "complaint/BYQ-2026-000001")
    XCTAssertEqual(draft.type, "case.linked")
    XCTAssertEqual(
      draft.payload,
      #"{"case":"BYQ-2026-000055","kind":"application","reason":"r"}"#)
    let unlink = CaseWorkChange.unlinked(CaseUnlinkPayload(caseID: "X-1", reason: "r"))
      .draft(stream: "complaint/BYQ-2026-000001")
    XCTAssertEqual(unlink.type, "case.unlinked")
    XCTAssertEqual(unlink.payload, #"{"case":"X-1","reason":"r"}"#)
  }
}
