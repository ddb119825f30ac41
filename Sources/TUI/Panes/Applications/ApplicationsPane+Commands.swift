import Domain

/// The 受理登记 pane's commands, one enum per keymap section: a key's meaning is a case the
/// compiler checks, never a string.
extension ApplicationsPane {
  enum ListCommand: String, PaneCommand {
    case move, open, new, search, sort, mine, organisation, closed, all, refresh
  }

  enum SearchKeyCommand: String, PaneCommand {
    case done, clear, recall, move
  }

  /// The open case's keys: most are a step of `ApplicationStep`, named as the clerk knows them.
  enum CaseCommand: String, PaneCommand {
    case accept, supplement, refuse, preReview, materials, resume, review, clock, decide
    case conclude, rate, withdraw, extend, notices, scroll, back

    /// The step the key takes on this case: 特别程序 (`clock`) starts one, or ends the one
    /// running; nil for the keys that take no step.
    func step(on a: Application) -> ApplicationStep? {
      switch self {
      case .accept: return .accept
      case .supplement: return .requestSupplement
      case .refuse: return .refuse
      case .preReview: return .preReview
      case .materials: return .checkMaterials
      case .resume: return .recordSupplement
      case .review: return .startReview
      case .clock: return a.runningStop == nil ? .stopClock : .resumeClock
      case .decide: return .decide
      case .conclude: return .conclude
      case .rate: return .rate
      case .withdraw: return .withdraw
      case .extend: return .extendLimit
      case .notices, .scroll, .back: return nil
      }
    }
  }

  enum RegistrationCommand: String, PaneCommand {
    case field, toggle, set, choose, save, cancel
  }

  enum ChecklistCommand: String, PaneCommand {
    case move, toggle, set, save, cancel
  }

  enum SupplementCommand: String, PaneCommand {
    case field, issue, cancel
  }
}
