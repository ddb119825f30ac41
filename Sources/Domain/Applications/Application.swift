/// 办件状态 — where an application stands.
public enum ApplicationStatus: String, Codable, CaseIterable, Sendable {
  /// 待预审 — submitted online, awaiting the 网上预审 opinion.
  case awaitingPreReview
  /// 待受理 — registered (or pre-reviewed, or supplemented), awaiting the intake decision.
  case awaitingAcceptance
  /// 待补正 — a one-time notice was issued; waits for the applicant to come back.
  case awaitingSupplement
  /// 已受理 — the promised limit runs.
  case accepted
  /// 审查中
  case underReview
  /// 已决定 — 准予 or 不予准予, awaiting 办结 (result handed over).
  case decided
  /// 已办结
  case concluded
  /// 不予受理
  case notAccepted
  /// 已撤回 — the applicant withdrew the application.
  case withdrawn

  public var title: String {
    switch self {
    case .awaitingPreReview: return "待预审"
    case .awaitingAcceptance: return "待受理"
    case .awaitingSupplement: return "待补正"
    case .accepted: return "已受理"
    case .underReview: return "审查中"
    case .decided: return "已决定"
    case .concluded: return "已办结"
    case .notAccepted: return "不予受理"
    case .withdrawn: return "已撤回"
    }
  }

  /// Still work to do (shown in the open queues, has a deadline row).
  public var isOpen: Bool {
    switch self {
    case .concluded, .notAccepted, .withdrawn: return false
    default: return true
    }
  }

  /// Before the intake decision: the checklist may still change.
  public var isIntake: Bool { self == .awaitingPreReview || self == .awaitingAcceptance }

  /// Accepted and not yet decided: the main clock runs and clock stops may be taken.
  public var isHandling: Bool { self == .accepted || self == .underReview }
}

/// 特别程序 — a step whose time is not counted in the limit (第十一条; 行政许可法 第四十五条).
public enum ClockStopKind: String, Codable, Titled {
  case siteInspection
  case technicalReview
  case hearing
  case testing
  case expertReview

  public var title: String {
    switch self {
    case .siteInspection: return "现场勘验"
    case .technicalReview: return "技术审查"
    case .hearing: return "听证论证"
    case .testing: return "检验检测"
    case .expertReview: return "专家评审"
    }
  }

}

/// One clock stop: its own promised duration, and when it ran.
public struct ClockStop: Codable, Equatable, Sendable {
  public var kind: ClockStopKind
  /// 承诺时长, working days after the start day.
  public var promisedDays: Int
  public var reason: String
  public var startedOn: CivilDate
  public var startedBy: String
  public var endedOn: CivilDate?
  public var endedBy: String?
  public var endNote: String?
  public var notice: String

  public var isRunning: Bool { endedOn == nil }

  /// 预计结束日期 — the promised end of the special procedure (第十一条).
  public func promisedEnd(_ calendar: WorkCalendar) -> CivilDate {
    calendar.deadline(receivedAt: startedOn, workingDays: promisedDays)
  }
}

/// 审查/决定 outcome.
public enum Decision: String, Codable, Titled {
  /// 准予
  case approved
  /// 不予准予
  case denied

  public var title: String { self == .approved ? "准予" : "不予准予" }

}

/// 送达方式
public enum Delivery: String, Codable, Titled {
  /// 窗口领取
  case counter
  /// 邮寄
  case post

  public var title: String { self == .counter ? "窗口领取" : "邮寄" }

}

/// A step someone took, with the day and who.
public struct StepRecord: Codable, Equatable, Sendable {
  public var on: CivilDate
  public var by: String
  /// The reason, opinion or note written with it (may be empty).
  public var text: String
}

/// 一次性告知 — one material to be supplied or corrected.
public struct MaterialDeficiency: Codable, Equatable, Sendable {
  /// Index into the item's materials.
  public var index: Int
  /// 缺 or 有误.
  public var status: MaterialStatus
  /// What is wrong or what to bring (`未提交,请提交原件1份`, `已过有效期`).
  public var note: String
}

extension MaterialDeficiency {
  /// Material `index` of the item, `status` (缺 or 有误), with what the applicant is told.
  public static func material(_ index: Int, _ status: MaterialStatus, note: String) -> Self {
    Self(index: index, status: status, note: note)
  }
}

/// 办结 — what was handed over.
public struct ApplicationConclusion: Codable, Equatable, Sendable {
  /// 证照名称, empty when none.
  public var certificateName: String
  /// 证照编号, empty when none.
  public var certificateNumber: String
  public var delivery: Delivery
  /// 邮寄单号 (post only).
  public var trackingNumber: String
  /// 收费金额 in fen (分); 0 = none charged.
  public var feeFen: Int
  public var on: CivilDate
  public var by: String
}

