import Foundation

/// 办理阶段 of a rectification case (第三十七条).
public enum RectificationPhase: String, Codable, CaseIterable, Sendable {
  /// 待核实 — contact the reviewer and verify at once (due by the end of the next working day).
  case verifying
  /// 待复核 — the organisation claims the review untrue, mistaken or malicious; a supervisor decides.
  case awaitingReview
  /// 整改中 — clear and reasonable (or the claim was refused): rectify.
  case rectifying
  /// 待回访 — feedback recorded; the supervisor calls the reviewer back.
  case awaitingCallback
  /// 已办结
  case closed

  public var title: String {
    switch self {
    case .verifying: return "待核实"
    case .awaitingReview: return "待复核"
    case .rectifying: return "整改中"
    case .awaitingCallback: return "待回访"
    case .closed: return "已办结"
    }
  }
}

/// 整改方式 (第三十七条(三)).
public enum RectificationTrack: String, Codable, CaseIterable, Sendable {
  /// 立行立改 — rectified at once.
  case immediate
  /// 情况复杂 — within 5 working days, extendable with a reason told to the reviewer.
  case complex

  public var title: String { self == .immediate ? "立行立改" : "情况复杂" }
}

/// 无效差评的理由 (第三十七条(二)).
public enum InvalidityKind: String, Codable, CaseIterable, Sendable {
  case untrue
  case mistaken
  case malicious

  public var title: String {
    switch self {
    case .untrue: return "不实评价"
    case .mistaken: return "误评"
    case .malicious: return "恶意差评"
    }
  }
}

/// 联系方式 — how the reviewer was reached (to verify, to tell of an extension, to call back).
public enum ContactMethod: String, Codable, CaseIterable, Sendable {
  case phone
  case sms
  case inPerson
  case visit
  /// 未能联系 — only acceptable for an anonymous review, which leaves no contact.
  case unreachable

  public var title: String {
    switch self {
    case .phone: return "电话"
    case .sms: return "短信"
    case .inPerson: return "当面"
    case .visit: return "上门"
    case .unreachable: return "未能联系"
    }
  }
}

/// 评价人对整改的意见, recorded at the callback.
public enum ReviewerResponse: String, Codable, CaseIterable, Sendable {
  case satisfied
  case basicallySatisfied
  case dissatisfied
  /// 未能联系 — the attempt is recorded; the case waits for another callback.
  case unreachable

  public var title: String {
    switch self {
    case .satisfied: return "满意"
    case .basicallySatisfied: return "基本满意"
    case .dissatisfied: return "不满意"
    case .unreachable: return "未能联系"
    }
  }
}

/// How a closed case ended.
public enum RectificationOutcome: String, Codable, CaseIterable, Sendable {
  /// 已整改
  case rectified
  /// 无效差评 — the claim was approved at 复核.
  case invalid

  public var title: String { self == .rectified ? "已整改" : "无效差评" }
}

/// 整改时限 in working days. The regulation's values are the defaults.
public struct RectificationLimits: Equatable, Sendable {
  /// 立即联系评价人 — by the end of the next working day.
  public var verifyDays: Int
  /// 立行立改 — by the end of the next working day after the stage starts.
  public var immediateDays: Int
  /// 情况复杂 — 5个工作日内办结 (第三十七条(三)).
  public var complexDays: Int
  /// One extension may add at most this many working days to the current deadline: the
  /// regulation says only 适当延长, so the complaint rule (at most the original limit) is used.
  public var maxExtensionDays: Int

  public static let standard = RectificationLimits(
    verifyDays: 1, immediateDays: 1, complexDays: 5, maxExtensionDays: 5)
}

