/// Commands on a complaint: the payloads are built here from what the clerk entered, and every
/// event goes through `check` (the rules the fold applies too) before it is returned.
extension ComplaintMachine: CaseMachine {
  public static func missing(_ id: String) -> Refusal { Refusal("投诉建议 \(id) 不存在") }

  public static func decide(_ c: Complaint, _ command: ComplaintCommand, _ context: CaseContext)
    -> Result<[EventDraft], Refusal>
  {
    Result { try drafts(c, command, context) }.mapError {
      $0 as? Refusal ?? Refusal("操作失败:\($0)")
    }
  }

  static func drafts(_ c: Complaint, _ command: ComplaintCommand, _ context: CaseContext) throws
    -> [EventDraft]
  {
    let lookup = context.lookup
    func one(_ change: ComplaintChange) throws -> [EventDraft] {
      [try event(c, change, context)]
    }
    switch command {
    case .dispatch(let org):
      guard let o = try lookup.organisation(org) else {
        throw Refusal("单位「\(FieldText.sanitizeForDisplay(org))」不存在")
      }
      return try one(
        .dispatched(
          ComplaintDispatchPayload(
            org: o.code, orgName: o.name, returnWindowDays: try lookup.ruleTable().returnWindow)))
    case .reject(let reason, let note):
      return try one(.rejected(ComplaintRejectionPayload(reason: reason, note: note)))
    case .return(let reason): return try one(.returned(ComplaintText(text: reason)))
    case .requestExtension(let days, let reason):
      return try one(.extensionRequested(ExtensionRequestPayload(days: days, reason: reason)))
    case .decideExtension(let approved, let note):
      return try one(.extensionDecided(ExtensionDecisionPayload(approved: approved, note: note)))
    case .conclude(let kind, let text): return try conclusion(c, kind, text, context)
    case .callBack(let method, let satisfaction, let notes, let days):
      return try one(
        .calledBack(
          CallbackPayload(
            method: method, satisfaction: satisfaction, notes: notes,
            reopenDays: satisfaction == .unsatisfied ? days : nil)))
    case .noCallback(let reason):
      return try one(.notCalledBack(NoCallbackPayload(reason: reason.trimmingSpacesAndNewlines())))
    case .merge(let primary): return try merge(c, into: primary, context)
    case .split: return try split(c, context)
    case .viewContent: return try one(.contentViewed)
    }
  }

  /// The event recording `change` on `state` (nil: a new case `id`), after the rules.
  public static func draft(
    _ state: Complaint?, _ change: ComplaintChange, id: String, on date: CivilDate,
    calendar: WorkCalendar
  ) -> Result<EventDraft, Refusal> {
    if let refusal = check(state, change, on: date, calendar: calendar) {
      return .failure(refusal)
    }
    return .success(change.draft(stream: stream(id)))
  }

  static func event(_ c: Complaint, _ change: ComplaintChange, _ context: CaseContext) throws
    -> EventDraft
  {
    try draft(c, change, id: c.id, on: context.today, calendar: context.calendar).get()
  }

  /// The primary's conclusion answers every case merged into it: each gets its own conclusion
  /// event (and later its own callback), in the same transaction.
  static func conclusion(
    _ c: Complaint, _ kind: ConclusionKind, _ text: String, _ context: CaseContext
  ) throws -> [EventDraft] {
    var out = [
      try event(c, .concluded(ComplaintConclusionPayload(kind: kind, text: text)), context)
    ]
    for sourceID in c.mergedSources {
      guard let source = try context.lookup.complaint(sourceID) else { continue }
      let body = ComplaintConclusionPayload(
        kind: kind, text: text, viaPrimary: c.id, org: c.handlingOrg, orgName: c.handlingOrgName)
      out.append(try event(source, .concluded(body), context))
    }
    return out
  }

