import Domain

extension Action {
  /// 乡镇办理案件 — what a township's case event needs of its actor when no step action names
  /// it (the steps of applications, complaints, rectification and 督办 need their own,
  /// `StaffHistory.refusal(for:before:)`): an enabled account holding a case role.
  public static let townshipCaseWork = Action(
    "sync.caseWork", "在乡镇节点办理案件", roles: [.counter, .handler, .supervisor])
}

/// 来件授权 — the district checks every case event a township wrote as if it were written here:
/// the township may write only its own cases and the cases of the organisations it serves, and
/// the actor must have held, when the event was written (folded from the staff history), what
/// the same step written here needs: its action's role and organisation (a case role for events
/// no action names). An event that fails is inserted (its chain stays
/// whole) and held by a node-local `sync.held` event: left out of every fold, a conflict for a
/// supervisor. Whether its payload applies is the reducers' own check, as for a local command.
struct IncomingAuthority {
  let db: Connection
  let district: NodeIdentity
  let fold: FoldContext
  /// Case streams the district sends each township (its scope), computed once per township.
  private var scopes: [String: Set<String>] = [:]
  /// Who wrote each stream's first event before this import (nil: a stream new to the district).
  private var creators: [String: String?] = [:]
  private var staff: StaffHistory
  /// This import's events so far, per stream: the case an event is judged on includes them.
  private var incoming: [String: [Event]] = [:]
  /// Each judged case's events in the journal (those held left out), in fold order, and the
  /// events held on each case: read once per case, not once per incoming event of it (a
  /// township's bundle carries a case's whole day of steps).
  private var recorded: [String: [Event]] = [:]
  private var heldOn: [String: [HeldEvent]] = [:]
  private let store: Store

  init(store: Store) {
    self.store = store
    db = store.db
    district = store.node
    fold = store.foldContext
    staff = StaffHistory(store: store)
  }

  /// Whether events of this origin are checked: a township's, received by the district.
  func checks(origin: String) -> Bool {
    guard district.isDistrict, let author = SyncScope.node(ofOrigin: origin) else { return false }
    return author != district.code
  }

  /// Why `e` must be held, or nil when its author and actor may write it. Reads the journal
  /// as it was before the import (call before inserting the bundle's events).
  mutating func refusal(_ e: Event) throws -> String? {
    guard SyncScope.isCase(stream: e.stream) else { return nil }
    let before = try events(before: e)
    incoming[e.stream, default: []].append(e)
    // A template's scope is its organisation, not the case it would belong to: its own rule
    // (`PhraseAuthority`, through `StaffHistory`) judges the author node as well as the actor.
    if SyncScope.kind(of: e.stream) != PhraseReducer.streamKind,
      let reason = try scopeRefusal(e)
    {
      return reason
    }
    return try staff.refusal(for: e, before: before)
  }

  /// Whether `e` was held by an earlier import: an event judged while waiting in quarantine is
  /// sent again by the next bundle, and must not be held (and shown as a conflict) twice.
  mutating func isHeld(_ e: Event) throws -> Bool {
    try held(on: e.stream).contains { $0.origin == e.origin && $0.seq == e.seq }
  }

  /// The case's events before `e` in fold order: the journal's (those held left out, as every
  /// fold leaves them) and this import's so far.
  private mutating func events(before e: Event) throws -> [Event] {
    let earlier = try journal(of: e.stream).filter { Event.foldOrder($0, e) }
    let arrived = (incoming[e.stream] ?? []).filter { Event.foldOrder($0, e) }
    // The journal's are in fold order already; this import's are merged in.
    return arrived.isEmpty ? earlier : (earlier + arrived).sorted(by: Event.foldOrder)
  }

  /// The stream's events as the journal held them before the import, those held left out.
  private mutating func journal(of stream: String) throws -> [Event] {
    if let known = recorded[stream] { return known }
    let held = try held(on: stream)
    let events = try Journal.events(stream: stream, db: db).filter { r in
      !held.contains { $0.origin == r.origin && $0.seq == r.seq }
    }
    recorded[stream] = events
    return events
  }

  /// The events held on `stream` before the import (none for shared data).
  private mutating func held(on stream: String) throws -> [HeldEvent] {
    if let known = heldOn[stream] { return known }
    let held = try store.heldEvents(of: stream)
    heldOn[stream] = held
    return held
  }

  private mutating func scopeRefusal(_ e: Event) throws -> String? {
    let author = e.node
    if creators[e.stream] == nil {
      creators[e.stream] = .some(
        try db.hot.fetchOne(
          "SELECT node FROM journal WHERE stream = ? ORDER BY ts, origin, seq LIMIT 1",
          [e.stream]
        ) { $0.text(0) })
    }
    guard let creator = creators[e.stream] ?? nil else { return nil }  // a case it opens
    if creator == author { return nil }
    if scopes[author] == nil {
      scopes[author] = try ExportScope.make(exporter: district, peer: author, db: db).caseStreams
    }
    if scopes[author]?.contains(e.stream) == true { return nil }
    return "节点 \(author) 无权修改 \(e.stream)(不是它登记的案件,也不属于它服务的单位)"
  }

}

extension Store {
  /// The events held on `stream` (none for shared data and node settings).
  func heldEvents(of stream: String) throws -> [HeldEvent] {
    guard try heldEventsExist() else { return [] }
    return try Self.heldEvents(of: stream, db: db)
  }

  /// `heldEvents(of:)` read through `db`, which may be a rebuild's reading connection.
  static func heldEvents(of stream: String, db: Connection) throws -> [HeldEvent] {
    guard SyncScope.isCase(stream: stream) else { return [] }
    return try Journal.events(stream: HeldEvent.stream(holding: stream), db: db).compactMap {
      // A hold this build cannot read holds nothing back: the event it names is folded.
      try? $0.decode(HeldEvent.self)
    }
  }

  /// Whether any event of any stream is held (almost never: then no stream's holds are read).
  func heldEventsExist() throws -> Bool {
    if let known: Bool = db.memo.value("holds:any") { return known }
    let any =
      try db.hot.fetchOne(
        "SELECT 1 FROM journal WHERE stream >= ? AND stream < ? LIMIT 1",
        [HeldEvent.streamKind + "/", HeldEvent.streamKind + "0"]
      ) { _ in true } ?? false
    db.memo.remember("holds:any", any)
    return any
  }

  /// Records the verdicts as node-local `sync.held` events of the import's transaction.
  func hold(_ held: [(Event, String)], actor: String, at ms: Int64) throws {
    guard !held.isEmpty else { return }
    _ = try Journal.append(
      held.map { HeldEvent.holding($0, reason: $1) }, origin: node.localOrigin, node: node.code,
      actor: actor, timestamp: ms, db: db)
    db.memo.forget("holds:any")
  }
}
