/// 督办方式 — 网上督办、书面督办、电话督办 (第三十条).
public enum SupervisionMethod: String, Codable, Sendable, CaseIterable {
  case online
  case written
  case phone

  public var title: String {
    switch self {
    case .online: return "网上督办"
    case .written: return "书面督办"
    case .phone: return "电话督办"
    }
  }
}

/// The case a notice is about: any kind with a deadline (complaint, application, rectification,
/// list adjustment …), as the deadline index names it.
public struct SupervisionTarget: Codable, Equatable, Sendable {
  public var stream: String
  /// `complaint`, `application`, `rectification`, `listAdjustment` …
  public var kind: String
  public var caseID: String
  public var org: String
  public var orgName: String
  public var title: String

  public init(
    stream: String, kind: String, caseID: String, org: String, orgName: String, title: String
  ) {
    self.stream = stream
    self.kind = kind
    self.caseID = caseID
    self.org = org
    self.orgName = orgName
    self.title = title
  }

  /// A complaint as a notice names it: a confidential one by its type only (第二十九条).
  public init(_ c: Complaint) {
    self.init(
      stream: ComplaintMachine.stream(c.id), kind: ComplaintMachine.streamKind, caseID: c.id,
      org: c.handlingOrg, orgName: c.handlingOrgName,
      title: c.isConfidential ? "保密\(c.registration.type.title)" : c.registration.subject)
  }
}

/// Payload of `supervision.issued`.
public struct SupervisionNotice: EventPayload {
  public var target: SupervisionTarget
  public var method: SupervisionMethod
  /// 督办要求 — what the organisation must do.
  public var requirement: String
  /// Working days the organisation has to reply.
  public var replyDays: Int
  /// 文号, e.g. `BYQ督〔2026〕3号`.
  public var number: String
}

/// 督办 — a notice, its reply deadline and the organisation's reply.
public struct Supervision: Codable, Equatable, Sendable {
  public var id: String
  public var notice: SupervisionNotice
  public var issuedBy: String
  public var issuedOn: CivilDate
  public var replyDue: CivilDate
  public var reply: SupervisionReply?

  public var isAnswered: Bool { reply != nil }
}

public struct SupervisionReply: Codable, Equatable, Sendable {
  public var text: String
  public var by: String
  public var on: CivilDate
  public var onTime: Bool
}

/// 督办 stream `supervision/ID`.
public enum SupervisionReducer: RecordReducer {
  public typealias State = Supervision
  public static let streamKind = "supervision"

  public static let noun = "督办"

  public static func next(_ state: Supervision?, _ event: Event, _ context: FoldContext) throws
    -> Supervision?
  {
    let date = context.zone.civilDate(event.date)
    switch event.type {
    case .supervisionIssued:
      let n = try event.decode(SupervisionNotice.self)
      if let r = check(state, issue: n) { throw r }
      return Supervision(
        id: String(splitStream(event.stream).id), notice: n, issuedBy: event.actor,
        issuedOn: date, replyDue: replyDue(issuedOn: date, days: n.replyDays, context.calendar))
    case .supervisionReplied:
      let t = try event.decode(ComplaintText.self)
      if let r = check(state, reply: t.text) { throw r }
      guard var s = state else { throw Refusal("督办通知不存在") }
      s.reply = SupervisionReply(
        text: t.text, by: event.actor, on: date, onTime: date <= s.replyDue)
      return s
    default:
      return nil
    }
  }

  /// The working days a notice may give for its reply (第三十条): the form offers these.
  public static let replyDayRange = 1...30

  /// The reply deadline of a notice issued on `date` giving `days` working days.
  public static func replyDue(issuedOn date: CivilDate, days: Int, _ calendar: WorkCalendar)
    -> CivilDate
  {
    calendar.deadline(receivedAt: date, workingDays: days)
  }

  /// Why a notice may not be issued; nil when it may.
  public static func check(_ state: Supervision?, issue n: SupervisionNotice) -> Refusal? {
    if state != nil { return Refusal("督办编号已被使用") }
    if n.target.caseID.isEmpty || n.target.org.isEmpty { return Refusal("请选择被督办的案件") }
    guard replyDayRange.contains(n.replyDays) else {
      return Refusal("回复期限应为\(replyDayRange.lowerBound)至\(replyDayRange.upperBound)个工作日")
    }
    if let p = FieldText.check(
      n.requirement, field: "督办要求", required: true, maxLength: 500, multiline: true)
    {
      return Refusal(p.message)
    }
    return nil
  }

  /// Why a reply may not be recorded; nil when it may.
  public static func check(_ state: Supervision?, reply: String) -> Refusal? {
    guard let s = state else { return Refusal("督办通知不存在") }
    if let r = s.reply { return Refusal("\(s.notice.number) 已于 \(r.on.iso) 回复") }
    if let p = FieldText.check(
      reply, field: "回复内容", required: true, maxLength: 1000, multiline: true)
    {
      return Refusal(p.message)
    }
    return nil
  }
}
