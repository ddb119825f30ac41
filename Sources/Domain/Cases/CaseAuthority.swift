/// What the actor of a recorded event must have been allowed: the step it records (judged by
/// `availability` on the case as its earlier events left it), or an action for an organisation
/// (the other side of a link: 接收并入, 随主件办结), or nothing this machine knows.
public enum CaseAuthority<Step: CaseStep>: Equatable {
  case step(Step)
  case action(Action, organisation: String?, name: String?)
  case unknown
}

extension CaseMachine {
  /// What the actor of `e` needed, on the case as the events before it left it.
  public static func authority(of e: Event, on state: State?) -> CaseAuthority<Step> { .unknown }

  /// Why the context's staff could not have written `e` at its time on the case as `state` (its
  /// events before `e`) stood: the district judges a township's event as the same step written
  /// here. Nil when they could, or when the machine names no step for it (`unknown`: the caller
  /// applies its general rule).
  public static func refusal(of e: Event, on state: State?, _ context: CaseContext) -> Refusal? {
    switch authority(of: e, on: state) {
    case .step(let step):
      guard let state else { return Permission.check(context.staff, step.action) }
      return availability(state, step, context)
    case .action(let action, let organisation, let name):
      return Permission.check(
        context.staff, action, organisation: organisation, organisationName: name)
    case .unknown:
      return nil
    }
  }
}

extension ComplaintMachine {
  public static func authority(of e: Event, on c: Complaint?) -> CaseAuthority<ComplaintStep> {
    guard let change = ComplaintChange.decode(e) else { return .unknown }
    switch change {
    case .registered: return .action(.registerComplaint, organisation: nil, name: nil)
    case .rejected: return .step(.reject)
    case .dispatched: return .step(.dispatch)
    case .returned: return .step(.return)
    case .merged: return .step(.merge)
    case .split: return .step(.split)
    case .extensionRequested: return .step(.requestExtension)
    case .extensionDecided: return .step(.decideExtension)
    case .calledBack, .notCalledBack: return .step(.callBack)
    case .contentViewed: return .step(.viewContent)
    case .concluded(let b):
      let step: ComplaintStep = b.kind == .resolved ? .conclude : .invalidate
      // A merged case is concluded with its primary, by the primary's organisation.
      guard b.viaPrimary != nil else { return .step(step) }
      return .action(step.action, organisation: b.org, name: b.orgName)
    case .mergeAccepted:
      // The primary's side of a merge or split, by the organisation handling the primary.
      return .action(.mergeComplaint, organisation: c?.handlingOrg, name: c?.handlingOrgName)
    case .mergeReleased:
      return .action(.splitComplaint, organisation: c?.handlingOrg, name: c?.handlingOrgName)
    }
  }
}

extension RectificationMachine {
  public static func authority(of e: Event, on s: Rectification?) -> CaseAuthority<
    RectificationStep
  > {
    switch e.type {
    case .rectificationVerified: return .step(.verify)
    case .rectificationReviewed: return .step(.review)
    case .rectificationClassified: return .step(.classify)
    case .rectificationExtensionRequested: return .step(.requestExtension)
    case .rectificationExtensionDecided: return .step(.decideExtension)
    case .rectificationExtended:
      // Written before extensions needed approval (no command writes it now): judged by the
      // permission it needed then, the serving organisation's handler.
      return .action(.handleRectification, organisation: s?.organisation, name: nil)
    case .rectificationFeedback: return .step(.feedback)
    case .rectificationCalledBack: return .step(.callBack)
    case .rectificationClosedWithoutCallback: return .step(.closeWithoutCallback)
    default: return .unknown  // 生成整改案件: written with the rating that opened it.
    }
  }
}
