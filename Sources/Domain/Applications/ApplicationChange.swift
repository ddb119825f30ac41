/// Payload of `application.registered`.
public struct ApplicationRegistered: EventPayload {
  public var item: ItemSnapshot
  public var applicant: Applicant
  public var channel: ApplicationChannel
  public var note: String
  public var materials: [MaterialStatus]
  public var registeredOrg: String
  public var preReviewDays: Int
  /// 代办和帮办 (第十五条); absent from registrations without any (and from every registration
  /// recorded before it existed).
  public var assistance: ApplicationAssistance?
  /// Set when the provincial platform handed the application over (key absent otherwise, so
  /// registrations recorded before it keep their bytes).
  public var platform: PlatformSubmission? = nil
  /// Set on a member sub-case of a 一件事: the package case's number (key absent otherwise, so
  /// registrations recorded before it keep their bytes).
  public var package: String? = nil
}

/// Payload of `application.materialsChecked` and `application.supplemented`.
public struct MaterialsPayload: EventPayload {
  public var materials: [MaterialStatus]
}

/// Payload of steps that carry only what the clerk wrote (an opinion, a reason, a note).
public struct TextPayload: EventPayload {
  public var text: String
}

/// Payload of `application.accepted`.
public struct NoticePayload: EventPayload {
  public var notice: String
}

/// Payload of `application.deemedAccepted`.
public struct DeemedAcceptancePayload: EventPayload {
  /// The last day of the pre-review limit; the case is deemed accepted after it.
  public var limitEndedOn: CivilDate
}

/// Payload of `application.supplementRequested`.
public struct SupplementPayload: EventPayload {
  public var items: [MaterialDeficiency]
  public var other: String
  public var notice: String
}

/// Payload of `application.notAccepted`.
public struct ReasonNoticePayload: EventPayload {
  public var reason: String
  public var notice: String
}

/// Payload of `application.clockStopped`.
public struct ClockStopPayload: EventPayload {
  public var kind: ClockStopKind
  public var days: Int
  public var reason: String
  public var notice: String
}

/// Payload of `application.limitExtended`.
public struct LimitExtensionPayload: EventPayload {
  /// Working days added to the promised limit.
  public var days: Int
  public var reason: String
  /// 延长审批告知书 — the written notice to the applicant.
  public var notice: String
}

/// Payload of `application.decided`.
public struct DecisionPayload: EventPayload {
  public var decision: Decision
  public var reason: String
}

/// Payload of `application.concluded`.
public struct ConclusionPayload: EventPayload {
  public var certificateName: String
  public var certificateNumber: String
  public var delivery: Delivery
  public var trackingNumber: String
  public var feeFen: Int
  public var notice: String
}

/// Payload of `application.rated`.
public struct RatingPayload: EventPayload {
  /// 非常满意 满意 基本满意 不满意 非常不满意
  public var level: String
  public var realName: Bool
  public var comment: String
  /// The rating the 好差评 feature recorded (`BYQPJ-2026-000061`).
  public var ratingID: String?
  /// The rectification case a bad rating opened (第三十七条).
  public var rectificationID: String?

  /// The five levels of 好差评, best first.
  public static let levels = RatingLevel.allCases.sorted(by: >).map(\.title)
}

/// One change to an application: an event's type and payload as a value.
public enum ApplicationChange: Equatable, Sendable {
  case registered(ApplicationRegistered)
  case materialsChecked(MaterialsPayload)
  case preReviewPassed(TextPayload)
  case accepted(NoticePayload)
  case deemedAccepted(DeemedAcceptancePayload)
  case supplementRequested(SupplementPayload)
  case supplemented(MaterialsPayload)
  case notAccepted(ReasonNoticePayload)
  case reviewStarted(TextPayload)
  case clockStopped(ClockStopPayload)
  case clockResumed(TextPayload)
  case decided(DecisionPayload)
  case concluded(ConclusionPayload)
  case withdrawn(TextPayload)
  case rated(RatingPayload)
  case limitExtended(LimitExtensionPayload)