  /// 合并 (第三十三条): both sides of the link change in one transaction.
  static func merge(_ source: Complaint, into primaryID: String, _ context: CaseContext) throws
    -> [EventDraft]
  {
    let primaryID = primaryID.trimmingSpaces().uppercased()
    guard let primary = try context.lookup.complaint(primaryID) else {
      throw Refusal("主件 \(FieldText.sanitizeForDisplay(primaryID)) 不存在")
    }
    // A handler merges only within their own organisation; supervisors across organisations.
    if !context.staff.has(.supervisor), primary.handlingOrg != context.staff.org {
      throw Refusal("主件 \(primary.id) 由\(primary.handlingOrgName)办理,只能合并本单位办理的投诉建议")
    }
    return [
      try event(
        source,
        .merged(into: primary.id, org: primary.handlingOrg, orgName: primary.handlingOrgName),
        context),
      try event(primary, .mergeAccepted(from: source.id), context),
    ]
  }

  /// 拆分: the merged case and its primary both record it.
  static func split(_ source: Complaint, _ context: CaseContext) throws -> [EventDraft] {
    guard source.status == .merged, let primaryID = source.mergedInto,
      let primary = try context.lookup.complaint(primaryID)
    else {
      throw Refusal("\(source.id) 没有并入其他投诉建议,无需拆分")
    }
    return [
      try event(source, .split(from: primary.id), context),
      try event(primary, .mergeReleased(of: source.id), context),
    ]
  }

  // MARK: - Availability

  public static func availability(
    _ c: Complaint, _ step: ComplaintStep, _ context: CaseContext
  ) -> Refusal? {
    permission(step, context, organisation: c.handlingOrg, name: c.handlingOrgName)
      ?? stateRefusal(c, step, on: context.today)
  }

  /// The rules of a step that the case's state decides, whatever was entered.
  static func stateRefusal(_ c: Complaint, _ step: ComplaintStep, on date: CivilDate) -> Refusal? {
    switch step {
    case .dispatch: return c.status == .awaitingDispatch ? nil : notIn(c, "分派")
    case .reject: return rejectable(c)
    case .return: return returnable(c, on: date)
    case .requestExtension: return extendable(c, on: date)
    case .decideExtension:
      return c.extensionRequest?.state == .pending ? nil : Refusal("\(c.id) 没有待审批的延期申请")
    case .conclude, .invalidate:
      guard c.status == .handling || c.status == .rectifying else {
        return notIn(c, step == .conclude ? "办结" : "认定无效")
      }
      return nil
    case .callBack:
      guard c.status.awaitsCallback else {
        if c.status == .closed { return Refusal("\(c.id) 已回访结案") }
        return Refusal("\(c.id) 尚未办结(\(c.status.title)),不能回访", article: "第三十四条")
      }
      return nil
    case .merge: return mergeable(c)
    case .split:
      guard c.status == .merged, c.mergedInto != nil else {
        return Refusal("\(c.id) 没有并入其他投诉建议,无需拆分")
      }
      return nil
    case .viewContent: return c.isConfidential ? nil : Refusal("\(c.id) 不涉及保密事项")
    }
  }

  // MARK: - Deadlines

  public static func openDeadlines(_ k: Complaint, _ calendar: WorkCalendar) -> [OpenDeadline] {
    guard let due = k.due else { return [] }
    let round = k.currentRound
    return [
      OpenDeadline(
        kind: streamKind, caseID: k.id, organisation: k.handlingOrg,
        handler: k.status == .awaitingDispatch ? k.dispatcher : k.handler,
        title: k.isConfidential
          ? "保密\(k.registration.type.title)(\(k.registration.confidentiality.title))"
          : k.registration.subject,
        state: stateTitle(k), start: round.startedOn, limitDays: round.limitDays, due: due)
    ]
  }

  /// The state in the clerk's words, with what waits on whom.
  public static func stateTitle(_ k: Complaint) -> String {
    if k.extensionRequest?.state == .pending { return "延期待批" }
    if k.status == .awaitingDispatch && !k.returns.isEmpty { return "已退回待分派" }
    return k.status.title
  }
}
