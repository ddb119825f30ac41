/// 投诉建议 stream `complaint/CASE-ID`: the state machine of 第二十八至三十四条.
///
/// `check` holds every rule; `draft` (before an event is written) and `apply` (folding events,
/// including ones made offline on another node) both run it, so a rule cannot be enforced at the
/// window and forgotten in the fold. The date of a change is the event's date in the deployment
/// zone; deadlines are recomputed from dates and day counts with the calendar in force, so a
/// holiday notice imported later moves them correctly.
public enum ComplaintMachine: StreamReducer {
  public static let streamKind = "complaint"

  public static func apply(_ state: Complaint?, _ event: Event, _ context: FoldContext) -> Result<
    Complaint, Refusal
  > {
    applying(state, event, context)
  }

  /// In place: `check` refuses before anything changes, and `mutate` is then given the only
  /// reference to the complaint, so it is not copied at each event.
  public static func apply(to state: inout Complaint?, _ event: Event, _ context: FoldContext)
    -> Refusal?
  {
    if let work = applyWork(state, event, context) { return settle(&state, work) }
    guard let change = ComplaintChange.decode(event) else {
      return Refusal("投诉建议事件 \(event.type) 内容无法解析")
    }
    let id = String(splitStream(event.stream).id)
    let date = context.zone.civilDate(event.date)
    if let refusal = check(state, change, on: date, calendar: context.calendar) { return refusal }
    guard
      let next = mutate(
        state.take(), change, id: id, actor: event.actor, on: date, calendar: context.calendar)
    else { return Refusal("投诉建议 \(id) 尚未登记") }
    state = next
    return nil
  }

  // MARK: - The new state

  static func mutate(
    _ state: consuming Complaint?, _ change: ComplaintChange, id: String, actor: String,
    on date: CivilDate,
    calendar: WorkCalendar
  ) -> Complaint? {
    if case .registered(let r) = change {
      let round = ComplaintRound(
        number: 1, startedOn: date, limitDays: r.limitDays,
        due: roundDue(from: date, days: r.limitDays, calendar))
      var c = Complaint(
        id: id, registration: r, registeredOn: date, registeredBy: actor,
        status: r.handledByRegistrant ? .handling : .awaitingDispatch, rounds: [round])
      if r.handledByRegistrant { c.handler = actor } else { c.dispatcher = actor }
      return c
    }
    // `check` refuses every other change on a missing case.
    guard var c = state.take() else { return nil }
    switch change {
    case .registered: break
    case .rejected(let b):
      c.status = .rejected
      c.rejection = RejectionRecord(reason: b.reason, note: b.note, by: actor, on: date)
    case .dispatched(let b):
      c.status = .handling
      c.handlingOrg = b.org
      c.handlingOrgName = b.orgName
      c.dispatcher = actor
      c.handler = nil
      c.dispatchedOn = date
      c.returnUntil = returnUntil(dispatchedOn: date, days: b.returnWindowDays, calendar)
    case .returned(let b):
      c.returns.append(
        ReturnRecord(
          org: c.handlingOrg, orgName: c.handlingOrgName, reason: b.text, by: actor, on: date))
      c.status = .awaitingDispatch
      c.handlingOrg = c.registration.registeringOrg
      c.handlingOrgName = c.registration.registeringOrgName
      c.handler = nil
      c.dispatchedOn = nil
      c.returnUntil = nil
    case .merged(let primary, let org, let orgName):
      c.statusBeforeMerge = c.status
      c.status = .merged
      c.mergedInto = primary
      // The merged case follows its primary to the organisation handling it.
      if let org {
        c.orgBeforeMerge = c.handlingOrg
        c.orgNameBeforeMerge = c.handlingOrgName
        c.handlingOrg = org
        c.handlingOrgName = orgName ?? org
      }
    case .mergeAccepted(let source):
      c.mergedSources.append(source)
    case .split:
      c.status = c.statusBeforeMerge ?? .awaitingDispatch
      c.statusBeforeMerge = nil
      c.mergedInto = nil
      if let org = c.orgBeforeMerge {
        c.handlingOrg = org
        c.handlingOrgName = c.orgNameBeforeMerge ?? org
      }
      c.orgBeforeMerge = nil
      c.orgNameBeforeMerge = nil
    case .mergeReleased(let source):
      c.mergedSources.removeAll { $0 == source }
    case .extensionRequested(let b):
      c.extensionRequest = ExtensionRecord(
        days: b.days, reason: b.reason, requestedBy: actor, requestedOn: date, state: .pending)
      c.handler = c.handler ?? actor
    case .extensionDecided(let b):
      guard var x = c.extensionRequest else { break }
      x.state = b.approved ? .approved : .refused
      x.decidedBy = actor
      x.decidedOn = date
      x.note = b.note
      c.extensionRequest = x
      if b.approved, var round = c.rounds.popLast() {
        round.due = extended(round.due, by: x.days, calendar)
        round.extendedDays = x.days
        c.rounds.append(round)
      }
    case .concluded(let b):
      conclude(&c, b, actor: actor, on: date)
    case .calledBack(let b):
      callBack(&c, b, actor: actor, on: date, calendar: calendar)
    case .notCalledBack(let b):
      guard var round = c.rounds.popLast() else { break }
      round.noCallback = NoCallbackRecord(reason: b.reason, by: actor, on: date)
      c.rounds.append(round)
      c.status = .closed
    case .contentViewed:
      c.contentViews += 1
    }
    return c
  }

  static func conclude(
    _ c: inout Complaint, _ b: ComplaintConclusionPayload, actor: String, on date: CivilDate
  ) {
    guard var round = c.rounds.popLast() else { return }
    round.conclusion = ConclusionRecord(
      kind: b.kind, text: b.text, by: actor, on: date, onTime: date <= round.due,
      viaPrimary: b.viaPrimary)
    c.rounds.append(round)
    c.status = b.kind == .resolved ? .concluded : .invalid
    c.statusBeforeMerge = nil
    c.orgBeforeMerge = nil
    c.orgNameBeforeMerge = nil
    if c.extensionRequest?.state == .pending { c.extensionRequest?.state = .withdrawn }
    if b.viaPrimary != nil, let org = b.org {
      c.handlingOrg = org
      c.handlingOrgName = b.orgName ?? org
    } else {
      c.handler = c.handler ?? actor
    }
  }

  static func callBack(
    _ c: inout Complaint, _ b: CallbackPayload, actor: String, on date: CivilDate,
    calendar: WorkCalendar
  ) {
    guard var round = c.rounds.popLast() else { return }
    round.callback = CallbackRecord(
      method: b.method, satisfaction: b.satisfaction, notes: b.notes, by: actor, on: date)
    c.rounds.append(round)
    guard b.satisfaction == .unsatisfied, let days = b.reopenDays else {
      c.status = .closed
      return
    }
    // > 及时核实整改企业和群众对处理结果不满意的问题 (第三十四条): a new round with its own deadline.
    c.status = .rectifying
    c.rounds.append(
      ComplaintRound(
        number: round.number + 1, startedOn: date, limitDays: days,
        due: roundDue(from: date, days: days, calendar)))
  }
}
