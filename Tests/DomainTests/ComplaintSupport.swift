import Foundation
import XCTest

@testable import Domain

/// Builds a complaint's events at given Beijing times and folds them, as the store would.
struct ComplaintScript {
  let id: String
  var events: [Event] = []
  var seq: Int64 = 0
  let calendar: WorkCalendar

  init(id: String = "BYQ-2026-000001", calendar: WorkCalendar = Fixtures.calendar) {
    self.id = id
    self.calendar = calendar
  }

  var context: FoldContext { FoldContext(calendar: calendar) }

  static func instant(_ text: String) -> Date {
    DeploymentZone.shanghai.parseLocal(text) ?? Date(timeIntervalSince1970: 0)
  }

  /// The state before `change`, then `change` decided at `time` by `actor`; returns the refusal
  /// if any, and appends the event when decided.
  @discardableResult
  mutating func run(_ change: ComplaintChange, at time: String, by actor: String = "chenjing")
    -> Refusal?
  {
    let date = DeploymentZone.shanghai.civilDate(Self.instant(time))
    switch ComplaintMachine.draft(state, change, id: id, on: date, calendar: calendar) {
    case .failure(let r): return r
    case .success(let draft):
      seq += 1
      events.append(
        Event(
          origin: "BYQ.1", seq: seq, stream: draft.stream, type: draft.type,
          payload: draft.payload, actor: actor, node: "BYQ",
          timestamp: Int64(Self.instant(time).timeIntervalSince1970 * 1000), prevHash: "",
          hash: ""))
      return nil
    }
  }

  var state: Complaint? { ComplaintMachine.fold(events, context).state }
  var conflicts: [Conflict] { ComplaintMachine.fold(events, context).conflicts }

  static func registration(
    _ urgency: ComplaintUrgency = .urgent, limit: Int = 3, confidentiality: Confidentiality = .none,
    byRegistrant: Bool = false, org: String = "ZWZX"
  ) -> ComplaintRegistration {
    ComplaintRegistration(
      channel: .hotline, type: .complaint, urgency: urgency, limitDays: limit,
      subject: "王岘镇便民服务中心办理低保认定时多次要求重复提交材料", content: "群众反映材料已提交仍被要求再次提交。",
      complainant: "李建国", contact: "13912345678", concernedOrg: "WXZ", concernedOrgName: "王岘镇",
      confidentiality: confidentiality, registeringOrg: org,
      registeringOrgName: org == "ZWZX" ? "区政务服务中心" : "王岘镇", handledByRegistrant: byRegistrant)
  }

  static let toWXZ = ComplaintChange.dispatched(
    ComplaintDispatchPayload(org: "WXZ", orgName: "王岘镇", returnWindowDays: 1))
}

func XCTAssertRefused(
  _ refusal: Refusal?, _ fragment: String, article: String? = nil, file: StaticString = #filePath,
  line: UInt = #line
) {
  guard let refusal else {
    XCTFail("expected a refusal containing「\(fragment)」", file: file, line: line)
    return
  }
  XCTAssertTrue(
    refusal.message.contains(fragment), "「\(refusal.message)」 lacks「\(fragment)」", file: file,
    line: line)
  if let article { XCTAssertEqual(refusal.article, article, file: file, line: line) }
}
