import Domain
import Store

extension ApplicationsPane {
  /// The action and a stand-in change for a step key: the state machine and the permission
  /// function answer "may I?" before the clerk types anything, in the same words as the real step.
  static func trial(_ command: String, _ a: Application) -> (Action, ApplicationChange)? {
    switch command {
    case "accept": return (ApplicationActions.accept, .accepted(NoticePayload(notice: "")))
    case "supplement":
      let items = SupplementEditor(a).deficiencies.map {
        MaterialDeficiency(
          index: $0.index, status: $0.status, note: $0.note.isEmpty ? "-" : $0.note)
      }
      return (
        ApplicationActions.requestSupplement,
        .supplementRequested(SupplementPayload(items: items, other: "", notice: ""))
      )
    case "refuse":
      return (ApplicationActions.refuse, .notAccepted(ReasonNoticePayload(reason: "-", notice: "")))
    case "preReview": return (ApplicationActions.preReview, .preReviewPassed(TextPayload(text: "")))
    case "materials":
      return (
        ApplicationActions.checkMaterials,
        .materialsChecked(MaterialsPayload(materials: a.materials))
      )
    case "resume":
      return (
        ApplicationActions.recordSupplement, .supplemented(MaterialsPayload(materials: a.materials))
      )
    case "review": return (ApplicationActions.review, .reviewStarted(TextPayload(text: "")))
    case "clock":
      if a.runningStop != nil {
        return (ApplicationActions.clockStop, .clockResumed(TextPayload(text: "")))
      }
      return (
        ApplicationActions.clockStop,
        .clockStopped(ClockStopPayload(kind: .siteInspection, days: 1, reason: "-", notice: ""))
      )
    case "decide":
      return (ApplicationActions.decide, .decided(DecisionPayload(decision: .approved, reason: "")))
    case "conclude":
      return (
        ApplicationActions.conclude,
        .concluded(
          ConclusionPayload(
            certificateName: "", certificateNumber: "", delivery: .counter, trackingNumber: "",
            feeFen: 0, notice: ""))
      )
    case "rate":
      return (
        ApplicationActions.rate, .rated(RatingPayload(level: "满意", realName: false, comment: ""))
      )
    case "withdraw": return (ApplicationActions.withdraw, .withdrawn(TextPayload(text: "-")))
    default: return nil
    }
  }

  /// Why the step cannot be taken now (the case's state first, then the operator's rights).
  func precheck(_ command: String, _ a: Application, _ context: AppContext) -> String? {
    guard let (action, change) = Self.trial(command, a) else { return nil }
    let step = StepContext(
      caseID: a.caseID, date: context.today,
      timestamp: Int64(context.now.timeIntervalSince1970 * 1000), actor: context.staff.login,
      calendar: context.calendar)
    if case .failure(let r) = ApplicationMachine.next(a, change, step) { return r.description }
    return service.permission(action, on: a, by: context.staff)?.message
  }
}
