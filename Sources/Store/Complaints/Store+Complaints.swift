import Domain

extension Store {
  /// A complaint as its events make it (the case view's source), nil if there is none.
  public func complaint(id: String) throws -> Complaint? {
    try caseState(ComplaintMachine.self, id)
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
      try tx.append([
        try ComplaintMachine.draft(
          nil, .registered(registration), id: id, on: tx.today, calendar: tx.calendar
        ).get()
      ])
      return id
    }
  }
}
