import Domain
import Foundation

/// What a feature's command sees inside its write transaction.
public struct WriteContext {
  public let store: Store
  public let actor: String
  public let now: Date

  public var db: Connection { store.db }
  public var today: CivilDate { store.zone.civilDate(now) }
  public var calendar: WorkCalendar { store.calendar }

  /// Appends events and re-projects their streams, inside this transaction.
  @discardableResult
  public func append(_ drafts: [EventDraft]) throws -> [Event] {
    try store.appendLocal(drafts, actor: actor, at: now)
  }

  /// The next case number of this node for the current year: `BYQ-2026-000123`.
  public func nextCaseID() throws -> String {
    try store.nextNumber(prefix: store.node.code, year: today.year, width: 6)
  }

  /// A numbered document (文书编号) per node and year, e.g. prefix `BYQ受` → `BYQ受〔2026〕12号`.
  public func nextNumber(series: String) throws -> Int {
    let key = "\(store.node.code):\(series)"
    let year = today.year
    return try store.bumpCounter(prefix: key, year: year)
  }
}

extension Store {
  /// Runs a command: permission check, then `body` in one `BEGIN IMMEDIATE` transaction. A
  /// refusal (from the permission check or from the body) rolls everything back and is written
  /// to the refusal log, then rethrown for the clerk to read.
  @discardableResult
  public func write<T>(
    as actor: Staff, _ action: Action, organisation: String? = nil, subject: String? = nil,
    _ body: (WriteContext) throws -> T
  ) throws -> T {
    if let refusal = Permission.check(
      actor, action, organisation: organisation,
      organisationName: organisation.flatMap { try? organisationName($0) })
    {
      logRefusal(actor: actor.login, action: action, subject: subject, reason: refusal.message)
      throw refusal
    }
    return try write(actor: actor.login, action: action, subject: subject, body)
  }

  /// A write by the system itself (initialisation, demo data): no staff check, still journaled.
  @discardableResult
  public func write<T>(
    actor: String, action: Action? = nil, subject: String? = nil, _ body: (WriteContext) throws -> T
  ) throws -> T {
    try refuseFixedClock()
    do {
      return try db.inTransaction(.immediate) {
        // Read under the write lock: the causal clock may have moved since the command began.
        try body(WriteContext(store: self, actor: actor, now: try causalNow()))
      }
    } catch let refusal as Refusal {
      if let action {
        logRefusal(actor: actor, action: action, subject: subject, reason: refusal.message)
      }
      throw refusal
    } catch {
      // A failed transaction may have changed the calendar projection before rolling back.
      try? reloadCalendar()
      throw error
    }
  }

  /// On a production node (by its genesis) nothing is written at a time set by hand.
  func refuseFixedClock() throws {
    guard clockIsFixed, !node.training else { return }
    throw Refusal(
      "生产节点不按 --now 或 ZWFW_NOW 指定的时间写入:每一步都以系统时钟记时。请去掉 --now(或清除 ZWFW_NOW)后重试;演示库和培训库可以指定时间"
    )
  }

  /// Records a refused attempt in its own small transaction (the refused one was rolled back).
  public func logRefusal(actor: String, action: Action, subject: String?, reason: String) {
    try? db.inTransaction(.immediate) {
      try db.hot.run(
        "INSERT INTO refusal_log (ts, actor, node, action, subject, reason) VALUES (?, ?, ?, ?, ?, ?)",
        [
          Int64(clock().timeIntervalSince1970 * 1000), actor, node.code, action.title, subject,
          reason,
        ])
    }
  }

  /// Appends drafts as this node's next events. Node-local configuration is chained under the
  /// local origin, which never leaves the node; a township cannot author shared data (it would
  /// be refused by the district at the next exchange, so it is refused here first).
  func appendLocal(_ drafts: [EventDraft], actor: String, at date: Date) throws -> [Event] {
    precondition(db.isInTransaction, "events are appended inside a write transaction")
    guard !drafts.isEmpty else { return [] }
    if !node.isDistrict,
      let shared = drafts.first(where: { SyncScope.isDistrictOnly(stream: $0.stream) })
    {
      throw Refusal(
        "「\(SyncScope.kind(of: shared.stream))」类数据由区级节点统一维护,本节点(\(node.name))通过同步接收",
        article: "第十三条")
    }
    let wall = CausalClock.milliseconds(date)
    let timestamp = scriptedHistory ? wall : try CausalClock.next(wall: wall, db)
    let local = drafts.filter { SyncScope.isLocalOnly(stream: $0.stream) }
    let shared = drafts.filter { !SyncScope.isLocalOnly(stream: $0.stream) }
    var events: [Event] = []
    for (group, origin) in [(shared, node.origin), (local, node.localOrigin)] where !group.isEmpty {
      events += try Journal.append(
        group, origin: origin, node: node.code, actor: actor, timestamp: timestamp, db: db)
    }
    try CausalClock.advance(to: timestamp, db)
    try reproject(streams: events.map(\.stream))
    try refuseOwnConflicts(events)
    return events
  }

