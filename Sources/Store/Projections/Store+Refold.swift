import Domain

extension Store {
  /// Every table a fold writes: the projectors' own, then the indexes every kind of case shares.
  /// A rebuild empties and refills exactly these; the audit and `projectionDump` compare them.
  public var projectionTables: [String] {
    var seen = Set<String>()
    return
      (projectors.flatMap(\.tables) + ["deadline", "conflict", "stream_scope"]
      + ProjectionCounters.tables).filter { seen.insert($0).inserted }
  }

  /// The body of a rebuild, inside the caller's write transaction (`audit verify` rolls it back).
  ///
  /// Near what SQLite alone takes to insert the same rows: the tables are emptied and their
  /// secondary indexes dropped, the journal is read once per kind of stream in stream order
  /// (one stream's events in memory at a time), each stream's rows are inserted without
  /// reading back what is stored (nothing is), and the indexes are built again from the
  /// finished tables — a sort instead of a random insert per row.
  /// - Parameter progress: streams re-folded of all (`Store.refoldTitle`).
  /// - Parameter ahead: streams folded ahead of the writes at most (`RefoldPipeline`).
  /// - Parameter readingBeside: the folding thread reads the journal through a connection of its
  ///   own where it can (`JournalReader`); tests compare it with reading through the writer.
  func refoldAll(
    progress: ProgressReporter? = nil, ahead: Int = RefoldPipeline.ahead,
    readingBeside: Bool = true
  ) throws {
    // Tables reference each other (staff → org); check the references at commit, not per row.
    try db.execute("PRAGMA defer_foreign_keys = ON")
    let tables = projectionTables
    let indexes = try SecondaryIndexes.drop(on: tables, db: db)
    let triggers = try SecondaryIndexes.drop(on: tables, type: "trigger", db: db)
    // Whole, not row by row: every table that references another is emptied with it.
    try db.truncate(tables)
    // A migration that added projected columns asked for this rebuild.
    try db.run("DELETE FROM refold_pending")
    // From the journal alone; the next import stores folds again.
    try forgetStoredFolds()
    db.memo.removeAll()
    // Organisations and calendars first: staff reference organisations, deadlines the calendar.
    let order =
      ["org", "calendar"]
      + projectors.map(\.streamKind).filter {
        $0 != "org" && $0 != "calendar"
      }
    let total = try order.reduce(0) { $0 + (try Journal.streamCount(kind: $1, db: db)) }
    var done = 0
    progress?(ProgressStep(Self.refoldTitle, done: 0, total: total))
    let anyHeld = try heldEventsExist()
    // Every event is decoded once: the payload cache would only be filled and emptied.
    try PayloadCache.shared.bypassing {
      try refold(
        order, anyHeld: anyHeld, ahead: ahead, done: &done, total: total, progress: progress,
        readingBeside: readingBeside)
    }
    try indexes.create(db: db)
    try ProjectionCounters.recount(db: db)
    try triggers.create(db: db)
  }