  public var type: EventType {
    switch self {
    case .registered: return .applicationRegistered
    case .materialsChecked: return .applicationMaterialsChecked
    case .preReviewPassed: return .applicationPreReviewPassed
    case .accepted: return .applicationAccepted
    case .deemedAccepted: return .applicationDeemedAccepted
    case .supplementRequested: return .applicationSupplementRequested
    case .supplemented: return .applicationSupplemented
    case .notAccepted: return .applicationNotAccepted
    case .reviewStarted: return .applicationReviewStarted
    case .clockStopped: return .applicationClockStopped
    case .clockResumed: return .applicationClockResumed
    case .decided: return .applicationDecided
    case .concluded: return .applicationConcluded
    case .withdrawn: return .applicationWithdrawn
    case .rated: return .applicationRated
    case .limitExtended: return .applicationLimitExtended
    }
  }

  public func draft(caseID: String) -> EventDraft {
    let stream = ApplicationMachine.stream(caseID)
    switch self {
    case .registered(let p): return EventDraft(stream: stream, type: type, body: p)
    case .materialsChecked(let p), .supplemented(let p):
      return EventDraft(stream: stream, type: type, body: p)
    case .preReviewPassed(let p), .reviewStarted(let p), .clockResumed(let p), .withdrawn(let p):
      return EventDraft(stream: stream, type: type, body: p)
    case .accepted(let p): return EventDraft(stream: stream, type: type, body: p)
    case .deemedAccepted(let p): return EventDraft(stream: stream, type: type, body: p)
    case .supplementRequested(let p): return EventDraft(stream: stream, type: type, body: p)
    case .notAccepted(let p): return EventDraft(stream: stream, type: type, body: p)
    case .clockStopped(let p): return EventDraft(stream: stream, type: type, body: p)
    case .decided(let p): return EventDraft(stream: stream, type: type, body: p)
    case .concluded(let p): return EventDraft(stream: stream, type: type, body: p)
    case .rated(let p): return EventDraft(stream: stream, type: type, body: p)
    case .limitExtended(let p): return EventDraft(stream: stream, type: type, body: p)
    }
  }

  /// The change an event records; nil for a type this feature does not know.
  public static func decode(_ e: Event) throws -> ApplicationChange? {
    switch e.type {
    case .applicationRegistered: return .registered(try e.decode(ApplicationRegistered.self))
    case .applicationMaterialsChecked: return .materialsChecked(try e.decode(MaterialsPayload.self))
    case .applicationPreReviewPassed: return .preReviewPassed(try e.decode(TextPayload.self))
    case .applicationAccepted: return .accepted(try e.decode(NoticePayload.self))
    case .applicationDeemedAccepted:
      return .deemedAccepted(try e.decode(DeemedAcceptancePayload.self))
    case .applicationSupplementRequested:
      return .supplementRequested(try e.decode(SupplementPayload.self))
    case .applicationSupplemented: return .supplemented(try e.decode(MaterialsPayload.self))
    case .applicationNotAccepted: return .notAccepted(try e.decode(ReasonNoticePayload.self))
    case .applicationReviewStarted: return .reviewStarted(try e.decode(TextPayload.self))
    case .applicationClockStopped: return .clockStopped(try e.decode(ClockStopPayload.self))
    case .applicationClockResumed: return .clockResumed(try e.decode(TextPayload.self))
    case .applicationDecided: return .decided(try e.decode(DecisionPayload.self))
    case .applicationConcluded: return .concluded(try e.decode(ConclusionPayload.self))
    case .applicationWithdrawn: return .withdrawn(try e.decode(TextPayload.self))
    case .applicationRated: return .rated(try e.decode(RatingPayload.self))
    case .applicationLimitExtended:
      return .limitExtended(try e.decode(LimitExtensionPayload.self))
    default: return nil
    }
  }
}
