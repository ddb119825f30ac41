import Domain

extension Store {
  /// A complaint as its events make it, unmasked: for the store's own steps, never a screen.
  func complaint(id: String) throws -> Complaint? {
    try caseState(ComplaintMachine.self, id)
  }

  /// A complaint as `staff` may read it (the case view's source), nil if there is none.
  /// `revealed` asks for a confidential case's content, which comes only when the journal holds
  /// the operator's own recorded view of it (查看保密内容,第二十九条).
  public func complaint(id: String, for staff: Staff, revealed: Bool = false) throws
    -> VisibleComplaint?
  {
    let events = try Journal.events(stream: ComplaintMachine.stream(id), db: db)
    guard !events.isEmpty, let c = ComplaintMachine.fold(events, foldContext).state else {
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
        handledByRegistrant: own.kind != .district && concerned.code == own.code,
        ticketNumber: d.ticketNumber.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 },
        anonymousReason: d.anonymousReason.map { $0.trimmingSpacesAndNewlines() }
          .flatMap { $0.isEmpty ? nil : $0 },
        relatedCase: try d.relatedCase.flatMap { try caseNumber(named: $0) })
      let id = try tx.nextCaseID()
      try tx.append([
        try ComplaintMachine.draft(
          nil, .registered(registration), id: id, on: tx.today, calendar: tx.calendar
        ).get()
      ])
      return id
    }
  }
}