  /// Re-folds every stream of the kinds in `order`, writing rows fresh (nothing is stored).
  /// The folds run a few streams ahead on a second thread (`RefoldPipeline`); each kind's
  /// streams are all written before the next kind's are read, so a kind sees the rows (and
  /// the calendar) of the kinds before it, as when one thread did everything.
  /// - Parameter only: these streams alone (a bulk import's new ones); every stream when nil.
  func refold(
    _ order: [String], anyHeld: Bool, ahead: Int, done: inout Int, total: Int,
    progress: ProgressReporter?, only: Set<String>? = nil, readingBeside: Bool = true
  ) throws {
    let pipeline = RefoldPipeline(capacity: ahead)
    defer { pipeline.close() }
    // A rebuild's journal is as committed: the folding thread reads it through a connection
    // of its own. A bulk import's new events are not committed yet.
    let journal = only == nil && readingBeside ? try JournalReader.beside(db) : nil
    try db.memo.projecting(fresh: true) {
      for kind in order {
        guard let projector = projectorsByKind[kind] else { continue }
        // Folded from the start, not through the cache of lately worked cases: a rebuild
        // would only fill it with streams nobody asks for again.
        let fold = FoldContext(calendar: calendar, zone: zone)
        let context = ProjectionContext(db: db, fold: fold, node: node)
        func write(_ folded: RefoldPipeline.Folded) throws {
          try self.write(folded, in: context)
          // What a stream's writers remembered is not asked for by the next stream.
          db.memo.removeAll()
          done += 1
          progress?(ProgressStep(Self.refoldTitle, done: done, total: total))
        }
        if let journal {
          try pipeline.read(
            RefoldPipeline.Reading(
              kind: kind, journal: journal, projector: projector, context: fold,
              anyHeld: anyHeld),
            write: write)
          if kind == "calendar" { try reloadCalendar() }
          continue
        }
        try Journal.forEachStream(kind: kind, db: db) { stream, events in
          if let only, !only.contains(stream) { return }
          let job = RefoldPipeline.Job(
            stream: stream, events: events, held: anyHeld ? try heldEvents(of: stream) : [],
            projector: projector, context: fold)
          try pipeline.submit(job, write: write)
        }
        try pipeline.drain(write: write)
        if kind == "calendar" { try reloadCalendar() }
      }
    }
  }

  /// Writes a folded stream's rows and its conflicts (those held at import among them).
  func write(_ folded: RefoldPipeline.Folded, in context: ProjectionContext) throws {
    let job = folded.job
    var conflicts: [Conflict]
    if let fold = folded.fold {
      try fold.write(context)
      conflicts = fold.conflicts
    } else {
      conflicts = try job.projector.project(
        stream: job.stream, events: folded.applied, in: context)
    }
    conflicts += job.held.map(\.conflict)
    try ConflictIndex.replace(stream: job.stream, conflicts: conflicts, events: job.events, db: db)
  }

  /// Replaces one stream's projected rows with the fold of its events.
  public func reproject(stream: String) throws {
    guard projectorsByKind[String(splitStream(stream).kind)] != nil else { return }
    let events = try Journal.events(stream: stream, db: db)
    try reproject(
      stream: stream, events: events, held: try heldEvents(of: stream), in: projectionContext)
  }

  /// Replaces one stream's projected rows with the fold of `events` (all of the stream's, in
  /// fold order) but those held at import (`sync.held`), which stay out of the fold and show as
  /// conflicts.
  func reproject(
    stream: String, events: [Event], held: [HeldEvent], in context: ProjectionContext
  ) throws {
    guard let projector = projectorsByKind[String(splitStream(stream).kind)] else { return }
    let applied =
      held.isEmpty
      ? events : events.filter { e in !held.contains { $0.origin == e.origin && $0.seq == e.seq } }
    var conflicts = try projector.project(stream: stream, events: applied, in: context)
    conflicts += held.map(\.conflict)
    try ConflictIndex.replace(stream: stream, conflicts: conflicts, events: events, db: db)
  }
}

/// The secondary indexes of some tables (those `CREATE INDEX` made; a primary key's or a
/// `UNIQUE` column's index stays), or their triggers, dropped and later created again by the
/// same statements.
struct SecondaryIndexes {
  /// Name and `CREATE INDEX` (or `CREATE TRIGGER`) statement, in schema order.
  let indexes: [(name: String, sql: String)]

  /// - Parameter type: `index`, or `trigger` (the counters' keepers: `ProjectionCounters`).
  static func drop(on tables: [String], type: String = "index", db: Connection) throws
    -> SecondaryIndexes
  {
    let wanted = Set(tables)
    let all = try db.fetchAll(
      "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY rowid",
      [type]
    ) { (name: $0.text(0), table: $0.text(1), sql: $0.text(2)) }
    let mine = all.filter { wanted.contains($0.table) }.map { (name: $0.name, sql: $0.sql) }
    for i in mine { try db.execute("DROP \(type.uppercased()) \"\(i.name)\"") }
    return SecondaryIndexes(indexes: mine)
  }

  /// Builds each index again from its table's rows.
  func create(db: Connection) throws {
    for i in indexes { try db.execute(i.sql) }
  }
}
