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

  /// The staff member as of `timestamp` (ms), nil when the login did not exist then.
  mutating func staff(_ login: String, at timestamp: Int64) throws -> Staff? {
    if events[login] == nil {
      events[login] = try Journal.events(stream: StaffReducer.stream(login), db: store.db)
    }
    let before = (events[login] ?? []).filter { $0.timestamp <= timestamp }
    guard !before.isEmpty else { return nil }
    return StaffReducer.foldFromStart(before, store.foldContext).state
  }

  /// Why the actor of case event `e` could not have written it when it was written, or nil. A
  /// step of an application needs exactly what the same step written here needs (its action and
  /// the organisation the permission check compares); any other case event a case role.
  mutating func refusal(for e: Event) throws -> String? {
    guard let staff = try staff(e.actor, at: e.timestamp) else {
      return "操作人 \(e.actor) 在事件发生时不是本区的工作人员"
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

  /// The implementing organisation of the application `e` is a step of, nil when unknown (then
  /// the event is judged as any case event).
  private mutating func implementingOrganisation(_ e: Event) throws -> String? {
    guard SyncScope.kind(of: e.stream) == ApplicationReducer.streamKind else { return nil }
    if e.type == .applicationRegistered,
      let registered = try? e.decode(ApplicationRegistered.self)
    {
      implementing[e.stream] = .some(registered.item.organisation)
    }
    if let known = implementing[e.stream] { return known }
    let caseID = String(e.stream.dropFirst(ApplicationReducer.streamKind.count + 1))
    let org = try store.db.hot.fetchOne("SELECT org FROM application WHERE case_id = ?", [caseID]) {
      $0.text(0)
    }
    implementing[e.stream] = .some(org)
    return org
  }
}
