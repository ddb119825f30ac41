/// 案件办理记录 on every kind of case, once: a machine that keeps case work says which
/// organisation works a case and what an assignment or a redirection does to its own state; the
/// availability, the decision and the fold of notes, assignment and redirection are here.
public protocol CaseWorkMachine: CaseMachine where State: CaseWorkState {
  /// The case's number (its stream's id).
  static func caseID(_ s: State) -> String
  /// The organisation working the case now: its staff write notes and are assigned.
  static func workingOrganisation(_ s: State) -> (code: String, name: String)
  /// Other organisations whose staff may write notes on it (the registering desk).
  static func noteOrganisations(_ s: State) -> [String]
  /// Whether the case is still being worked (assignment and redirection need it).
  static func isOpen(_ s: State) -> Bool
  /// Who works the case inside the organisation now (nil: nobody yet).
  static func assignee(_ s: State) -> String?
  /// What an assignment does to the machine's own state (a complaint's handler).
  static func assigned(_ s: inout State, to login: String)
  /// Why the case may not be redirected now (nil: it may).
  static func redirectRefusal(_ s: State) -> Refusal?
  /// Moves the case to another organisation; the deadline stays (the rule gives no new one).
  static func redirected(_ s: inout State, to org: String, name: String, on date: CivilDate)

  /// 更正: the registration fields a correction may change, in form order.
  static var correctableFields: [CorrectableField] { get }
  /// A field's value now, as a correction records it.
  static func value(_ s: State, of field: String) -> String?
  /// Sets a corrected value, checked as at registration; why not, or nil when done.
  static func correct(
    _ s: inout State, _ p: CaseCorrectionPayload, on date: CivilDate, calendar: WorkCalendar
  ) -> Refusal?
  /// The limit the corrected value gives the case by the rule (nil: the deadline does not
  /// depend on the field).
  static func correctedLimit(_ s: State, field: String, value: String, _ context: CaseContext)
    throws -> Int?
  /// The deadline running now (a correction that moves it says so before it is saved).
  static func runningDue(_ s: State, _ calendar: WorkCalendar) -> CivilDate?
  /// Why nothing of this case's registration may be corrected (nil: its fields may be).
  static func correctionRefusal(_ s: State) -> Refusal?
  /// 关联案件 named at registration, which a 取消关联 may remove (a complaint's).
  static func registeredLinks(_ s: State) -> [String]
  /// Links that are the case itself and never removed (the application a rating is about).
  static func fixedLinks(_ s: State) -> [String]
}

extension CaseWorkMachine {
  public static func noteOrganisations(_ s: State) -> [String] { [] }
  public static func assignee(_ s: State) -> String? { s.work.assignee }
  public static func assigned(_ s: inout State, to login: String) {}

  public static func redirectRefusal(_ s: State) -> Refusal? {
    Refusal("此类案件的办理单位由事项确定,不能转办")
  }

  public static func redirected(_ s: inout State, to org: String, name: String, on date: CivilDate)
  {}

  public static var correctableFields: [CorrectableField] { [] }
  public static func value(_ s: State, of field: String) -> String? { nil }

  public static func correct(
    _ s: inout State, _ p: CaseCorrectionPayload, on date: CivilDate, calendar: WorkCalendar
  ) -> Refusal? {
    Refusal("「\(p.field)」不能更正")
  }

  public static func correctedLimit(
    _ s: State, field: String, value: String, _ context: CaseContext
  ) throws -> Int? { nil }

  public static func runningDue(_ s: State, _ calendar: WorkCalendar) -> CivilDate? { nil }
  public static func correctionRefusal(_ s: State) -> Refusal? { nil }
  public static func registeredLinks(_ s: State) -> [String] { [] }
  public static func fixedLinks(_ s: State) -> [String] { [] }

  // MARK: - Availability

