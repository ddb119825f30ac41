/// The kinds of step on an application; the raw value is the key's command in the case view.
public enum ApplicationStep: String, CaseStep {
  public typealias Machine = ApplicationMachine

  case checkMaterials = "materials"
  case preReview
  case accept
  case requestSupplement = "supplement"
  case recordSupplement = "resume"
  case refuse
  case startReview = "review"
  case stopClock = "clock"
  case resumeClock
  case decide
  case conclude
  case withdraw
  case rate
  case extendLimit = "extend"

  public var action: Action {
    switch self {
    case .checkMaterials: return ApplicationActions.checkMaterials
    case .preReview: return ApplicationActions.preReview
    case .accept: return ApplicationActions.accept
    case .requestSupplement: return ApplicationActions.requestSupplement
    case .recordSupplement: return ApplicationActions.recordSupplement
    case .refuse: return ApplicationActions.refuse
    case .startReview: return ApplicationActions.review
    case .stopClock, .resumeClock: return ApplicationActions.clockStop
    case .decide: return ApplicationActions.decide
    case .conclude: return ApplicationActions.conclude
    case .withdraw: return ApplicationActions.withdraw
    case .rate: return ApplicationActions.rate
    case .extendLimit: return ApplicationActions.extendLimit
    }
  }
}

extension ApplicationChange {
  /// The step that records this change (nil for the law's own step and the registration).
  var step: ApplicationStep? {
    switch self {
    case .registered, .deemedAccepted: return nil
    case .materialsChecked: return .checkMaterials
    case .preReviewPassed: return .preReview
    case .accepted: return .accept
    case .supplementRequested: return .requestSupplement
    case .supplemented: return .recordSupplement
    case .notAccepted: return .refuse
    case .reviewStarted: return .startReview
    case .clockStopped: return .stopClock
    case .clockResumed: return .resumeClock
    case .decided: return .decide
    case .concluded: return .conclude
    case .withdrawn: return .withdraw
    case .rated: return .rate
    case .limitExtended: return .extendLimit
    }
  }
}

extension ApplicationMachine {
  /// The steps a case in this status is worked with, for the key bar; the keys outside it still
  /// answer, with `availability`'s reason, and a step in it may still be refused for its rules
  /// (materials incomplete, a clock stop running).
  public static func offeredSteps(_ a: Application) -> [ApplicationStep] {
    switch a.status {
    case .awaitingPreReview:
      return [.preReview, .accept, .requestSupplement, .refuse, .checkMaterials, .withdraw]
    case .awaitingAcceptance:
      return [.accept, .requestSupplement, .refuse, .checkMaterials, .withdraw]
    case .awaitingSupplement: return [.recordSupplement, .refuse, .withdraw]
    case .accepted:
      return [.startReview, a.runningStop == nil ? .stopClock : .resumeClock, .withdraw]
        + (a.limitExtension == nil ? [.extendLimit] : [])
    case .underReview:
      return [.decide, a.runningStop == nil ? .stopClock : .resumeClock, .withdraw]
        + (a.limitExtension == nil ? [.extendLimit] : [])
    case .decided: return [.conclude]
    case .concluded, .notAccepted: return a.rating == nil ? [.rate] : []
    case .withdrawn: return []
    }
  }

  /// The rules of a step that the case's state decides, whatever was entered: what a pane asks
  /// (through `availability`) and what `next` checks before the inputs.
  static func stateRefusal(_ s: Application, _ step: ApplicationStep, _ c: StepContext)
    -> Refusal?
  {
    let id = s.caseID
    switch step {
    case .checkMaterials: return requireIntake(s, "修改材料核对")
    case .preReview:
      guard s.status == .awaitingPreReview else {
        return Refusal("办件\(id)\(s.status.title),不是待预审的网上申请")
      }
      return ApplicationRules.incompleteRefusal(s, "通过预审")
    case .accept:
      if s.acceptedOn != nil { return Refusal("办件\(id)已受理,不能重复受理") }
      return requireIntake(s, "受理") ?? ApplicationRules.incompleteRefusal(s, "受理")
    case .requestSupplement: return requireIntake(s, "出具一次性告知书")
    case .recordSupplement:
      return s.status == .awaitingSupplement ? nil : Refusal("办件\(id)\(s.status.title),不是待补正的办件")
    case .refuse:
      guard s.status.isIntake || s.status == .awaitingSupplement else {
        return Refusal("办件\(id)\(s.status.title),不能作出不予受理决定")
      }
      return nil
    case .startReview:
      guard s.status == .accepted else {
        if s.status == .underReview { return Refusal("办件\(id)已在审查中") }
        return Refusal("办件\(id)\(s.status.title),不能开始审查")
      }
      return nil
    case .stopClock:
      guard s.status.isHandling else {
        return Refusal("办件\(id)\(s.status.title),只有已受理、尚未决定的办件可以启动特别程序")
      }
      if let running = s.runningStop {
        return Refusal("「\(running.kind.title)」尚未结束,不能同时启动另一特别程序")
      }
      return nil
    case .resumeClock:
      guard s.status.isHandling, s.stops.last?.isRunning == true else {
        return Refusal("办件\(id)没有进行中的特别程序")
      }
      return nil
    case .decide: return decidable(s)
    case .extendLimit:
      guard s.status.isHandling, s.decision == nil else {
        return Refusal("办件\(id)\(s.status.title),只有已受理、尚未决定的办件可以延长审批期限")
      }
      if let e = s.limitExtension {
        return Refusal(
          "办件\(id)已于\(e.on.iso)延长审批期限\(e.days)个工作日,只能延长一次", article: "行政许可法第四十二条")
      }
      return nil
    case .conclude:
      if s.status == .concluded { return Refusal("办件\(id)已办结,不能重复办结") }
      guard s.status == .decided, s.decision != nil else {
        return Refusal("办件\(id)\(s.status.title),作出决定后才能办结")
      }
      return nil
    case .withdraw:
      return s.status.isOpen && s.decision == nil ? nil : Refusal("办件\(id)\(s.status.title),不能撤回")
    case .rate:
      guard s.status == .concluded || s.status == .notAccepted else {
        return Refusal("办件\(id)\(s.status.title),办结后才能评价")
      }
      return s.rating == nil ? nil : Refusal("办件\(id)已评价,不能重复评价")
    }
  }

  static func decidable(_ s: Application) -> Refusal? {
    if let d = s.decision {
      return Refusal("办件\(s.caseID)已作出决定(\(d.title)),不能重复决定")
    }
    if s.status == .accepted { return Refusal("办件\(s.caseID)尚未审查,请先审查再作决定") }
    guard s.status == .underReview else {
      return Refusal("办件\(s.caseID)\(s.status.title),不能作出决定")
    }
    if let running = s.runningStop {
      return Refusal("特别程序「\(running.kind.title)」进行中,结束后才能作出决定")
    }
    return nil
  }
}
