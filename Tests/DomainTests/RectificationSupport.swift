import Domain
import Foundation
import XCTest

/// Demo staff as the rectification rules see them.
enum People {
  static let zhouqiang = Staff(
    login: "zhouqiang", name: "周强", org: "SCJG", roles: [.counter, .handler])
  static let sunli = Staff(login: "sunli", name: "孙丽", org: "SCJG", roles: [.catalog, .handler])
  static let chenjing = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
  /// A supervisor of the organisation that served: may not re-review its claims.
  static let scjgSupervisor = Staff(
    login: "scjgsup", name: "钱主任", org: "SCJG", roles: [.supervisor])
  /// A ZWZX supervisor who is also a handler, so may work any organisation's case.
  static let zwzxBoth = Staff(
    login: "wangfang", name: "王芳", org: "ZWZX", roles: [.handler, .supervisor])
  /// A 区市场监督管理局 handler who also supervises: may apply, never decide their own.
  static let scjgBoth = Staff(
    login: "qianzr", name: "钱主任", org: "SCJG", roles: [.handler, .supervisor])
  /// A township's supervisor: not the district's 好差评 management department.
  static let wxzSupervisor = Staff(
    login: "wxzsup", name: "王镇长", org: "WXZ", roles: [.supervisor])
}

func badRating(realName: Bool = true, level: RatingLevel = .veryDissatisfied) -> RatingInput {
  RatingInput(
    channel: .counter, itemCode: "SC-DJ-001", itemName: "个体工商户设立登记", organisation: "SCJG",
    level: level, comment: "窗口让我跑了三趟", realName: realName,
    reviewerName: realName ? "李建国" : nil, reviewerPhone: realName ? "13893012345" : nil)
}

/// Drives one rectification case through `decide` and `apply` the way the store does, with a
/// clock the test moves, and keeps the rating stream's events too.
struct CaseRun {
  let context = FoldContext(calendar: Fixtures.calendar)
  var caseEvents: [Event] = []
  var ratingEvents: [Event] = []
  var seq: Int64 = 0
  let caseID = "BYQ-2026-000001"
  let ratingID = "BYQPJ-2026-000001"

  init(_ rating: RatingInput = badRating(), at when: String = "2026-11-16T10:00") throws {
    let (drafts, id) = try RatingReducer.record(
      id: ratingID, rating, today: day(String(when.prefix(10)))
    ) { "BYQ-2026-000001" }
    XCTAssertEqual(id, caseID)
    append(drafts, actor: "zhouqiang", at: when)
  }

  var state: Rectification? { RectificationMachine.fold(caseEvents, context).state }
  var rating: RatingRecord? { RatingReducer.fold(ratingEvents, context).state }

  func date(_ when: String) -> Date {
    DeploymentZone.shanghai.parseLocal(when) ?? Date(timeIntervalSince1970: 0)
  }

  mutating func append(_ drafts: [EventDraft], actor: String, at when: String) {
    for d in drafts {
      seq += 1
      let e = Event(
        origin: "BYQ.1", seq: seq, stream: d.stream, type: d.type, payload: d.payload,
        actor: actor, node: "BYQ", timestamp: Int64(date(when).timeIntervalSince1970 * 1000),
        prevHash: "", hash: "")
      if splitStream(d.stream).kind == "rating" {
        ratingEvents.append(e)
      } else {
        caseEvents.append(e)
      }
    }
  }

  /// Decides and, when allowed, appends; returns the refusal otherwise.
  @discardableResult
  mutating func run(_ command: RectificationCommand, by staff: Staff, at when: String)
    -> Refusal?
  {
    guard let s = state else { return Refusal("no case") }
    let context = CaseContext(
      staff: staff, now: date(when), fold: context, node: CaseContext.test(staff).node,
      lookup: TestLookup())
    switch RectificationMachine.attempt(s, command, context) {
    case .success(let drafts):
      append(drafts, actor: staff.login, at: when)
      return nil
    case .failure(let r):
      return r
    }
  }
}

extension RectificationCommand {
  static func verifyComplex(_ findings: String = "电话联系评价人,反映属实") -> Self {
    .verify(contact: .phone, findings: findings, track: .complex)
  }
  static func verifyImmediate() -> Self {
    .verify(contact: .phone, findings: "属实,当场整改", track: .immediate)
  }
  static func claim(_ kind: InvalidityKind = .malicious, evidence: String = "通话录音已存档") -> Self {
    .verify(
      contact: .phone, findings: "评价人承认系情绪发泄", claim: kind, evidence: evidence)
  }
  static func approve(_ yes: Bool, _ opinion: String = "材料充分") -> Self {
    .review(approved: yes, opinion: opinion)
  }
  static func requestExtension(
    days: Int = 5, reason: String = "需厂家修复叫号系统", via: ContactMethod = .phone
  ) -> Self {
    .requestExtension(days: days, reason: reason, toldVia: via)
  }
  static func decideExtension(_ approved: Bool, _ opinion: String = "理由充分") -> Self {
    .decideExtension(approved: approved, opinion: opinion)
  }
  static let feedbackDone = Self.feedback(measures: "修订一次性告知单并培训窗口人员")
  static func callBack(_ response: ReviewerResponse, method: ContactMethod = .phone) -> Self {
    .callBack(method: method, response: response, record: "回访记录")
  }
}
