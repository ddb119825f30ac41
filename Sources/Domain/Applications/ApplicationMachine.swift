/// What a transition may consult besides the state and the change: the day, who, the calendar.
public struct StepContext: Sendable {
  public var caseID: String
  /// The civil day of the event in the deployment zone.
  public var date: CivilDate
  /// Milliseconds since 1970.
  public var timestamp: Int64
  public var actor: String
  public var calendar: WorkCalendar
}

/// 办件状态机 — every rule of an application's life in one total function.
///
/// The reducer folds events through `next`; the commands build a change and run it through `next`
/// before it becomes an event. So a rule is written once, and an event that breaks it (made
/// offline on another node) becomes a conflict record instead of a corrupt state.
public enum ApplicationMachine {
  public static let streamKind = "application"

  /// The login recorded for steps the law takes by itself (视为受理).
  public static let systemActor = "system"

  public static func next(
    _ state: Application?, _ change: ApplicationChange, _ c: StepContext
  ) -> Result<Application, Refusal> {
    if case .registered(let p) = change {
      guard state == nil else { return .failure(Refusal("办件\(c.caseID)已登记,不能重复登记")) }
      return register(p, c)
    }
    guard var s = state else { return .failure(Refusal("办件\(c.caseID)不存在")) }
    if let r = deemedBarrier(s, change, c) { return .failure(r) }
    if let step = change.step, let r = stateRefusal(s, step, c) { return .failure(r) }
    let result: Result<Application, Refusal>
    switch change {
    case .registered: return .failure(Refusal("办件\(c.caseID)已登记,不能重复登记"))
    case .materialsChecked(let p): result = checkMaterials(s, p.materials, c)
    case .preReviewPassed(let p): result = passPreReview(s, p.text, c)
    case .accepted(let p): result = accept(s, p.notice, c)
    case .deemedAccepted(let p): result = deem(s, p, c)
    case .supplementRequested(let p): result = requestSupplement(s, p, c)
    case .supplemented(let p): result = supplement(s, p.materials, c)
    case .notAccepted(let p): result = refuse(s, p, c)
    case .reviewStarted(let p): result = startReview(s, p.text, c)
    case .clockStopped(let p): result = stopClock(s, p, c)
    case .clockResumed(let p): result = resumeClock(s, p.text, c)
    case .decided(let p): result = decide(s, p, c)
    case .concluded(let p): result = conclude(s, p, c)
    case .withdrawn(let p): result = withdraw(s, p.text, c)
    case .rated(let p): result = rate(s, p, c)
    case .limitExtended(let p): result = extendLimit(s, p, c)
    }
    guard case .success(let next) = result else { return result }
    s = next
    if c.actor != systemActor, !s.actors.contains(c.actor) {
      s.actors.append(c.actor)
      s.actors.sort()
    }
    return .success(s)
  }

  // MARK: - Intake

  static func register(_ p: ApplicationRegistered, _ c: StepContext) -> Result<
    Application, Refusal
  > {
    if let r = ApplicationRules.checkRegistration(p, on: c.date) { return .failure(r) }
    if let r = PlatformSubmission.check(p.platform, channel: p.channel, c) { return .failure(r) }
    let status: ApplicationStatus =
      p.channel.isSelfSubmitted ? .awaitingPreReview : .awaitingAcceptance
    return .success(
      Application(
        caseID: c.caseID, item: p.item, applicant: p.applicant, channel: p.channel, note: p.note,
        registeredOn: c.date, registeredAt: c.timestamp, registeredBy: c.actor,
        registeredOrg: p.registeredOrg, preReviewDays: p.preReviewDays, platform: p.platform,
        package: p.package, status: status, materials: p.materials,
        intakeStartedOn: p.platform?.appliedOn ?? c.date, actors: [c.actor],
        assistance: p.assistance))
  }

  /// An online application not pre-reviewed within the limit is accepted by law: after the limit
  /// only the deemed acceptance itself may land on it.
  static func deemedBarrier(_ s: Application, _ change: ApplicationChange, _ c: StepContext)
    -> Refusal?
  {
    if case .deemedAccepted = change { return nil }
    return deemedBarrier(s, c)
  }

  /// Why no clerk's step may land on `s` now: the law has accepted it.
  static func deemedBarrier(_ s: Application, _ c: StepContext) -> Refusal? {
    guard s.status == .awaitingPreReview, let end = s.preReviewLimitEnd(c.calendar),
      c.date > end
    else { return nil }
    return Refusal(
      "网上申请超过\(s.preReviewDays)个工作日(\(end.iso)前)未预审,依法视为受理,不能再作预审或受理决定",
      article: "行政许可法第三十二条")
  }

  static func requireIntake(_ s: Application, _ what: String) -> Refusal? {
    guard s.status.isIntake else {
      return Refusal("办件\(s.caseID)\(s.status.title),不能\(what)")
    }
    return nil
  }

  static func checkMaterials(_ s: Application, _ m: [MaterialStatus], _ c: StepContext) -> Result<
    Application, Refusal
  > {
    if let r = ApplicationRules.checkChecklist(m, s.item) { return .failure(r) }
    var n = s
    n.materials = m
    return .success(n)
  }

  static func passPreReview(_ s: Application, _ opinion: String, _ c: StepContext) -> Result<
    Application, Refusal
  > {
    written(s, opinion, "预审意见", required: false) {
      $0.status = .awaitingAcceptance
      $0.preReview = StepRecord(on: c.date, by: c.actor, text: opinion)
    }
  }

  /// A step whose words (`text`, the form's `field`) are checked first, then `change` applied
  /// to the case.
  static func written(
    _ s: Application, _ text: String, _ field: String, required: Bool,
    _ change: (inout Application) -> Void
  ) -> Result<Application, Refusal> {
    if let r = ApplicationRules.checkText(text, field, required: required) { return .failure(r) }
    var n = s
    change(&n)
    return .success(n)
  }

  static func accept(_ s: Application, _ notice: String, _ c: StepContext) -> Result<
    Application, Refusal
  > {
    var n = s
    n.status = .accepted
    n.acceptedOn = c.date
    n.acceptance = StepRecord(on: c.date, by: c.actor, text: "")
    let due = c.calendar.deadline(receivedAt: c.date, workingDays: s.item.promisedDays)
    n.notices.append(
      IssuedNotice(
        kind: .acceptance, number: notice, issuedOn: c.date, issuedBy: c.actor,
        values: [
          "受理日期": NoticeTemplate.chineseDate(c.date),
          "截止日期": NoticeTemplate.chineseDate(due),
        ]))
    return .success(n)
  }

  static func deem(_ s: Application, _ p: DeemedAcceptancePayload, _ c: StepContext) -> Result<
    Application, Refusal
  > {
    guard s.status == .awaitingPreReview, let end = s.preReviewLimitEnd(c.calendar) else {
      return .failure(Refusal("办件\(s.caseID)\(s.status.title),不适用视为受理"))
    }
    guard c.date > end else {
      return .failure(Refusal("网上预审时限到\(end.iso)为止,尚未届满,不能视为受理"))
    }
    var n = s
    // > 逾期不告知的,自收到申请材料之日起即为受理。(行政许可法 第三十二条)
    n.status = .accepted
    n.acceptedOn = s.intakeStartedOn
    n.deemedOn = c.date
    return .success(n)
  }
}
