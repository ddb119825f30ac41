import Domain

/// 批量载入 — how an import re-folds the streams it inserted events into.
///
/// Most bundles carry the next events of streams this node holds: each touched stream is
/// re-folded (from its stored fold, `Store+StoredFolds`) and its rows written as a difference,
/// every index and counter trigger in place. A township's first import after enrolment is the
/// other kind: nearly every stream in it is new here, and inserting their rows one at a time
/// into tables with all their indexes (the application table has 16) and counter triggers was
/// most of the import. Such a bundle — its new events at least `bulkImportShare` of the events
/// the journal held before — loads its new streams the way a rebuild loads everything: the
/// affected tables' secondary indexes and triggers are dropped, each new stream is folded from
/// one pass over the journal in stream order (on the second core, `RefoldPipeline`) and its rows
/// inserted without reading back (none are stored), then the indexes are built again from the
/// tables and the counters recounted.
/// All of it happens inside the import's one transaction: a failure anywhere rolls the dropped
/// indexes and triggers back with everything else (SQLite's DDL is transactional).
extension Store {
  /// The share of the journal (events held before the import) a bundle's new events must reach
  /// for the import to load in bulk. Building the indexes again and recounting costs a pass over
  /// every row of the tables, old ones included: at 10k (121k new events into an empty
  /// township) that was about a sixth of what loading without indexes saved, so the bulk load
  /// still pays with about five old rows per new one; half the journal keeps a wide margin
  /// (README, Performance: issue 22's fifth round).
  static let bulkImportShare = 0.5

  /// Whether an import of `newEvents` into a journal of `journalEvents` loads in bulk.
  func importsInBulk(newEvents: Int, journalEvents: Int) -> Bool {
    newEvents > 0 && Double(newEvents) >= bulkImportShare * Double(journalEvents)
  }

  /// How many events the journal holds (never deleted from, so its largest rowid; no scan).
  func journalSize() throws -> Int {
    try db.hot.fetchInt("SELECT coalesce(max(rowid), 0) FROM main.journal")
  }

  /// Re-folds the streams an import inserted events into (`streams`: organisations first; `new`:
  /// those with no events here before it), in bulk or one by one.
  func refoldImported(_ streams: [String], new: Set<String>, bulk: Bool) throws {
    guard bulk else {
      try reproject(streams: streams, new: new, storedFolds: true)
      return
    }
    let fresh = Set(
      streams.filter { s in
        let kind = String(splitStream(s).kind)
        return new.contains(s) && kind != CalendarYearReducer.streamKind
          && projectorsByKind[kind] != nil
      })
    // Calendars and the streams held before go first, one by one with every index in place:
    // their stored rows are read back by owner, and a new calendar year must be loaded before
    // any case counts working days.
    try reproject(
      streams: streams.filter { !fresh.contains($0) }, new: new, storedFolds: true,
      foldedAfter: fresh)
    guard !fresh.isEmpty else { return }
    let kinds = Set(fresh.map { String(splitStream($0).kind) })
    // Organisations before the staff that reference them, then the projectors' order.
    let order = (["org"] + projectors.map(\.streamKind).filter { $0 != "org" }).filter {
      kinds.contains($0)
    }
    let written = Set(
      order.flatMap { projectorsByKind[$0]?.tables ?? [] } + [
        "deadline", "conflict", "stream_scope",
      ])
    let tables = projectionTables.filter { written.contains($0) }
    let indexes = try SecondaryIndexes.drop(on: tables, db: db)
    let triggers = try SecondaryIndexes.drop(on: tables, type: "trigger", db: db)
    // Folded as a rebuild folds: a few streams ahead on the second core, each event decoded
    // once. Their folds are not stored (`fold_state`), as a rebuild's are not: the next import
    // that extends a long one folds it from the start once and stores it then.
    var done = 0
    let anyHeld = try heldEventsExist()
    try PayloadCache.shared.bypassing {
      try refold(
        order, anyHeld: anyHeld, ahead: RefoldPipeline.ahead, done: &done, total: fresh.count,
        progress: nil, only: fresh)
    }
    try indexes.create(db: db)
    try recountProjectionCounters()
    try triggers.create(db: db)
  }

  /// The counters, the complaints' 督办 flags and 受理登记's search index made again from the
  /// rows, after rows were written with their keepers (triggers) off.
  private func recountProjectionCounters() throws {
    for t in ProjectionCounters.tables { try db.run("DELETE FROM \(t)") }
    // The fill only raises flags: clear them first, so a flag whose notice was answered goes.
    try db.run("UPDATE complaint SET supervised = 0 WHERE supervised = 1")
    try ProjectionCounters.recount(db: db)
  }
}