/// 差评整改案件 — one bad review being worked, as its events have left it.
public struct Rectification: Codable, Equatable, Sendable {
  public var id: String
  public var ratingID: String
  /// The rating as recorded (the reviewer, the item, the organisation that served).
  public var rating: RatingInput
  public var openedOn: CivilDate
  public var phase: RectificationPhase
  /// Set when the case is classified clear and reasonable (or after a refused claim, by the handler).
  public var track: RectificationTrack?
  /// The day the rectification limit started counting (verification, or the refused 复核).
  public var stageStart: CivilDate?
  /// A deadline set by an extension, replacing the computed one.
  public var extendedDue: CivilDate?
  public var extensions: Int = 0
  /// 延期申请 — the latest application and its decision (第三十七条(三)); a pending one leaves the
  /// deadline in force as it is.
  public var extensionRequest: RectificationExtensionRequest?
  /// 核实: how the reviewer was contacted, what was found, by whom.
  public var contact: ContactMethod?
  public var findings: String?
  public var verifiedBy: String?
  /// 无效差评申请
  public var claim: InvalidityKind?
  public var evidence: String?
  public var claimedBy: String?
  /// 复核
  public var reviewApproved: Bool?
  public var reviewedBy: String?
  public var feedback: String?
  /// 整改轮次 — a reviewer dissatisfied at the callback sends the case back for another round.
  public var rounds: Int = 1
  /// Callback attempts, and whether the reviewer was reached and gave an opinion.
  public var callbackAttempts: Int = 0
  public var calledBack: Bool = false
  public var lastResponse: ReviewerResponse?
  public var outcome: RectificationOutcome?
  public var closedOn: CivilDate?
  public var noCallbackReason: String?
  /// Milliseconds since 1970 of the latest event: lists sort recent activity first.
  public var updatedAt: Int64
  /// Notes and assignment (`CaseWork`); nil until the first.
  public var caseWork: CaseWork?

  public init(id: String, ratingID: String, rating: RatingInput, openedOn: CivilDate, at: Int64) {
    self.id = id
    self.ratingID = ratingID
    self.rating = rating
    self.openedOn = openedOn
    self.phase = .verifying
    self.updatedAt = at
  }

  public var organisation: String { rating.organisation }

  /// 核实期限 — the verification deadline: the next working day's end (第三十七条(一)).
  public func verifyDue(_ calendar: WorkCalendar, _ limits: RectificationLimits = .standard)
    -> CivilDate
  {
    calendar.deadline(receivedAt: openedOn, workingDays: limits.verifyDays)
  }

  /// The latest date one extension may set from the current deadline `due` (第三十七条(三)).
  public static func latestExtension(
    from due: CivilDate, _ calendar: WorkCalendar, _ limits: RectificationLimits = .standard
  ) -> CivilDate {
    calendar.deadline(receivedAt: due, workingDays: limits.maxExtensionDays)
  }

  /// The open deadline, nil while the case waits on a supervisor (复核, 回访) or is closed.
  public func due(_ calendar: WorkCalendar, _ limits: RectificationLimits = .standard)
    -> CivilDate?
  {
    switch phase {
    case .verifying:
      return verifyDue(calendar, limits)
    case .rectifying:
      if let extendedDue { return extendedDue }
      let start = stageStart ?? openedOn
      return calendar.deadline(receivedAt: start, workingDays: limitDays(limits) ?? 0)
    case .awaitingReview, .awaitingCallback, .closed:
      return nil
    }
  }

  /// The working days the current deadline allows from its start (for the deadline index).
  public func limitDays(_ limits: RectificationLimits = .standard) -> Int? {
    switch phase {
    case .verifying: return limits.verifyDays
    case .rectifying:
      // Before the handler chooses after a refused claim, the longer limit runs.
      return track == .immediate ? limits.immediateDays : limits.complexDays
    default: return nil
    }
  }

  /// The state in the clerk's words: `整改中(情况复杂)`, `已办结(无效差评)`.
  public var stateTitle: String {
    switch phase {
    case .rectifying:
      let pending = extensionRequest?.isPending == true ? ",延期待审批" : ""
      return track.map { "整改中(\($0.title)\(pending))" } ?? "整改中(待定整改方式)"
    case .closed:
      return outcome.map { "已办结(\($0.title))" } ?? "已办结"
    default:
      return phase.title
    }
  }
}
