/// 处理 — a step a clerk takes on a complaint, with what they entered: the pane, the command
/// line and the demo all give it to the one `Store.perform`.
public enum ComplaintCommand: CaseCommand, Equatable {
  public typealias Machine = ComplaintMachine

  case dispatch(org: String)
  case reject(RejectionReason, note: String)
  case `return`(reason: String)
  case requestExtension(days: Int, reason: String)
  case decideExtension(approved: Bool, note: String)
  case conclude(ConclusionKind, text: String)
  case callBack(CallbackMethod, Satisfaction, notes: String, reopenDays: Int?)
  /// 无法回访 — an anonymous complaint closed without a callback, with the reason (the 回访 step).
  case noCallback(reason: String)
  case merge(into: String)
  case split
  case viewContent

  public var step: ComplaintStep {
    switch self {
    case .dispatch: return .dispatch
    case .reject: return .reject
    case .return: return .return
    case .requestExtension: return .requestExtension
    case .decideExtension: return .decideExtension
    case .conclude(let kind, _): return kind == .resolved ? .conclude : .invalidate
    case .callBack, .noCallback: return .callBack
    case .merge: return .merge
    case .split: return .split
    case .viewContent: return .viewContent
    }
  }

  public var action: Action { step.action }
}

/// The kinds of step on a complaint; the raw value is the key's command in the case view.
public enum ComplaintStep: String, CaseStep {
  public typealias Machine = ComplaintMachine

  case dispatch
  case `return`
  case reject
  case requestExtension = "extend"
  case decideExtension = "decide"
  case conclude
  case invalidate = "invalid"
  case callBack = "callback"
  case merge
  case split
  case viewContent = "reveal"

  public var action: Action {
    switch self {
    case .dispatch: return .dispatchComplaint
    case .reject: return .rejectComplaint
    case .return: return .returnComplaint
    case .requestExtension: return .requestExtension
    case .decideExtension: return .decideExtension
    case .conclude: return .concludeComplaint
    case .invalidate: return .invalidateComplaint
    case .callBack: return .callBackComplaint
    case .merge: return .mergeComplaint
    case .split: return .splitComplaint
    case .viewContent: return .viewConfidential
    }
  }
}
