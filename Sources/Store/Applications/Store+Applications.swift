import Domain
import Foundation

/// 受理登记 commands: each re-reads the case inside its transaction, lets the state machine decide,
/// and appends one event.
extension Store {
  /// Setting key of the 网上预审 limit (working days), district data.
  public static let preReviewDaysKey = "application.preReviewDays"

  /// The 网上预审 limit in force: the district's setting, else the law's five days.
  public func preReviewDays() throws -> Int {
    let text = try db.value(
      "value", of: "setting", as: String.self, "SELECT value FROM setting WHERE key = ?",
      [Store.preReviewDaysKey])
    guard let text, let n = Int(text), ApplicationRules.preReviewDayRange.contains(n) else {
      return ApplicationRules.defaultPreReviewDays
    }
    return n
  }

  /// Sets the 网上预审 limit for applications registered from now on (district admins).
  public func setPreReviewDays(_ days: Int, by admin: Staff) throws {
    try write(as: admin, ApplicationActions.configurePreReview, subject: "setting") { tx in
      try requireDistrict(for: "网上预审时限")
      let r = ApplicationRules.preReviewDayRange
      guard r.contains(days) else {
        throw Refusal("网上预审时限应为\(r.lowerBound)至\(r.upperBound)个工作日")
      }
      try tx.append([
        SettingReducer.changed(Store.preReviewDaysKey, to: String(days))
      ])
    }
  }

  /// Whether the organisation is a service centre (kind `district`): its counters take in
  /// applications for every item.
  public func isServiceCentre(_ org: String) throws -> Bool {
    try db.value(
      "kind", of: "org", as: String.self, "SELECT kind FROM org WHERE code = ?", [org])
      == Organisation.Kind.district.rawValue
  }

  /// The case as the fold of its events (nil when there is no such case).
  public func application(caseID: String) throws -> Application? {
    try caseState(ApplicationMachine.self, caseID)
  }

  /// 登记 — a new case number, the item's current version snapshotted into the case.
  public func registerApplication(
    _ input: RegistrationInput, items: ItemDirectory, by staff: Staff
  ) throws -> ApplicationResult {
    guard let found = try items.directoryItem(code: input.itemCode) else {
      throw Refusal("事项编码「\(FieldText.sanitizeForDisplay(input.itemCode))」不存在")
    }
    let action = ApplicationActions.register
    let org = ApplicationActions.organisation(
      for: action, staff: staff, implementing: found.snapshot.organisation,
      staffAtServiceCentre: try isServiceCentre(staff.org))
    return try write(as: staff, action, organisation: org, subject: "application/new") { tx in
      // Re-read inside the transaction: the item may have been suspended a moment ago.
      guard let item = try items.directoryItem(code: input.itemCode) else {
        throw Refusal("事项编码「\(input.itemCode)」不存在")
      }
      if let r = item.registrationRefusal { throw r }
      let caseID = try tx.nextCaseID()
      let (a, draft) = try ApplicationMachine.registration(
        of: input.applicant, channel: input.channel, note: input.note, materials: input.materials,
        item: item, registeredOrg: staff.org, preReviewDays: try preReviewDays(),
        assistance: input.assistance, stepContext(caseID: caseID, tx: tx)
      ).get()
      try tx.append([draft])
      return ApplicationResult(application: a, notices: [])
    }
  }

  /// Why the operator may not take this step on the case (nil: they may), without trying it:
  /// the pane says so before the clerk fills in a form (`reproduceNotice` has no step).
  public func applicationPermission(_ action: Action, on a: Application, by staff: Staff)
    -> Refusal?
  {
    ApplicationMachine.permission(a, action, caseContext(staff, nil, at: Date()))
  }

  /// 视为受理 — records the law's acceptance of one case if its pre-review limit has passed.
  /// - Returns: whether an event was written.
  @discardableResult
  public func recordDeemedAcceptance(caseID: String) throws -> Bool {
    // Only the owning node writes it, so two nodes never both do.
    guard caseID.hasPrefix(node.code + "-") else { return false }
    // Only a case the projection shows waiting for pre-review can be deemed accepted: the others
    // (nearly all) are answered by one indexed row instead of a fold.
    guard try db.fetchInt(Self.preReviewCheckSQL, [caseID]) == 1 else { return false }
    return try write(actor: ApplicationMachine.systemActor) { tx in
      guard let a = try application(caseID: caseID),
        let draft = ApplicationMachine.deemedAcceptance(
          a, today: tx.today, stepContext(caseID: caseID, tx: tx))
      else { return false }
      try tx.append([draft])
      return true
    }
  }

  /// The online applications awaiting pre-review: read from the partial index that holds just
  /// them (`application_awaiting_prereview`), however many cases are open.
  static let preReviewCandidatesSQL =
    "SELECT case_id FROM application WHERE status = 'awaitingPreReview' AND is_open = 1 ORDER BY case_id"

  /// One candidate, by its case number: one row of the table.
  static let preReviewCheckSQL =
    "SELECT count(*) FROM application WHERE case_id = ? AND is_open = 1 AND status = 'awaitingPreReview'"

  /// Records every deemed acceptance now due on this node's cases (the pane does this when it
  /// opens; `zwfw applications sweep` from cron does it on a node nobody opens).
  /// - Returns: the case numbers deemed accepted.
  @discardableResult
  public func recordDeemedAcceptances() throws -> [String] {
    let candidates = try db.values(
      "case_id", of: "application", as: String.self,
      Self.preReviewCandidatesSQL)
    return try candidates.filter { try recordDeemedAcceptance(caseID: $0) }
  }

  /// The step context of an event appended now: the same day and instant the journal records.
  func stepContext(caseID: String, tx: WriteContext) -> StepContext {
    StepContext(caseID: caseID, at: tx.now, zone: zone, actor: tx.actor, calendar: calendar)
  }
}
