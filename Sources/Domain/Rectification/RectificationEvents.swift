import Foundation

/// Payload of `rectification.opened`: the rating it came from, as recorded.
public struct RectificationOpened: EventPayload {
  public var ratingID: String
  public var rating: RatingInput
}

/// Payload of `rectification.verified`: exactly one of `claim` and `track` is set.
public struct RectificationVerified: EventPayload {
  public var contact: ContactMethod
  /// 核实情况 — what the reviewer said and what was found.
  public var findings: String
  /// 不实/误评/恶意 → a claim of invalidity goes to 复核.
  public var claim: InvalidityKind?
  /// 证明材料 — required with a claim.
  public var evidence: String?
  /// 情况清楚、诉求合理 → rectify, at once or within 5 working days.
  public var track: RectificationTrack?
}

/// Payload of `rectification.reviewed`.
public struct RectificationReviewed: EventPayload {
  /// true: marked 无效差评; false: 转入差评整改.
  public var approved: Bool
  public var opinion: String
}

/// Payload of `rectification.classified`.
public struct RectificationClassified: EventPayload {
  public var track: RectificationTrack
  public var note: String
}

/// Payload of `rectification.extended`.
public struct RectificationExtended: EventPayload {
  public var newDue: CivilDate
  /// 延期理由 — as told to the reviewer.
  public var reason: String
  /// How the reviewer was told (未能联系 only for an anonymous review).
  public var toldVia: ContactMethod
}

/// Payload of `rectification.feedback`.
public struct RectificationFeedback: EventPayload {
  /// 整改措施 — what was changed.
  public var measures: String
}

/// Payload of `rectification.calledBack`.
public struct RectificationCalledBack: EventPayload {
  public var method: ContactMethod
  public var response: ReviewerResponse
  /// 回访记录
  public var record: String
}

/// Payload of `rectification.closedWithoutCallback`.
public struct RectificationClosedWithoutCallback: EventPayload {
  public var reason: String
}