  /// A step this node just took that its own fold cannot apply would be recorded and do
  /// nothing while the clerk read that it was done: refuse it instead (the whole command rolls
  /// back, a notice number it drew included). Conflicts are for offline edits that meet at sync.
  func refuseOwnConflicts(_ events: [Event]) throws {
    guard let first = events.first else { return }
    for origin in Set(events.map(\.origin)) {
      let seqs = events.filter { $0.origin == origin }.map(\.seq)
      if let message = try db.hot.value(
        "message", of: "conflict", as: String.self,
        "SELECT message FROM conflict WHERE origin = ? AND seq BETWEEN ? AND ? ORDER BY seq",
        [origin, seqs.min() ?? first.seq, seqs.max() ?? first.seq])
      {
        throw Refusal(message)
      }
    }
  }

  /// Re-folds the given streams (each once), calendars first, then every case a calendar change
  /// may have touched.
  /// - Parameter new: streams that had no events here before this transaction (an import's
  ///   new cases): they have no rows to compare with, so theirs are inserted without reading.
  /// - Parameter storedFolds: resume each stream from its stored fold and store the new one
  ///   (an import: `Store+StoredFolds`); a clerk's step does neither.
  /// - Parameter foldedAfter: streams the caller folds itself after this call (a bulk import's
  ///   new streams): a calendar among `streams` does not re-fold them here first.
  public func reproject(
    streams: [String], new: Set<String> = [], storedFolds: Bool = false,
    foldedAfter: Set<String> = []
  ) throws {
    var seen = foldedAfter
    let unique = streams.filter { seen.insert($0).inserted }
    let calendars = unique.filter { splitStream($0).kind == CalendarYearReducer.streamKind }
    let others = unique.filter { splitStream($0).kind != CalendarYearReducer.streamKind }
    for s in calendars { try reproject(stream: s) }
    if !calendars.isEmpty {
      // Any case's fold may count working days differently now.
      try forgetStoredFolds()
      try reloadCalendar()
      let first = calendars.compactMap { Int(splitStream($0).id) }.min() ?? 0
      for s in try streamsTouchedByCalendar(fromYear: first) where !seen.contains(s) {
        try reproject(stream: s)
      }
    }
    for s in others {
      if storedFolds, !new.contains(s) { try resumeStoredFold(of: s) }
      try db.memo.projecting(fresh: new.contains(s)) { try reproject(stream: s) }
      if storedFolds { try storeFold(of: s) }
    }
  }

  /// Cases whose working-day arithmetic may reach into `year` or later: every open deadline
  /// there, and every case with activity since the September before (closed ones too, so
  /// 按时办结 follows the new calendar; limits run to weeks, not months). A calendar import
  /// happens once a year, so a scan of the journal's recent events is affordable.
  func streamsTouchedByCalendar(fromYear year: Int) throws -> [String] {
    var out = Set(
      try db.values(
        "stream", of: "deadline", as: String.self,
        "SELECT DISTINCT stream FROM deadline WHERE due_date >= ?",
        [String(format: "%04d-01-01", year)]))
    let since = CivilDate(year: year - 1, month: 9, day: 1).map {
      zone.instant($0).timeIntervalSince1970 * 1000
    }
    try db.forEach("SELECT DISTINCT stream FROM journal WHERE ts >= ?", [Int64(since ?? 0)]) {
      let stream = $0.text(0)
      if SyncScope.isCase(stream: stream) { out.insert(stream) }
    }
    return out.sorted()
  }

  func nextNumber(prefix: String, year: Int, width: Int) throws -> String {
    let n = try bumpCounter(prefix: prefix, year: year)
    let digits = String(n)
    return "\(prefix)-\(year)-" + String(repeating: "0", count: max(0, width - digits.count))
      + digits
  }

  /// The next number of a (prefix, year) series, counted in the caller's transaction.
  func bumpCounter(prefix: String, year: Int) throws -> Int {
    try db.hot.fetchOne(
      """
      INSERT INTO case_counter (prefix, year, last) VALUES (?, ?, 1)
      ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1
      RETURNING last
      """, [prefix, year]
    ) { $0.int(0) } ?? 0
  }
}
