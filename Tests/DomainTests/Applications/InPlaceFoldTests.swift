import XCTest

@testable import Domain

/// The fold changes a case in place (`StreamReducer.apply(to:)`): a refused event must leave the
/// state exactly as it was, and the states and conflicts must be those of the fold that copied
/// the case at every event.
final class InPlaceFoldTests: XCTestCase {
  let context = FoldContext(calendar: Fixtures.calendar)
  let caseID = "BYQ-2026-000001"

  func events(_ steps: [(ApplicationChange, String)]) -> [Event] {
    steps.enumerated().map { i, step in
      let draft = step.0.draft(caseID: caseID)
      let day = day(step.1)
      return Event(
        origin: "BYQ.1", seq: Int64(i + 1), stream: draft.stream, type: draft.type,
        payload: draft.payload, actor: i % 2 == 0 ? "liuyang" : "wangfang", node: "BYQ",
        timestamp: Int64(day.dayNumber) * 86_400_000 + 36_000_000 + Int64(i), prevHash: "",
        hash: "")
    }
  }

  /// Every kind of step, each also where the rules refuse it, in one case's life.
  var life: [(ApplicationChange, String)] {
    let registered = ApplicationChange.registered(ApplicationScript.registration())
    let notice = "BYQ受〔2026〕1号"
    return [
      (.accepted(NoticePayload(notice: notice)), "2026-11-02"),  // no case yet
      (registered, "2026-11-02"),
      (registered, "2026-11-02"),  // registered twice
      (.reviewStarted(TextPayload(text: "")), "2026-11-02"),  // not accepted yet
      (.materialsChecked(MaterialsPayload(materials: [.received])), "2026-11-02"),  // too few
      (
        .materialsChecked(MaterialsPayload(materials: [.received, .exempt, .received, .missing])),
        "2026-11-02"
      ),
      (.accepted(NoticePayload(notice: notice)), "2026-11-03"),
      (.accepted(NoticePayload(notice: notice)), "2026-11-03"),  // accepted twice
      (
        .supplementRequested(
          SupplementPayload(
            items: [MaterialDeficiency(index: 0, status: .missing, note: "")], other: "",
            notice: "BYQ补〔2026〕1号")), "2026-11-03"
      ),  // after acceptance
      (.decided(DecisionPayload(decision: .approved, reason: "")), "2026-11-03"),  // no review
      (.reviewStarted(TextPayload(text: "材料齐全")), "2026-11-04"),
      (
        .clockStopped(
          ClockStopPayload(kind: .hearing, days: 0, reason: "听证", notice: "BYQ程〔2026〕1号")),
        "2026-11-04"
      ),  // days out of range
      (
        .clockStopped(
          ClockStopPayload(kind: .hearing, days: 5, reason: "听证", notice: "BYQ程〔2026〕1号")),
        "2026-11-04"
      ),
      (.decided(DecisionPayload(decision: .approved, reason: "")), "2026-11-05"),  // stop runs
      (.clockResumed(TextPayload(text: "听证结束")), "2026-11-09"),
      (
        .limitExtended(
          LimitExtensionPayload(days: 99, reason: "复杂", notice: "BYQ延〔2026〕1号")),
        "2026-11-09"
      ),  // too long
      (
        .limitExtended(
          LimitExtensionPayload(days: 5, reason: "情况复杂", notice: "BYQ延〔2026〕1号")),
        "2026-11-09"
      ),
      (.decided(DecisionPayload(decision: .denied, reason: "")), "2026-11-10"),  // no reason
      (.decided(DecisionPayload(decision: .approved, reason: "")), "2026-11-10"),
      (.withdrawn(TextPayload(text: "不办了")), "2026-11-10"),  // decided already
      (
        .concluded(
          ConclusionPayload(
            certificateName: "营业执照", certificateNumber: "92620402MA7K2L3M45", delivery: .counter,
            trackingNumber: "", feeFen: 0, notice: "BYQ结〔2026〕1号")), "2026-11-11"
      ),
      (
        .concluded(
          ConclusionPayload(
            certificateName: "营业执照", certificateNumber: "92620402MA7K2L3M45", delivery: .counter,
            trackingNumber: "", feeFen: 0, notice: "BYQ结〔2026〕2号")), "2026-11-11"
      ),  // twice
      (.rated(RatingPayload(level: "极好", realName: false, comment: "")), "2026-11-12"),  // bad
      (.rated(RatingPayload(level: "非常满意", realName: false, comment: "")), "2026-11-12"),
    ]
  }

