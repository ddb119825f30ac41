/// One change to a complaint: what an event of the `complaint` stream says, decoded.
public enum ComplaintChange: Equatable, Sendable {
  case registered(ComplaintRegistration)
  case rejected(ComplaintRejectionPayload)
  case dispatched(ComplaintDispatchPayload)
  case returned(ComplaintText)
  case merged(into: String, org: String? = nil, orgName: String? = nil)
  case mergeAccepted(from: String)
  case split(from: String)
  case mergeReleased(of: String)
  case extensionRequested(ExtensionRequestPayload)
  case extensionDecided(ExtensionDecisionPayload)
  case concluded(ComplaintConclusionPayload)
  case calledBack(CallbackPayload)
  case notCalledBack(NoCallbackPayload)
  case contentViewed

  /// The event that records this change on `stream`.
  public func draft(stream: String) -> EventDraft {
    switch self {
    case .registered(let b): return EventDraft(stream: stream, type: .complaintRegistered, body: b)
    case .rejected(let b): return EventDraft(stream: stream, type: .complaintRejected, body: b)
    case .dispatched(let b): return EventDraft(stream: stream, type: .complaintDispatched, body: b)
    case .returned(let b): return EventDraft(stream: stream, type: .complaintReturned, body: b)
    case .merged(let other, let org, let orgName):
      return EventDraft(
        stream: stream, type: .complaintMerged,
        body: ComplaintLink(other: other, org: org, orgName: orgName))
    case .mergeAccepted(let other):
      return EventDraft(
        stream: stream, type: .complaintMergeAccepted, body: ComplaintLink(other: other))
    case .split(let other):
      return EventDraft(stream: stream, type: .complaintSplit, body: ComplaintLink(other: other))
    case .mergeReleased(let other):
      return EventDraft(
        stream: stream, type: .complaintMergeReleased, body: ComplaintLink(other: other))
    case .extensionRequested(let b):
      return EventDraft(stream: stream, type: .complaintExtensionRequested, body: b)
    case .extensionDecided(let b):
      return EventDraft(stream: stream, type: .complaintExtensionDecided, body: b)
    case .concluded(let b): return EventDraft(stream: stream, type: .complaintConcluded, body: b)
    case .calledBack(let b): return EventDraft(stream: stream, type: .complaintCalledBack, body: b)
    case .notCalledBack(let b):
      return EventDraft(stream: stream, type: .complaintNotCalledBack, body: b)
    case .contentViewed:
      return EventDraft(stream: stream, type: .complaintContentViewed, body: NoPayload())
    }
  }

  /// Decodes an event of the stream; nil for a type this build does not know or a bad payload.
  public static func decode(_ e: Event) -> ComplaintChange? {
    do {
      switch e.type {
      case .complaintRegistered: return .registered(try e.decode(ComplaintRegistration.self))
      case .complaintRejected: return .rejected(try e.decode(ComplaintRejectionPayload.self))
      case .complaintDispatched: return .dispatched(try e.decode(ComplaintDispatchPayload.self))
      case .complaintReturned: return .returned(try e.decode(ComplaintText.self))
      case .complaintMerged:
        let link = try e.decode(ComplaintLink.self)
        return .merged(into: link.other, org: link.org, orgName: link.orgName)
      case .complaintMergeAccepted:
        return .mergeAccepted(from: try e.decode(ComplaintLink.self).other)
      case .complaintSplit: return .split(from: try e.decode(ComplaintLink.self).other)
      case .complaintMergeReleased:
        return .mergeReleased(of: try e.decode(ComplaintLink.self).other)
      case .complaintExtensionRequested:
        return .extensionRequested(try e.decode(ExtensionRequestPayload.self))
      case .complaintExtensionDecided:
        return .extensionDecided(try e.decode(ExtensionDecisionPayload.self))
      case .complaintConcluded: return .concluded(try e.decode(ComplaintConclusionPayload.self))
      case .complaintCalledBack: return .calledBack(try e.decode(CallbackPayload.self))
      case .complaintNotCalledBack: return .notCalledBack(try e.decode(NoCallbackPayload.self))
      case .complaintContentViewed: return .contentViewed
      default: return nil
      }
    } catch {
      return nil
    }
  }
}
