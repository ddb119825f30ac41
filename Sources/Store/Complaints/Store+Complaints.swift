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
  /// Who handles it is the registration's rule (`ComplaintRegistration(_:limitDays:…)`).
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
        d, limitDays: try ruleTable().limit(for: d.urgency), concerned: concerned,
        registering: own, relatedCase: try d.relatedCase.flatMap { try caseNumber(named: $0) })
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