  /// Why `step` is not open to the context's staff on `s` now; nil when it is.
  public static func workAvailability(_ s: State, _ step: CaseWorkStep, _ context: CaseContext)
    -> Refusal?
  {
    let owner = workingOrganisation(s)
    var refusal = Permission.check(
      context.staff, step.action, organisation: owner.code, organisationName: owner.name)
    if refusal != nil, step == .note || step == .correct || step == .link,
      noteOrganisations(s).contains(where: {
        Permission.check(context.staff, step.action, organisation: $0) == nil
      })
    {
      refusal = nil
    }
    if let refusal { return refusal }
    let staff = context.staff
    switch step {
    case .note, .link: return nil
    case .correct:
      if correctableFields.isEmpty { return Refusal("此类案件没有可更正的登记信息") }
      return correctionRefusal(s)
    case .claim:
      guard isOpen(s) else { return Refusal("案件已办结,不能认领") }
      if assignee(s) == staff.login { return Refusal("本件已由你经办") }
      if let other = assignee(s) {
        return Refusal("本件已由 \(other) 经办;如需改由你办理,请督办人员指派")
      }
      return nil
    case .assign:
      return isOpen(s) ? nil : Refusal("案件已办结,不能指派")
    case .redirect:
      guard isOpen(s) else { return Refusal("案件已办结,不能转办") }
      return redirectRefusal(s)
    }
  }

  /// Availability, then the decision: the events a case-work command appends, or the refusal.
  public static func attemptWork(_ s: State, _ command: CaseWorkCommand, _ context: CaseContext)
    -> Result<[EventDraft], Refusal>
  {
    if let refusal = workAvailability(s, command.step, context) { return .failure(refusal) }
    return Result { [try workChange(s, command, context).draft(stream: stream(caseID(s)))] }
      .mapError { $0 as? Refusal ?? Refusal("操作失败:\($0)") }
  }

  /// The steps of case work open to the context's staff now.
  public static func availableWork(_ s: State, _ context: CaseContext) -> [CaseWorkStep] {
    CaseWorkStep.allCases.filter { workAvailability(s, $0, context) == nil }
  }

  static func workChange(_ s: State, _ command: CaseWorkCommand, _ context: CaseContext) throws
    -> CaseWorkChange
  {
    switch command {
    case .note(let kind, let text):
      let text = text.trimmingSpacesAndNewlines()
      guard !text.isEmpty else { throw Refusal("请填写\(kind == .note ? "备注" : "进展")内容") }
      guard text.count <= CaseWorkLimits.noteLength else {
        throw Refusal("内容不能超过\(CaseWorkLimits.noteLength)字")
      }
      return .noted(CaseNotePayload(kind: kind, text: text))
    case .claim:
      return .assigned(CaseAssignmentPayload(assignee: context.staff.login))
    case .assign(let login):
      let login = login.trimmingSpaces()
      if login == context.staff.login {
        // A supervisor or lead who also handles takes the case on 指派's key as any handler
        // would: the claim's own rule says whether they may (role, organisation, assignee).
        if let refusal = workAvailability(s, .claim, context) { throw refusal }
        return .assigned(CaseAssignmentPayload(assignee: login))
      }
      let owner = workingOrganisation(s)
      guard let staff = try context.lookup.staffMember(login) else {
        throw Refusal("工作人员「\(FieldText.sanitizeForDisplay(login))」不存在")
      }
      guard !staff.disabled else { throw Refusal("\(staff.name)的账号已停用,不能指派") }
      guard staff.org == owner.code else {
        throw Refusal("\(staff.name)不是\(owner.name)的工作人员;只能指派给承办单位内的人员")
      }
      guard staff.has(.handler) else { throw Refusal("\(staff.name)没有经办角色,不能指派") }
      guard staff.login != assignee(s) else { throw Refusal("本件已由\(staff.name)经办") }
      return .assigned(CaseAssignmentPayload(assignee: staff.login))
    case .redirect(let code, let reason):
      let reason = reason.trimmingSpacesAndNewlines()
      guard !reason.isEmpty else { throw Refusal("请填写转办理由") }
      guard reason.count <= CaseWorkLimits.reasonLength else {
        throw Refusal("转办理由不能超过\(CaseWorkLimits.reasonLength)字")
      }
      guard let org = try context.lookup.organisation(code) else {
        throw Refusal("单位「\(FieldText.sanitizeForDisplay(code))」不存在")
      }
      guard org.code != workingOrganisation(s).code else {
        throw Refusal("本件已由\(org.name)办理,无需转办")
      }
      return .redirected(CaseRedirectionPayload(org: org.code, orgName: org.name, reason: reason))
    case .correct(let key, let value, let reason):
      return .corrected(try correction(s, key, value, reason, context))
    case .link(let text, let reason): return try linkChange(s, text, reason, context)
    case .unlink(let other, let reason): return try unlinkChange(s, other, reason)
    }
  }

