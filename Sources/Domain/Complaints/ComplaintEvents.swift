import Foundation

/// Payload of `complaint.registered`: everything the clerk entered, and the limit decided from
/// the rule table at that moment.
public struct ComplaintRegistration: EventPayload {
  public var channel: ComplaintChannel
  public var type: ComplaintType
  public var urgency: ComplaintUrgency
  /// Working days, from the rule table when registered (第三十二条).
  public var limitDays: Int
  public var subject: String
  public var content: String
  public var complainant: String
  public var contact: String
  /// 涉及单位 — the organisation the complaint is about.
  public var concernedOrg: String
  public var concernedOrgName: String
  public var confidentiality: Confidentiality
  public var registeringOrg: String
  public var registeringOrgName: String
  /// A township or department registering what it received itself handles it at once; the
  /// district's registrations wait for a dispatcher.
  public var handledByRegistrant: Bool
  /// 上级平台工单号 — the ticket number of the platform the case was referred from (12345,
  /// 省/市平台); searchable (F7) and printed. Absent from older registrations.
  public var ticketNumber: String?
  /// 匿名 — why the complainant cannot be called back (no phone left); nil for a named one.
  /// Absent from older registrations.
  public var anonymousReason: String?
  /// 关联案件 — the application, rectification or complaint this one concerns (its number);
  /// shown in both cases' views. Absent from older registrations.
  public var relatedCase: String?

  public var isAnonymous: Bool { anonymousReason != nil }

  /// What the clerk typed, as registered.
  public var draft: ComplaintDraft {
    ComplaintDraft(
      channel: channel, type: type, urgency: urgency, subject: subject, content: content,
      complainant: complainant, contact: contact, concernedOrg: concernedOrg,
      confidentiality: confidentiality, ticketNumber: ticketNumber,
      anonymousReason: anonymousReason, relatedCase: relatedCase)
  }

  /// The draft's field checks (`ComplaintDraft.problems`), on what was registered.
  public func problems() -> [(field: String, message: String)] { draft.problems() }
}

/// Payload of `complaint.rejected`.
public struct ComplaintRejectionPayload: EventPayload {
  public var reason: RejectionReason
  public var note: String
}

/// Payload of `complaint.dispatched`.
public struct ComplaintDispatchPayload: EventPayload {
  public var org: String
  public var orgName: String
  /// Working days the organisation may return it in, from the rule table (第三十三条).
  public var returnWindowDays: Int
}

/// Payload of `complaint.returned`, `complaint.extensionDecided` notes and other one-text events.
public struct ComplaintText: EventPayload {
  public var text: String
}

/// Payload of the four merge events: the case on the other side of the link.
public struct ComplaintLink: EventPayload {
  public var other: String
  /// On `complaint.merged`: the primary's handling organisation, which the merged case follows.
  public var org: String?
  public var orgName: String?
}

/// Payload of `complaint.extensionRequested`.
public struct ExtensionRequestPayload: EventPayload {
  public var days: Int
  public var reason: String
}

/// Payload of `complaint.extensionDecided`.
public struct ExtensionDecisionPayload: EventPayload {
  public var approved: Bool
  public var note: String
}

/// Payload of `complaint.concluded`.
public struct ComplaintConclusionPayload: EventPayload {
  public var kind: ConclusionKind
  /// The result told to the complainant, or the grounds for 无效.
  public var text: String
  /// Set on a merged case concluded together with its primary.
  public var viaPrimary: String?
  /// The primary's handling organisation, which answers the merged case's complainant too.
  public var org: String?
  public var orgName: String?
}

/// Payload of `complaint.notCalledBack`.
public struct NoCallbackPayload: EventPayload {
  public var reason: String

  public init(reason: String) { self.reason = reason }
}

/// Payload of `complaint.calledBack`.
public struct CallbackPayload: EventPayload {
  public var method: CallbackMethod
  public var satisfaction: Satisfaction
  public var notes: String
  /// Working days for the rectification when the complainant is not satisfied.
  public var reopenDays: Int?
}
