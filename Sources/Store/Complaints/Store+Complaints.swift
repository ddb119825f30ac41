import Domain

extension Store {
  /// A complaint as its events make it, unmasked: for the store's own steps, never a screen.
  func complaint(id: String) throws -> Complaint? {
    let events = try Journal.events(stream: ComplaintReducer.stream(id), db: db)
    guard !events.isEmpty else { return nil }
    return ComplaintReducer.fold(events, foldContext).state
  }

  /// A complaint as `staff` may read it (the case view's source), nil if there is none.
  /// `revealed` asks for a confidential case's content, which comes only when the journal holds
  /// the operator's own recorded view of it (查看保密内容,第二十九条).
  public func complaint(id: String, for staff: Staff, revealed: Bool = false) throws
    -> VisibleComplaint?
  {
    let events = try Journal.events(stream: ComplaintReducer.stream(id), db: db)
    guard !events.isEmpty, let c = ComplaintReducer.fold(events, foldContext).state else {
      return nil
    }
    let recorded =
      revealed
      && events.contains { $0.type == .complaintContentViewed && $0.actor == staff.login }
    return Visibility(staff).masked(c, revealed: recorded)
  }

  /// 登记 — registers what the clerk entered; the limit comes from the rule table now in force.
  ///
  /// Registered at the district (an organisation of kind 区级) it waits for a dispatcher; a
  /// township or department registering what it received handles it itself when it concerns
  /// that township or department, and otherwise leaves it to the district to dispatch.
  /// - Returns: the new case number.
  @discardableResult
  public func registerComplaint(_ d: ComplaintDraft, by staff: Staff) throws -> String {
    try write(as: staff, .registerComplaint, subject: "complaint") { tx in
      guard let own = try organisation(staff.org) else {
        throw Refusal("单位「\(staff.org)」不存在")
      }
      guard let concerned = try organisation(d.concernedOrg) else {
        throw Refusal("涉及单位「\(FieldText.sanitizeForDisplay(d.concernedOrg))」不存在")
      }
      let registration = ComplaintRegistration(
        channel: d.channel, type: d.type, urgency: d.urgency,
        limitDays: try ruleTable().limit(for: d.urgency),
        subject: d.subject.trimmingSpacesAndNewlines(),
        content: d.content.trimmingSpacesAndNewlines(),
        complainant: d.complainant.trimmingSpaces(),
        contact: d.contact.trimmingSpaces(), concernedOrg: concerned.code,
        concernedOrgName: concerned.name, confidentiality: d.confidentiality,
        registeringOrg: own.code, registeringOrgName: own.name,
        // What concerns another organisation is not the registrant's to handle: it goes to
        // the district platform for dispatch, as the form's footer says.
        handledByRegistrant: own.kind != .district && concerned.code == own.code)
      let id = try tx.nextCaseID()
      try tx.append([try decided(nil, .registered(registration), id: id, tx)])
      return id
    }
  }

  /// 办理 — one step on a case (dispatch, return, extension, conclusion, callback, merge …):
  /// permission for the case's organisation, then the rules, in one transaction.
  public func perform(_ step: ComplaintStep, on id: String, by staff: Staff) throws {
    guard let before = try complaint(id: id) else { throw Refusal("投诉建议 \(id) 不存在") }
    try write(
      as: staff, step.action, organisation: before.handlingOrg,
      subject: ComplaintReducer.stream(id)
    ) { tx in
      // Re-read inside the lock: another clerk may have acted since the screen was drawn.
      guard let c = try complaint(id: id) else { throw Refusal("投诉建议 \(id) 不存在") }
      if let r = Permission.check(
        staff, step.action, organisation: c.handlingOrg, organisationName: c.handlingOrgName)
      {
        throw r
      }
      try tx.append(try drafts(for: step, on: c, by: staff, tx))
    }
  }

  func drafts(for step: ComplaintStep, on c: Complaint, by staff: Staff, _ tx: WriteContext)
    throws -> [EventDraft]
  {
    switch step {
    case .dispatch(let org):
      guard let o = try organisation(org) else {
        throw Refusal("单位「\(FieldText.sanitizeForDisplay(org))」不存在")
      }
      let body = ComplaintDispatchBody(
        org: o.code, orgName: o.name, returnWindowDays: try ruleTable().returnWindow)
      return [try decided(c, .dispatched(body), id: c.id, tx)]
    case .reject(let reason, let note):
      let body = ComplaintRejectionBody(reason: reason, note: note)
      return [try decided(c, .rejected(body), id: c.id, tx)]
    case .return(let reason):
      return [try decided(c, .returned(ComplaintText(text: reason)), id: c.id, tx)]
    case .requestExtension(let days, let reason):
      let body = ExtensionRequestBody(days: days, reason: reason)
      return [try decided(c, .extensionRequested(body), id: c.id, tx)]
    case .decideExtension(let approved, let note):
      let body = ExtensionDecisionBody(approved: approved, note: note)
      return [try decided(c, .extensionDecided(body), id: c.id, tx)]
    case .conclude(let kind, let text):
      return try conclusionDrafts(c, kind, text, tx)
    case .callBack(let method, let satisfaction, let notes, let days):
      let body = CallbackBody(
        method: method, satisfaction: satisfaction, notes: notes,
        reopenDays: satisfaction == .unsatisfied ? days : nil)
      return [try decided(c, .calledBack(body), id: c.id, tx)]
    case .merge(let primary): return try mergeDrafts(c, into: primary, by: staff, tx)
    case .split: return try splitDrafts(c, tx)
    case .viewContent:
      guard c.isConfidential else { throw Refusal("\(c.id) 不涉及保密事项") }
      return [try decided(c, .contentViewed, id: c.id, tx)]
    }
  }

  /// The primary's conclusion answers every case merged into it: each gets its own conclusion
  /// event (and later its own callback), in the same transaction.
  func conclusionDrafts(
    _ c: Complaint, _ kind: ConclusionKind, _ text: String, _ tx: WriteContext
  ) throws -> [EventDraft] {
    var out = [try decided(c, .concluded(ConclusionBody(kind: kind, text: text)), id: c.id, tx)]
    for sourceID in c.mergedSources {
      guard let source = try complaint(id: sourceID) else { continue }
      let body = ConclusionBody(
        kind: kind, text: text, viaPrimary: c.id, org: c.handlingOrg, orgName: c.handlingOrgName)
      out.append(try decided(source, .concluded(body), id: sourceID, tx))
    }
    return out
  }

  func decided(_ c: Complaint?, _ change: ComplaintChange, id: String, _ tx: WriteContext) throws
    -> EventDraft
  {
    switch ComplaintReducer.decide(c, change, id: id, on: tx.today, calendar: tx.calendar) {
    case .success(let d): return d
    case .failure(let r): throw r
    }
  }
}