  /// 更正: the payload of a correction, checked on a copy of the case as the fold will apply it.
  static func correction(
    _ s: State, _ key: String, _ value: String, _ reason: String, _ context: CaseContext
  ) throws -> CaseCorrectionPayload {
    guard let field = correctableFields.first(where: { $0.key == key }) else {
      throw Refusal("「\(FieldText.sanitizeForDisplay(key))」不能更正")
    }
    let reason = reason.trimmingSpacesAndNewlines()
    guard !reason.isEmpty else { throw Refusal("请填写更正理由") }
    guard reason.count <= CaseWorkLimits.reasonLength else {
      throw Refusal("更正理由不能超过\(CaseWorkLimits.reasonLength)字")
    }
    var new = value.trimmingSpacesAndNewlines()
    let old = Self.value(s, of: key) ?? ""
    var name: String?
    if field.kind == .organisation {
      guard let org = try context.lookup.organisation(new) else {
        throw Refusal("单位「\(FieldText.sanitizeForDisplay(new))」不存在")
      }
      new = org.code
      name = org.name
    }
    guard new != old else { throw Refusal("\(field.title)与原登记相同,无需更正") }
    let payload = CaseCorrectionPayload(
      field: key, old: old, new: new, reason: reason, name: name,
      limitDays: try correctedLimit(s, field: key, value: new, context))
    var trial = s
    if let refusal = correct(&trial, payload, on: context.today, calendar: context.calendar) {
      throw refusal
    }
    return payload
  }

  /// The case as `command` would leave it (nothing written): what a confirmation describes.
  public static func trialWork(_ s: State, _ command: CaseWorkCommand, _ context: CaseContext)
    -> Result<State, Refusal>
  {
    attemptWork(s, command, context).flatMap { drafts in
      var state = s
      let ms = Int64((context.now.timeIntervalSince1970 * 1000).rounded())
      for d in drafts {
        let e = Event(
          origin: "", seq: 0, stream: d.stream, type: d.type, payload: d.payload,
          actor: context.staff.login, node: context.node.code, timestamp: ms, prevHash: "",
          hash: "")
        switch applyWork(state, e, context.fold) {
        case .success(let next)?: state = next
        case .failure(let refusal)?: return .failure(refusal)
        case nil: break
        }
      }
      return .success(state)
    }
  }

  // MARK: - The fold

  /// The state after a case-work event, nil when `e` is not case work (the machine's own fold
  /// applies it).
  public static func applyWork(_ state: State?, _ e: Event, _ context: FoldContext) -> Result<
    State, Refusal
  >? {
    let change: CaseWorkChange
    switch CaseWorkChange.decode(e) {
    case nil: return nil
    case .failure(let refusal)?: return .failure(refusal)
    case .success(let c)?: change = c
    }
    guard var s = state else { return .failure(Refusal("案件尚未登记,不能记录办理情况")) }
    let date = context.zone.civilDate(e.date)
    switch change {
    case .noted(let b):
      s.work.notes.append(
        CaseNote(kind: b.kind, text: b.text, by: e.actor, on: date, at: e.timestamp))
    case .assigned(let b):
      guard isOpen(s) else { return .failure(Refusal("案件已办结,不能指派")) }
      s.work.assignee = b.assignee
      s.work.assignments.append(CaseAssignment(assignee: b.assignee, by: e.actor, on: date))
      assigned(&s, to: b.assignee)
    case .redirected(let b):
      guard isOpen(s) else { return .failure(Refusal("案件已办结,不能转办")) }
      if let refusal = redirectRefusal(s) { return .failure(refusal) }
      let from = workingOrganisation(s)
      s.work.redirections.append(
        CaseRedirection(
          from: from.code, fromName: from.name, to: b.org, toName: b.orgName, reason: b.reason,
          by: e.actor, on: date))
      s.work.assignee = nil
      redirected(&s, to: b.org, name: b.orgName, on: date)
    case .corrected(let b):
      if let refusal = correct(&s, b, on: date, calendar: context.calendar) {
        return .failure(refusal)
      }
      s.work.corrections.append(
        CaseCorrection(
          field: b.field, old: b.old, new: b.new, reason: b.reason, by: e.actor, on: date))
    case .linked, .unlinked:
      if let refusal = applyLink(&s, change, by: e.actor, on: date) { return .failure(refusal) }
    }
    return .success(s)
  }
}