  /// The fold as it was: the state copied at every event (a second owner kept), each refused
  /// event checked to have changed nothing.
  func copyingFold(_ events: [Event]) -> (Application?, [Conflict]) {
    var state: Application?
    var conflicts: [Conflict] = []
    for e in events {
      let before = state
      var next = state
      if let refusal = ApplicationMachine.apply(to: &next, e, context) {
        XCTAssertEqual(next, before, "refused \(e.type) changed the case: \(refusal.message)")
        conflicts.append(Conflict(e, refusal))
      } else {
        state = next
      }
    }
    return (state, conflicts)
  }

  func testAFoldInPlaceGivesTheStatesAndConflictsOfAFoldThatCopies() throws {
    let all = events(life)
    for n in 1...all.count {
      let prefix = Array(all.prefix(n))
      let inPlace = ApplicationMachine.foldFromStart(prefix, context)
      let copied = copyingFold(prefix)
      XCTAssertEqual(inPlace.state, copied.0, "after \(n) events")
      XCTAssertEqual(inPlace.conflicts, copied.1, "after \(n) events")
      // The Result-returning `apply` agrees with the fold, event by event.
      if n > 1 {
        let before = ApplicationMachine.foldFromStart(Array(all.prefix(n - 1)), context).state
        switch ApplicationMachine.apply(before, all[n - 1], context) {
        case .success(let s): XCTAssertEqual(s, inPlace.state)
        case .failure(let r): XCTAssertEqual(inPlace.conflicts.last?.message, r.message)
        }
      }
    }
    let final = ApplicationMachine.foldFromStart(all, context)
    XCTAssertEqual(
      final.conflicts.count, 14, final.conflicts.map(\.message).joined(separator: "\n"))
    let a = try XCTUnwrap(final.state)
    XCTAssertEqual(a.status, .concluded)
    XCTAssertEqual(a.notices.map(\.kind), [.acceptance, .clockStop, .extension, .conclusion])
    XCTAssertEqual(a.rating?.level, "非常满意")
    XCTAssertEqual(a.actors, ["liuyang", "wangfang"])
  }

  /// The case is changed where it is: a notice appended within the array's capacity stays in
  /// the same storage (a copy of the case would have copied the array first).
  func testAnEventChangesTheCaseWithoutCopyingIt() throws {
    let all = events(life)
    var state = ApplicationMachine.foldFromStart(Array(all.prefix(6)), context).state
    state?.notices.reserveCapacity(16)
    let storage = state?.notices.withUnsafeBufferPointer { $0.baseAddress }
    XCTAssertNil(ApplicationMachine.apply(to: &state, all[6], context))
    XCTAssertEqual(state?.notices.count, 1)
    XCTAssertEqual(state?.notices.withUnsafeBufferPointer { $0.baseAddress }, storage)
  }

  /// A complaint's refused events (a second dispatch, a conclusion twice) leave it unchanged,
  /// and the fold in place agrees with the fold that copies.
  func testAComplaintFoldInPlaceAgreesWithTheCopyingFold() throws {
    var s = ComplaintScript()
    XCTAssertNil(s.run(.registered(ComplaintScript.registration()), at: "2026-11-26T09:30"))
    XCTAssertNil(s.run(ComplaintScript.toWXZ, at: "2026-11-26T09:40"))
    XCTAssertNil(
      s.run(
        .concluded(ComplaintConclusionPayload(kind: .resolved, text: "已办理")),
        at: "2026-11-27T10:00", by: "zhengtao"))
    var events = s.events
    // The same events again, later: each is refused where it lands.
    for (i, e) in s.events.enumerated() {
      events.append(
        Event(
          origin: e.origin, seq: Int64(events.count + 1), stream: e.stream, type: e.type,
          payload: e.payload, actor: e.actor, node: e.node,
          timestamp: e.timestamp + 86_400_000 * 2
            + Int64(i), prevHash: "", hash: ""))
    }
    var state: Complaint?
    var conflicts: [Conflict] = []
    for e in events {
      let before = state
      var next = state
      if let refusal = ComplaintMachine.apply(to: &next, e, s.context) {
        XCTAssertEqual(next, before, "refused \(e.type) changed the complaint")
        conflicts.append(Conflict(e, refusal))
      } else {
        state = next
      }
    }
    let folded = ComplaintMachine.foldFromStart(events, s.context)
    XCTAssertEqual(folded.state, state)
    XCTAssertEqual(folded.conflicts, conflicts)
    XCTAssertEqual(conflicts.count, 3)
    XCTAssertEqual(folded.state?.status, .concluded)
  }
}
