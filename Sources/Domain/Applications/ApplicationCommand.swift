/// 办结 as typed: the fee is still text (`12.50` 元) until the command parses it.
public struct ConclusionInput: Equatable, Sendable {
  public var certificateName: String
  public var certificateNumber: String
  public var delivery: Delivery
  public var trackingNumber: String
  /// 收费金额 in yuan as typed; empty = none.
  public var fee: String

  public init(
    certificateName: String = "", certificateNumber: String = "", delivery: Delivery = .counter,
    trackingNumber: String = "", fee: String = ""
  ) {
    self.certificateName = certificateName
    self.certificateNumber = certificateNumber
    self.delivery = delivery
    self.trackingNumber = trackingNumber
    self.fee = fee
  }
}

/// 办件操作 — one step a clerk takes on an existing application.
public enum ApplicationCommand: CaseCommand, Equatable {
  public typealias Machine = ApplicationMachine

  /// 核对材料 — change the checklist before the intake decision.
  case checkMaterials([MaterialStatus])
  /// 网上预审通过
  case passPreReview(opinion: String)
  /// 受理
  case accept
  /// 一次性告知
  case requestSupplement([MaterialDeficiency], other: String)
  /// 补正收件 — the applicant is back with (some of) the materials.
  case recordSupplement([MaterialStatus])
  /// 不予受理
  case refuse(reason: String)
  /// 审查
  case startReview(opinion: String)
  /// 特别程序 (计时暂停)
  case stopClock(ClockStopKind, days: Int, reason: String)
  /// 结束特别程序 (恢复计时)
  case resumeClock(note: String)
  /// 准予 / 不予准予
  case decide(Decision, reason: String)
  /// 办结
  case conclude(ConclusionInput)
  /// 撤回
  case withdraw(reason: String)
  /// 评价
  case rate(level: String, realName: Bool, comment: String)
  /// 延长审批 — approved by a supervisor.
  case extendLimit(days: Int, reason: String)

  public var step: ApplicationStep {
    switch self {
    case .checkMaterials: return .checkMaterials
    case .passPreReview: return .preReview
    case .accept: return .accept
    case .requestSupplement: return .requestSupplement
    case .recordSupplement: return .recordSupplement
    case .refuse: return .refuse
    case .startReview: return .startReview
    case .stopClock: return .stopClock
    case .resumeClock: return .resumeClock
    case .decide: return .decide
    case .conclude: return .conclude
    case .withdraw: return .withdraw
    case .rate: return .rate
    case .extendLimit: return .extendLimit
    }
  }

  /// What is tried, as the refusal log and the permission message word it; the action says who
  /// may (受理 desk or the implementing organisation's handlers).
  public var action: Action { step.action }
}

/// 办件操作的决定 — turns a command into the change to record, or says why not.
extension ApplicationMachine {
  /// The change for `command` on `state`, checked by the state machine before any notice number
  /// is taken.
  ///
  /// - Parameter number: gives the next document number of a series (called at most once, only
  ///   when the change is allowed).
  /// - Throws: `Refusal` when the command is not allowed now.
  static func decided(
    _ state: Application, _ command: ApplicationCommand, _ c: StepContext,
    number: (NoticeKind) throws -> String
  ) throws -> (change: ApplicationChange, state: Application) {
    let trial = try change(for: command, state, notice: "")
    if case .failure(let r) = ApplicationMachine.next(state, trial.change, c) { throw r }
    // Checked here, not at fold: conclusions recorded before the rule still apply.
    if case .concluded(let p) = trial.change, let decision = state.decision,
      let r = ApplicationRules.checkCertificate(p, decision: decision, item: state.item)
    {
      throw r
    }
    let notice = try trial.kind.map(number) ?? ""
    let final = try change(for: command, state, notice: notice).change
    switch ApplicationMachine.next(state, final, c) {
    case .success(let next): return (final, next)
    case .failure(let r): throw r
    }
  }

  static func trim(_ s: String) -> String { s.trimmingSpacesAndNewlines() }

  /// The change a command asks for, and the series of the notice it produces.
  static func change(for command: ApplicationCommand, _ s: Application, notice: String) throws
    -> (change: ApplicationChange, kind: NoticeKind?)
  {
    switch command {
    case .checkMaterials(let m): return (.materialsChecked(MaterialsPayload(materials: m)), nil)
    case .passPreReview(let o): return (.preReviewPassed(TextPayload(text: trim(o))), nil)
    case .accept: return (.accepted(NoticePayload(notice: notice)), .acceptance)
    case .requestSupplement(let items, let other):
      let cleaned = items.map {
        MaterialDeficiency(index: $0.index, status: $0.status, note: trim($0.note))
      }
      return (
        .supplementRequested(SupplementPayload(items: cleaned, other: trim(other), notice: notice)),
        .supplement
      )
    case .recordSupplement(let m): return (.supplemented(MaterialsPayload(materials: m)), nil)
    case .refuse(let reason):
      return (.notAccepted(ReasonNoticePayload(reason: trim(reason), notice: notice)), .refusal)
    case .startReview(let o): return (.reviewStarted(TextPayload(text: trim(o))), nil)
    case .stopClock(let kind, let days, let reason):
      return (
        .clockStopped(
          ClockStopPayload(kind: kind, days: days, reason: trim(reason), notice: notice)),
        .clockStop
      )
    case .resumeClock(let note): return (.clockResumed(TextPayload(text: trim(note))), nil)
    case .decide(let d, let reason):
      return (.decided(DecisionPayload(decision: d, reason: trim(reason))), nil)
    case .conclude(let input):
      guard let fen = ApplicationRules.parseFee(input.fee) else {
        throw Refusal("收费金额应为元,最多两位小数(如 12.50),不收费请留空")
      }
      let payload = ConclusionPayload(
        certificateName: trim(input.certificateName),
        certificateNumber: trim(input.certificateNumber), delivery: input.delivery,
        trackingNumber: trim(input.trackingNumber).uppercased(), feeFen: fen, notice: notice)
      return (.concluded(payload), s.decision == .denied ? .denial : .conclusion)
    case .withdraw(let reason): return (.withdrawn(TextPayload(text: trim(reason))), nil)
    case .extendLimit(let days, let reason):
      return (
        .limitExtended(LimitExtensionPayload(days: days, reason: trim(reason), notice: notice)),
        .extension
      )
    case .rate(let level, let realName, let comment):
      return (
        .rated(RatingPayload(level: level, realName: realName, comment: trim(comment))), nil
      )
    }
  }
}
