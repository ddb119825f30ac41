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
    var s = state
    if let r = advance(&s, change, c) { return .failure(r) }
    guard let s else { return .failure(Refusal("办件\(c.caseID)不存在")) }
    return .success(s)
  }

  /// `next` in place (the fold's way: the case is not copied at each event). Every step checks
  /// before it changes anything, so a refused change leaves `state` as it was.
  static func advance(_ state: inout Application?, _ change: ApplicationChange, _ c: StepContext)
    -> Refusal?
  {
    if case .registered(let p) = change {
      guard state == nil else { return Refusal("办件\(c.caseID)已登记,不能重复登记") }
      switch register(p, c) {
      case .success(let a): state = a
      case .failure(let r): return r
      }
      return nil
    }
    // Taken out so the case has one owner while it changes, and put back after.
    guard var s = state.take() else { return Refusal("办件\(c.caseID)不存在") }
    let refusal = advance(case: &s, change, c)
    state = consume s
    return refusal
  }

  /// A step on a registered case, checked before anything changes.
  private static func advance(
    case s: inout Application, _ change: ApplicationChange, _ c: StepContext
  ) -> Refusal? {
    if let r = deemedBarrier(s, change, c) { return r }
    if let step = change.step, let r = stateRefusal(s, step, c) { return r }
    let refusal: Refusal?
    switch change {
    case .registered: return Refusal("办件\(c.caseID)已登记,不能重复登记")
    case .materialsChecked(let p): refusal = checkMaterials(&s, p.materials, c)
    case .preReviewPassed(let p): refusal = passPreReview(&s, p.text, c)
    case .accepted(let p): refusal = accept(&s, p.notice, c)
    case .deemedAccepted(let p): refusal = deem(&s, p, c)
    case .supplementRequested(let p): refusal = requestSupplement(&s, p, c)
    case .supplemented(let p): refusal = supplement(&s, p.materials, c)
    case .notAccepted(let p): refusal = refuse(&s, p, c)
    case .reviewStarted(let p): refusal = startReview(&s, p.text, c)
    case .clockStopped(let p): refusal = stopClock(&s, p, c)
    case .clockResumed(let p): refusal = resumeClock(&s, p.text, c)
    case .decided(let p): refusal = decide(&s, p, c)
    case .concluded(let p): refusal = conclude(&s, p, c)
    case .withdrawn(let p): refusal = withdraw(&s, p.text, c)
    case .rated(let p): refusal = rate(&s, p, c)
    case .limitExtended(let p): refusal = extendLimit(&s, p, c)
    }
    if let refusal { return refusal }
    if c.actor != systemActor, !s.actors.contains(c.actor) {
      s.actors.append(c.actor)
      s.actors.sort()
    }
    return nil
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

  static func checkMaterials(_ n: inout Application, _ m: [MaterialStatus], _ c: StepContext)
    -> Refusal?
  {
    if let r = ApplicationRules.checkChecklist(m, n.item) { return r }
    n.materials = m
    return nil
  }

  static func passPreReview(_ n: inout Application, _ opinion: String, _ c: StepContext)
    -> Refusal?
  {
    written(&n, opinion, "预审意见", required: false) {
      $0.status = .awaitingAcceptance
      $0.preReview = StepRecord(on: c.date, by: c.actor, text: opinion)
    }
  }

  /// A step whose words (`text`, the form's `field`) are checked first, then `change` applied
  /// to the case.
  static func written(
    _ n: inout Application, _ text: String, _ field: String, required: Bool,
    _ change: (inout Application) -> Void
  ) -> Refusal? {
    if let r = ApplicationRules.checkText(text, field, required: required) { return r }
    change(&n)
    return nil
  }

  static func accept(_ n: inout Application, _ notice: String, _ c: StepContext) -> Refusal? {
    n.status = .accepted
    n.acceptedOn = c.date
    n.acceptance = StepRecord(on: c.date, by: c.actor, text: "")
    let due = c.calendar.deadline(receivedAt: c.date, workingDays: n.item.promisedDays)
    n.notices.append(
      IssuedNotice(
        kind: .acceptance, number: notice, issuedOn: c.date, issuedBy: c.actor,
        values: [
          "受理日期": NoticeTemplate.chineseDate(c.date),
          "截止日期": NoticeTemplate.chineseDate(due),
        ]))
    return nil
  }

  static func deem(_ n: inout Application, _ p: DeemedAcceptancePayload, _ c: StepContext)
    -> Refusal?
  {
    guard n.status == .awaitingPreReview, let end = n.preReviewLimitEnd(c.calendar) else {
      return Refusal("办件\(n.caseID)\(n.status.title),不适用视为受理")
    }
    guard c.date > end else { return Refusal("网上预审时限到\(end.iso)为止,尚未届满,不能视为受理") }
    // > 逾期不告知的,自收到申请材料之日起即为受理。(行政许可法 第三十二条)
    n.status = .accepted
    n.acceptedOn = n.intakeStartedOn
    n.deemedOn = c.date
    return nil
  }
}
