extension ApplicationActions {
  /// The action a recorded step needs of its actor: the one its command is checked against when
  /// written here (`ApplicationCommand.action`), so a step written elsewhere (a township's, or one
  /// `audit verify` re-checks) is judged exactly as the same step written locally. Nil for the
  /// law's own step (视为受理), which no member of staff takes.
  public static func action(for type: EventType) -> Action? {
    switch type {
    case .applicationRegistered: return register
    case .applicationMaterialsChecked: return checkMaterials
    case .applicationPreReviewPassed: return preReview
    case .applicationAccepted: return accept
    case .applicationSupplementRequested: return requestSupplement
    case .applicationSupplemented: return recordSupplement
    case .applicationNotAccepted: return refuse
    case .applicationReviewStarted: return review
    case .applicationClockStopped, .applicationClockResumed: return clockStop
    case .applicationDecided: return decide
    case .applicationConcluded: return conclude
    case .applicationWithdrawn: return withdraw
    case .applicationRated: return rate
    default: return nil
    }
  }
}
