import Foundation

extension Action {
  /// 审批整改延期 — the 好差评 management department of the district (第三十七条).
  public static let approveRectificationExtension = Action(
    "rectification.extension.decide", "审批整改延期", roles: [.supervisor])
}

/// Payload of `rectification.extensionRequested`.
public struct RectificationExtensionRequested: EventPayload {
  /// Working days asked for, added to the deadline in force (at most
  /// `RectificationLimits.maxExtensionDays`).
  public var days: Int
  /// 延期理由 — as told to the reviewer.
  public var reason: String
  /// How the reviewer was told (未能联系 only for an anonymous review).
  public var toldVia: ContactMethod
}

/// Payload of `rectification.extensionDecided`.
public struct RectificationExtensionDecided: EventPayload {
  public var approved: Bool
  /// 审批意见
  public var opinion: String
  /// The deadline an approval sets (the one in force plus the days asked for, as of the
  /// decision), recorded so every node folds the same date whatever its calendar.
  public var newDue: CivilDate?
}

/// 延期申请 — the latest application on a case and what became of it.
public struct RectificationExtensionRequest: Codable, Equatable, Sendable {
  public var days: Int
  public var reason: String
  public var toldVia: ContactMethod
  public var requestedBy: String
  public var requestedOn: CivilDate
  /// nil while it waits for a supervisor.
  public var approved: Bool?
  public var decidedBy: String?
  public var decidedOn: CivilDate?
  public var opinion: String?
  public var newDue: CivilDate?

  public var isPending: Bool { approved == nil }

  /// `延期5个工作日,待审批` / `已批准,延至 2026-12-10` / `未批准`.
  public var stateTitle: String {
    switch approved {
    case nil: return "延期\(days)个工作日,待审批"
    case true?: return "延期已批准" + (newDue.map { ",延至 \($0.iso)" } ?? "")
    case false?: return "延期未批准"
    }
  }
}

extension RectificationMachine {
  /// The fold of an application: a complex case being rectified, none already waiting.
  static func requestExtension(
    _ s: inout State, _ x: RectificationExtensionRequested, _ e: Event, _ day: CivilDate
  ) throws {
    try require(s, .rectifying, "申请延期")
    guard s.track == .complex else { throw extensionRefusal }
    if s.extensionRequest?.isPending == true { throw pendingRefusal }
    s.extensionRequest = RectificationExtensionRequest(
      days: x.days, reason: x.reason, toldVia: x.toldVia, requestedBy: e.actor, requestedOn: day)
  }

  /// The fold of a decision: an approval moves the deadline to the date it recorded.
  static func decideExtension(
    _ s: inout State, _ d: RectificationExtensionDecided, _ e: Event, _ day: CivilDate
  ) throws {
    try require(s, .rectifying, "审批延期")
    guard var request = s.extensionRequest, request.isPending else { throw nothingPending }
    if d.approved {
      guard let newDue = d.newDue else { throw Refusal("批准延期须记录新的截止日期") }
      s.extendedDue = newDue
      s.extensions += 1
      request.newDue = newDue
    }
    request.approved = d.approved
    request.decidedBy = e.actor
    request.decidedOn = day
    request.opinion = d.opinion
    s.extensionRequest = request
  }

  /// Checks an application against the rule (第三十七条(三): 适当延长, at most
  /// `maxExtensionDays` working days each time, before the deadline passes).
  static func checkExtensionRequest(
    _ s: Rectification, _ x: RectificationExtensionRequested, today: CivilDate,
    _ calendar: WorkCalendar, _ limits: RectificationLimits
  ) throws {
    if x.toldVia == .unreachable && s.rating.realName {
      throw Refusal("延期须向评价人说明理由,实名评价不能选「未能联系」", article: "第三十七条")
    }
    guard (1...limits.maxExtensionDays).contains(x.days) else {
      throw Refusal("延期天数应为1至\(limits.maxExtensionDays)个工作日", article: "第三十七条")
    }
    if let r = lateExtensionRefusal(s, today: today, calendar, limits) { throw r }
  }

  /// An extension is asked for before the deadline passes (第三十七条(三)); the key is not
  /// offered after it, and `decide` refuses it with the same words.
  static func lateExtensionRefusal(
    _ s: Rectification, today: CivilDate, _ calendar: WorkCalendar,
    _ limits: RectificationLimits = .standard
  ) -> Refusal? {
    guard let due = s.due(calendar, limits), today > due else { return nil }
    return Refusal("已超过整改期限(\(due.iso)),不能再申请延期;请尽快整改并反馈")
  }

  /// The deadline an approval of `request` sets: the one in force plus the days asked for.
  public static func extendedDue(
    _ s: Rectification, _ request: RectificationExtensionRequest, _ calendar: WorkCalendar
  ) -> CivilDate? {
    s.due(calendar).map { calendar.deadline(receivedAt: $0, workingDays: request.days) }
  }

  /// 审批延期 (第三十七条): a supervisor of a district organisation (the 好差评 management
  /// department), neither the one who applied nor of the organisation that served, while an
  /// application waits.
  static func extensionDecisionRefusal(_ s: Rectification, _ context: CaseContext) -> Refusal? {
    guard let request = s.extensionRequest, request.isPending else { return nothingPending }
    if request.requestedBy == context.staff.login {
      return Refusal("不能审批自己提出的延期申请", article: "第三十七条")
    }
    if context.staff.org == s.organisation {
      return Refusal("不能审批本单位的整改延期申请", article: "第三十七条")
    }
    let kind: Organisation.Kind?
    do { kind = try context.lookup.organisation(context.staff.org)?.kind } catch { kind = nil }
    guard decidesExtensions(kind) else {
      return Refusal("整改延期由区级督办人员审批", article: "第三十七条")
    }
    return nil
  }

  /// Whether the supervisors of an organisation of `kind` decide extensions: the district's
  /// (the 好差评 management department), never a township's or a street's (第三十七条).
  public static func decidesExtensions(_ kind: Organisation.Kind?) -> Bool {
    kind == .district || kind == .department
  }

  static let pendingRefusal = Refusal("已申请延期,等待督办人员审批")
  static let nothingPending = Refusal("没有待审批的延期申请")
}
