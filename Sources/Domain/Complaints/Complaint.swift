/// 投诉建议 — one complaint, suggestion or enquiry as its events have made it.
public struct Complaint: Codable, Equatable, Sendable {
  public var id: String
  public var registration: ComplaintRegistration
  public var registeredOn: CivilDate
  public var registeredBy: String
  public var status: ComplaintStatus
  /// The organisation that must act now: the registering one while awaiting dispatch.
  public var handlingOrg: String
  public var handlingOrgName: String
  /// The district clerk who registered or dispatched it: returned cases go back to them.
  public var dispatcher: String?
  /// The handling organisation's clerk working it, once one has acted.
  public var handler: String?
  public var dispatchedOn: CivilDate?
  /// 退回期限 — the last day the organisation may return it (第三十三条).
  public var returnUntil: CivilDate?
  public var returns: [ReturnRecord] = []
  public var rejection: RejectionRecord?
  /// 延期 — at most one request per case (第三十二条(五)).
  public var extensionRequest: ExtensionRecord?
  /// 并入的主件.
  public var mergedInto: String?
  /// What it was doing, and who had it, when merged, so a split restores both.
  public var statusBeforeMerge: ComplaintStatus?
  public var orgBeforeMerge: String?
  public var orgNameBeforeMerge: String?
  /// Cases merged into this one.
  public var mergedSources: [String] = []
  /// 办理轮次 — the first handling, then one more per unsatisfied callback (第三十四条).
  public var rounds: [ComplaintRound]
  public var contentViews = 0
  /// Notes, assignment and redirections (`CaseWork`); nil until the first.
  public var caseWork: CaseWork?

  public init(
    id: String, registration: ComplaintRegistration, registeredOn: CivilDate, registeredBy: String,
    status: ComplaintStatus, rounds: [ComplaintRound]
  ) {
    self.id = id
    self.registration = registration
    self.registeredOn = registeredOn
    self.registeredBy = registeredBy
    self.status = status
    self.handlingOrg = registration.registeringOrg
    self.handlingOrgName = registration.registeringOrgName
    self.rounds = rounds
  }

  /// The round being worked or last concluded.
  public var currentRound: ComplaintRound {
    rounds.last
      ?? ComplaintRound(number: 1, startedOn: registeredOn, limitDays: 0, due: registeredOn)
  }

  /// Closed without a callback: anonymous, recorded as 无法回访 (`complaint.notCalledBack`).
  public var notCalledBack: Bool { status == .closed && currentRound.noCallback != nil }

  /// 办结期限 of an open case (extension included); nil once concluded, rejected or merged.
  public var due: CivilDate? { status.isOpen ? currentRound.due : nil }

  /// Whether the organisation may still return it on `date` (第三十三条).
  public func isReturnable(on date: CivilDate) -> Bool {
    guard status == .handling, let until = returnUntil else { return false }
    return date <= until
  }

  public var isConfidential: Bool { registration.confidentiality.isConfidential }
}

/// 办理轮次 — one round of handling: its deadline, its conclusion and the callback on it.
public struct ComplaintRound: Codable, Equatable, Sendable {
  public var number: Int
  public var startedOn: CivilDate
  public var limitDays: Int
  public var due: CivilDate
  /// Working days added by an approved extension.
  public var extendedDays = 0
  public var conclusion: ConclusionRecord?
  public var callback: CallbackRecord?
  /// 无法回访 — the anonymous complaint's round closed without a callback, and why.
  public var noCallback: NoCallbackRecord?
}

public struct ReturnRecord: Codable, Equatable, Sendable {
  public var org: String
  public var orgName: String
  public var reason: String
  public var by: String
  public var on: CivilDate
}

public struct RejectionRecord: Codable, Equatable, Sendable {
  public var reason: RejectionReason
  public var note: String
  public var by: String
  public var on: CivilDate
}

public struct ExtensionRecord: Codable, Equatable, Sendable {
  public var days: Int
  public var reason: String
  public var requestedBy: String
  public var requestedOn: CivilDate
  public var state: ExtensionState
  public var decidedBy: String?
  public var decidedOn: CivilDate?
  public var note: String?
}

public struct ConclusionRecord: Codable, Equatable, Sendable {
  public var kind: ConclusionKind
  public var text: String
  public var by: String
  public var on: CivilDate
  /// Concluded on or before the round's deadline.
  public var onTime: Bool
  public var viaPrimary: String?
}

public struct NoCallbackRecord: Codable, Equatable, Sendable {
  public var reason: String
  public var by: String
  public var on: CivilDate
}

public struct CallbackRecord: Codable, Equatable, Sendable {
  public var method: CallbackMethod
  public var satisfaction: Satisfaction
  public var notes: String
  public var by: String
  public var on: CivilDate
}
