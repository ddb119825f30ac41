import Domain

/// 人员沿革 — who a login was (organisation, roles, enabled) at a given moment, folded from the
/// staff stream's events up to it. The district's import of township events and `audit verify`
/// ask the same question of the same history, and answer it with the one permission function.
struct StaffHistory {
  let db: Connection
  let fold: FoldContext
  private var events: [String: [Event]] = [:]

  init(db: Connection, fold: FoldContext) {
    self.db = db
    self.fold = fold
  }

  /// The staff member as of `timestamp` (ms), nil when the login did not exist then.
  mutating func staff(_ login: String, at timestamp: Int64) throws -> Staff? {
    if events[login] == nil {
      events[login] = try Journal.events(stream: StaffReducer.stream(login), db: db)
    }
    let before = (events[login] ?? []).filter { $0.timestamp <= timestamp }
    guard !before.isEmpty else { return nil }
    return StaffReducer.foldFromStart(before, fold).state
  }

  /// Why `actor` could not have written a case event at `timestamp`, or nil.
  mutating func caseWorkRefusal(_ actor: String, at timestamp: Int64) throws -> String? {
    guard let staff = try staff(actor, at: timestamp) else {
      return "操作人 \(actor) 在事件发生时不是本区的工作人员"
    }
    return Permission.check(staff, .townshipCaseWork)?.message
  }
}
