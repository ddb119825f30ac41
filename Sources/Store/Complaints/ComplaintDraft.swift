import Domain

/// What a clerk enters to register a complaint; the store adds the limit, the organisations'
/// names and who handles it.
public struct ComplaintDraft: Equatable, Sendable {
  public var channel: ComplaintChannel
  public var type: ComplaintType
  public var urgency: ComplaintUrgency
  public var subject: String
  public var content: String
  public var complainant: String
  public var contact: String
  public var concernedOrg: String
  public var confidentiality: Confidentiality

  public init(
    channel: ComplaintChannel, type: ComplaintType, urgency: ComplaintUrgency, subject: String,
    content: String, complainant: String, contact: String, concernedOrg: String,
    confidentiality: Confidentiality = .none
  ) {
    self.channel = channel
    self.type = type
    self.urgency = urgency
    self.subject = subject
    self.content = content
    self.complainant = complainant
    self.contact = contact
    self.concernedOrg = concernedOrg
    self.confidentiality = confidentiality
  }
}

/// 处理 — the step a clerk takes on a case from the case view, as one value, so the pane and the
/// command line call one entry point.
public enum ComplaintStep: Equatable, Sendable {
  case dispatch(org: String)
  case reject(RejectionReason, note: String)
  case `return`(reason: String)
  case requestExtension(days: Int, reason: String)
  case decideExtension(approved: Bool, note: String)
  case conclude(ConclusionKind, text: String)
  case callBack(CallbackMethod, Satisfaction, notes: String, reopenDays: Int?)
  case merge(into: String)
  case split
  case viewContent

  public var action: Action {
    switch self {
    case .dispatch: return .dispatchComplaint
    case .reject: return .rejectComplaint
    case .return: return .returnComplaint
    case .requestExtension: return .requestExtension
    case .decideExtension: return .decideExtension
    case .conclude(let kind, _):
      return kind == .resolved ? .concludeComplaint : .invalidateComplaint
    case .callBack: return .callBackComplaint
    case .merge: return .mergeComplaint
    case .split: return .splitComplaint
    case .viewContent: return .viewConfidential
    }
  }
}