/// 评价 — the applicant's rating taken at the counter (the rectification feature keeps the
/// rating itself; the case records that it was taken).
public struct CounterRating: Codable, Equatable, Sendable {
  /// 非常满意 … 非常不满意
  public var level: String
  public var realName: Bool
  public var on: CivilDate
  public var by: String
  /// The rating record and, for a bad one, the rectification case it opened.
  public var ratingID: String?
  public var rectificationID: String?
}

/// 办件 — the fold of an `application/<CASE-ID>` stream.
public struct Application: Codable, Equatable, Sendable {
  public var caseID: String
  /// The item version it was registered under, for ever.
  public var item: ItemSnapshot
  public var applicant: Applicant
  public var channel: ApplicationChannel
  /// 备注
  public var note: String
  public var registeredOn: CivilDate
  /// Milliseconds since 1970 (sorting by registration time).
  public var registeredAt: Int64
  public var registeredBy: String
  /// The registering clerk's organisation (the service centre for a walk-in at its counter).
  public var registeredOrg: String
  /// 网上预审时限 in force when registered (working days; 行政许可法 第三十二条).
  public var preReviewDays: Int
  /// 平台推送 — the platform's number and 申请时间 when the platform handed it over.
  public var platform: PlatformSubmission?
  /// 一件事 — the package case this is a member sub-case of (nil for an item applied for alone).
  public var package: String? = nil
  public var status: ApplicationStatus
  /// Parallel to `item.materials`.
  public var materials: [MaterialStatus]
  /// The day the intake clock runs from: registration, or the day the applicant came back with
  /// the supplement.
  public var intakeStartedOn: CivilDate
  public var preReview: StepRecord?
  /// Every one-time notice, in order.
  public var supplementRequests: [SupplementRecord] = []
  /// 受理日期 — the main clock runs from here.
  public var acceptedOn: CivilDate?
  public var acceptance: StepRecord?
  /// 视为受理 — not pre-reviewed in time (行政许可法 第三十二条); the day it was deemed.
  public var deemedOn: CivilDate?
  public var review: StepRecord?
  public var stops: [ClockStop] = []
  /// 延长审批 — at most once.
  public var limitExtension: LimitExtension?
  public var decision: Decision?
  public var decisionRecord: StepRecord?
  public var conclusion: ApplicationConclusion?
  /// 不予受理
  public var refusal: StepRecord?
  public var withdrawal: StepRecord?
  public var rating: CounterRating?
  public var notices: [IssuedNotice] = []
  /// Everyone who took a step, sorted (the 我的 queue).
  public var actors: [String] = []
  /// The day it left the open queues.
  public var closedOn: CivilDate?
  /// 代办和帮办 as registered (第十五条).
  public var assistance: ApplicationAssistance?
  /// Notes and assignment (`CaseWork`); nil until the first.
  public var caseWork: CaseWork?

  public var runningStop: ClockStop? { stops.last.flatMap { $0.isRunning ? $0 : nil } }

  /// Ends the running special procedure, if any (结束特别程序, or with a withdrawal).
  mutating func endRunningStop(on date: CivilDate, by actor: String, note: String) {
    guard let last = stops.indices.last, stops[last].isRunning else { return }
    stops[last].endedOn = date
    stops[last].endedBy = actor
    stops[last].endNote = note
  }

  /// Required materials not in hand (缺 or 有误).
  public var unsatisfiedRequired: [Int] {
    item.materials.indices.filter {
      item.materials[$0].required && !(materials.indices.contains($0) && materials[$0].isSatisfied)
    }
  }

  /// `已受理`, or `暂停(现场勘验)` while a clock stop runs.
  public var statusText: String {
    if let s = runningStop, status.isHandling { return "暂停(\(s.kind.title))" }
    return status.title
  }
}

/// 延长审批 as approved: the days added, why, who approved it and the notice.
public struct LimitExtension: Codable, Equatable, Sendable {
  public var days: Int
  public var reason: String
  public var on: CivilDate
  public var by: String
  public var notice: String
}

/// 一次性告知 as it was issued.
public struct SupplementRecord: Codable, Equatable, Sendable {
  public var items: [MaterialDeficiency]
  /// 其他需要说明的事项
  public var other: String
  public var on: CivilDate
  public var by: String
  public var notice: String
  /// Given as the 网上预审 opinion (the application had not been pre-reviewed).
  public var asPreReview: Bool
}
