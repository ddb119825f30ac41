import Domain

/// 人员沿革 — who a login was (organisation, roles, enabled) at a given moment, folded from the
/// staff stream's events up to it. The district's import of township events and `audit verify`
/// ask the same question of the same history, and answer it with the one permission function.
struct StaffHistory {
  let store: Store
  private var events: [String: [Event]] = [:]
  /// The implementing organisation of each application stream, learnt from its registration
  /// (which may arrive in the same bundle as the steps after it) or read from the projection.
  private var implementing: [String: String?] = [:]

  init(store: Store) {
    self.store = store
  }

  /// The staff member as of `timestamp` (ms), nil when the login did not exist then. With
  /// `excluding`, that event and those after it in the journal's order are left out: a staff
  /// event cannot be its own authority.
  mutating func staff(_ login: String, at timestamp: Int64, excluding event: Event? = nil) throws
    -> Staff?
  {
    if events[login] == nil {
      events[login] = try Journal.events(stream: StaffReducer.stream(login), db: store.db)
    }
    let before = (events[login] ?? []).filter {
      guard let event, $0.timestamp == timestamp else { return $0.timestamp <= timestamp }
      return ($0.origin, $0.seq) < (event.origin, event.seq)
    }
    guard !before.isEmpty else { return nil }
    return StaffReducer.foldFromStart(before, store.foldContext).state
  }

  /// Why the actor of case event `e` could not have written it when it was written, or nil. A
  /// step of an application needs exactly what the same step written here needs (its action and
  /// the organisation the permission check compares); a step of a complaint, a rectification or
  /// a 督办 what its machine's availability asks on the case as `before` (its events before `e`)
  /// left it, when given (an import, and `audit verify`, which reads the journal case by case);
  /// any other case event a case role.
  mutating func refusal(for e: Event, before: [Event]? = nil) throws -> String? {
    guard let staff = try staff(e.actor, at: e.timestamp) else {
      return "操作人 \(e.actor) 在事件发生时不是本区的工作人员"
    }
    if SyncScope.kind(of: e.stream) == PhraseReducer.streamKind {
      return try phraseRefusal(
        e, staff,
        before: before
          ?? Journal.events(stream: e.stream, db: store.db).filter { Event.foldOrder($0, e) })
    }
    let context = CaseContext(
      staff: staff, now: e.date, fold: store.foldContext, node: store.node,
      lookup: StoreCaseLookup(store: store, tx: nil))
    if let before, let verdict = judgedWork(e, before, context) { return verdict }
    switch before.map({ _ in SyncScope.kind(of: e.stream) }) {
    case ComplaintMachine.streamKind:
      if let r = judged(ComplaintMachine.self, e, before ?? [], context) { return r }
    case RectificationMachine.streamKind:
      if let r = judged(RectificationMachine.self, e, before ?? [], context) { return r }
    case SupervisionReducer.streamKind:
      return supervisionRefusal(e, before ?? [], staff)?.message
    default: break
    }
    if let action = ApplicationActions.action(for: e.type),
      let implementing = try implementingOrganisation(e)
    {
      let org = ApplicationActions.organisation(
        for: action, staff: staff, implementing: implementing,
        staffAtServiceCentre: try store.isServiceCentre(staff.org))
      return Permission.check(
        staff, action, organisation: org, organisationName: try store.organisationName(org)
      )?.message
    }
    return Permission.check(staff, .townshipCaseWork)?.message
  }

  /// Why the actor of shared-data event `e` (organisations, staff, calendar, catalog, rules)
  /// could not have written it, or nil: the action of the command that writes it
  /// (`SharedDataActions`); for a step of a catalog change also 事项归属 on the change as
  /// `before` (its stream's events before `e`) left it. An event type no command writes is
  /// itself the finding.
  mutating func refusal(forShared e: Event, before: [Event] = []) throws -> String? {
    guard let action = SharedDataActions.action(for: e.type) else {
      return "没有任何操作会写入 \(e.type) 事件"
    }
    guard let staff = try staff(e.actor, at: e.timestamp, excluding: e) else {
      return "操作人 \(e.actor) 在事件发生时不是本区的工作人员"
    }
    if let r = Permission.check(staff, action) { return r.message }
    return try store.catalogOwnershipRefusal(e, staff: staff, before: before)
  }

  /// The machine's verdict on `e`: `.some(nil)` when allowed, nil when the machine names no step
  /// for it (the general rule applies).
  func judged<M: CaseMachine>(_: M.Type, _ e: Event, _ before: [Event], _ context: CaseContext)
    -> String??
  {
    let state = M.foldFromStart(before, context.fold).state
    if case .unknown = M.authority(of: e, on: state) { return nil }
    return .some(M.refusal(of: e, on: state, context)?.message)
  }

  /// Case work (备注、认领、指派、转办) on any kind of case: the shared rules' verdict on the case as
  /// `before` left it, `.some(nil)` when allowed; nil when `e` is not case work.
  func judgedWork(_ e: Event, _ before: [Event], _ context: CaseContext) -> String?? {
    guard case .success(let change)? = CaseWorkChange.decode(e) else { return nil }
    let step = change.step(actor: e.actor)
    func judged<M: CaseWorkMachine>(_: M.Type) -> String? {
      guard let state = M.foldFromStart(before, context.fold).state else {
        return "案件尚未登记,不能\(step.action.title)"
      }
      return M.workAvailability(state, step, context)?.message
    }
    switch SyncScope.kind(of: e.stream) {
    case ComplaintMachine.streamKind: return .some(judged(ComplaintMachine.self))
    case ApplicationMachine.streamKind: return .some(judged(ApplicationMachine.self))
    case RectificationMachine.streamKind: return .some(judged(RectificationMachine.self))
    default: return nil
    }
  }

  /// 常用语: `PhraseAuthority` for the template's scope, as the events before `e` left it, at
  /// the node that wrote `e`.
  func phraseRefusal(_ e: Event, _ staff: Staff, before: [Event]) throws -> String? {
    guard let scope = PhraseReducer.scope(of: e, before: before, store.foldContext) else {
      return "常用语事件 \(e.type) 之前没有添加该常用语"
    }
    return try store.phraseAuthority(author: e.node).refusal(staff, scope: scope)?.message
  }

  /// 督办: issued by a supervisor; answered by the organisation the notice was sent to.
  func supervisionRefusal(_ e: Event, _ before: [Event], _ staff: Staff) -> Refusal? {
    switch e.type {
    case .supervisionIssued: return Permission.check(staff, .issueSupervision)
    case .supervisionReplied:
      let s = SupervisionReducer.foldFromStart(before, store.foldContext).state
      return Permission.check(
        staff, .replySupervision, organisation: s?.notice.target.org,
        organisationName: s?.notice.target.orgName)
    default: return Permission.check(staff, .townshipCaseWork)
    }
  }

  /// The implementing organisation of the application `e` is a step of, nil when unknown (then
  /// the event is judged as any case event).
  private mutating func implementingOrganisation(_ e: Event) throws -> String? {
    guard SyncScope.kind(of: e.stream) == ApplicationMachine.streamKind else { return nil }
    if e.type == .applicationRegistered,
      let registered = try? e.decode(ApplicationRegistered.self)
    {
      implementing[e.stream] = .some(registered.item.organisation)
    }
    if let known = implementing[e.stream] { return known }
    let caseID = String(e.stream.dropFirst(ApplicationMachine.streamKind.count + 1))
    let org = try store.db.hot.fetchOne("SELECT org FROM application WHERE case_id = ?", [caseID]) {
      $0.text(0)
    }
    implementing[e.stream] = .some(org)
    return org
  }
}
