import Domain
import Foundation

extension Store {
  /// 导入同步文件 — applies a bundle from a peer: all of it or nothing.
  ///
  /// Validation (hashes, chain links, digest, authority, forks, witnesses) runs outside the
  /// write lock on a read snapshot; only the application holds `BEGIN IMMEDIATE`, inserting the
  /// unseen events, re-folding each touched stream once (a bundle of at least half as many new
  /// events as the journal holds loads its new streams in bulk: `Store+ImportRefold`) and
  /// recording the import. A bundle already imported, or older than one that was, takes no lock
  /// and writes nothing.
  public func importBundle(path: String, by staff: Staff, progress: ProgressReporter? = nil) throws
    -> ImportSummary
  {
    if let refusal = Permission.check(staff, .importBundle) {
      logRefusal(actor: staff.login, action: .importBundle, subject: path, reason: refusal.message)
      throw refusal
    }
    return try importBundle(path: path, actor: staff.login, progress: progress)
  }

  /// - Parameter afterValidation: called between the phases (tests check the lock is free).
  func importBundle(
    path: String, actor: String, progress: ProgressReporter? = nil,
    afterValidation: (() throws -> Void)? = nil
  ) throws -> ImportSummary {
    do {
      let reader = try BundleReader(path: path) { try bundleKey(for: $0, path: path) }
      return try importBundle(
        reader, actor: actor, progress: progress, afterValidation: afterValidation)
    } catch let problem as BundleProblem {
      if problem.isAlarm {
        let ms = Int64(clock().timeIntervalSince1970 * 1000)
        try db.inTransaction(.immediate) { try SyncBookkeeping(db: db).raiseAlarm(problem, at: ms) }
      }
      logRefusal(actor: actor, action: .importBundle, subject: path, reason: problem.reason)
      throw problem
    }
  }

  func importBundle(
    _ reader: BundleReader, actor: String, progress: ProgressReporter?,
    afterValidation: (() throws -> Void)?
  ) throws -> ImportSummary {
    try refuseFixedClock()
    let m = reader.manifest
    try checkAddress(m, path: reader.path)
    let book = SyncBookkeeping(db: db)
    let chain = LocalChain(db: db)
    let (outcome, lastSerial) = try db.inTransaction(.deferred) {
      let last = try book.lastImportedSerial(from: m.fromNode)
      try checkWitnesses(m, newer: m.serial > last, book: book, chain: chain)
      let validation = BundleValidation(
        reader: reader, node: node, chain: chain,
        progress: progress.map { p in { p(SyncPhase.validating.step($0, $1)) } })
      return (try validation.run(), last)
    }
    try afterValidation?()
    var summary = ImportSummary(
      peer: m.fromNode, peerName: try peerName(m.fromNode), serial: m.serial,
      age: m.serial < lastSerial ? .older : (m.serial == lastSerial ? .same : .newer), applied: [:],
      duplicates: outcome.duplicates, quarantined: 0,
      casesTouched: 0, newConflicts: 0, awaiting: [], changed: false)
    let newer = m.serial > lastSerial
    guard outcome.newItems > 0 || newer else {
      summary.awaiting = try awaitedEvents()
      return summary
    }
    do {
      try apply(
        reader, outcome, actor: actor, newer: newer, into: &summary, progress: progress)
    } catch {
      // The rolled-back transaction may have re-folded a calendar; the reason for the failure is
      // what the admin must read, so a failure to reload here does not replace it.
      try? reloadCalendar()
      if let contradiction = error as? ChainContradiction {
        throw BundleProblem.fork(
          peer: m.fromNode, origin: contradiction.origin, seq: contradiction.seq)
      }
      throw error
    }
    summary.changed = true
    summary.peerName = try peerName(m.fromNode)
    summary.awaiting = try awaitedEvents()
    return summary
  }

  /// The second phase: one write transaction. Per origin, the items this node already knows of
  /// and the one that meets its head are taken one by one; the rest of the cover (normally almost
  /// all of it) is inserted by two statements from the bundle attached read-only.
  private func apply(
    _ reader: BundleReader, _ outcome: BundleValidation.Outcome, actor: String, newer: Bool,
    into summary: inout ImportSummary, progress: ProgressReporter?
  ) throws {
    let m = reader.manifest
    let book = SyncBookkeeping(db: db)
    let chain = LocalChain(db: db)
    let ms = Int64(clock().timeIntervalSince1970 * 1000)
    let total = m.eventCount + m.elidedCount
    try attachBundle(reader)
    defer { detachBundle() }
    try db.inTransaction(.immediate) {
      // Staff reference organisations: check references at commit, not per row.
      try db.execute("PRAGMA defer_foreign_keys = ON")
      let conflictsBefore = try book.unresolvedConflictCount()
      let held = try authorise(outcome, chain: chain)
      let newStreams = try streamsNew(outcome.distinctStreams)
      let bulk = importsInBulk(newEvents: outcome.newItems, journalEvents: try journalSize())
      summary.loadedInBulk = bulk
      var touched: [String] = []
      for (origin, end) in outcome.ends.sorted(by: { $0.key < $1.key }) {
        var applier = try OriginApplier(
          chain: chain, origin: origin, peer: m.fromNode, receivedAt: ms)
        let start = applier.head.seq
        try reader.forEachItem(origin: origin, after: 0, through: start + 1) {
          try applier.take($0)
        }
        if applier.head.seq > start {
          try applier.extendInBulk(to: end, streams: outcome.streams[origin] ?? [])
        } else {
          // A gap: everything after it waits in quarantine.
          try reader.forEachItem(origin: origin, after: start + 1, through: end.seq) {
            try applier.take($0)
          }
        }
        try applier.finish()
        summary.applied[origin, default: 0] += applier.applied
        summary.quarantined += applier.quarantined
        touched += applier.touched
        progress?(SyncPhase.applying.step(summary.totalApplied, total))
      }
      try hold(held, actor: actor, at: ms)
      summary.held = held.count
      try advanceCausalClock(importing: outcome.latest)
      var seen = Set<String>()
      let unique = touched.filter { seen.insert($0).inserted }
      // Organisations before the staff that reference them; `reproject` puts calendars first.
      let ordered =
        unique.filter { SyncScope.kind(of: $0) == "org" }
        + unique.filter { SyncScope.kind(of: $0) != "org" }
      try refoldImported(ordered, new: newStreams, bulk: bulk)
      summary.casesTouched = unique.filter { SyncScope.countsAsCase(stream: $0) }.count
      summary.newConflicts = max(0, try book.unresolvedConflictCount() - conflictsBefore)
      if newer { try book.replaceMarks(of: m.fromNode, with: m.marks) }
      try book.record(
        .init(
          peer: m.fromNode, serial: m.serial, ms: ms, actor: actor, digest: m.digest,
          events: summary.totalApplied, quarantined: summary.quarantined,
          cases: summary.casesTouched, conflicts: summary.newConflicts))
    }
  }

  /// The new events of townships' origins that must be held (`IncomingAuthority`), judged on
  /// the journal as it was before this import.
  private func authorise(_ outcome: BundleValidation.Outcome, chain: LocalChain) throws
    -> [(Event, String)]
  {
    var authority = IncomingAuthority(store: self)
    var held: [(Event, String)] = []
    for origin in outcome.ends.keys.sorted() where authority.checks(origin: origin) {
      let head = try chain.head(origin)
      let events = try db.fetchAll(
        "SELECT \(Journal.columns) FROM bundle.event WHERE origin = ? AND seq > ? ORDER BY seq",
        [origin, head.seq], Journal.read)
      for e in events where try !authority.isHeld(e) {
        if let reason = try authority.refusal(e) { held.append((e, reason)) }
      }
    }
    return held
  }

  /// The streams of the bundle (`streams`, as validation read them) that have no events here
  /// yet (asked before the import inserts any): nothing is projected of them, so their rows are
  /// inserted without reading. Streams whose quarantined events the import releases are not
  /// among them. One probe of the journal's stream index each, not a scan of the bundle.
  private func streamsNew(_ streams: [String]) throws -> Set<String> {
    var out = Set<String>()
    for s in streams
    where try db.hot.fetchOne(
      "SELECT 1 FROM main.journal WHERE stream = ? LIMIT 1", [s], { _ in 1 })
      == nil
    {
      out.insert(s)
    }
    return out
  }

  /// Attaches the bundle's private copy read-only as schema `bundle` (outside any transaction).
  private func attachBundle(_ reader: BundleReader) throws {
    detachBundle()
    try reader.attach(to: db, as: "bundle")
  }

  /// Detaches an attached bundle, if any: a failed import must not leave one for the next.
  private func detachBundle() {
    let attached = (try? db.fetchAll("PRAGMA database_list") { $0.text(1) }) ?? []
    // Called from `defer` and before the next attach: a detach that fails here leaves the
    // schema attached, and the next attach then fails with SQLite's own reason.
    if attached.contains("bundle") { try? db.detach("bundle") }
  }

  /// The bundle must be for this district and this node, from a peer this node exchanges with.
  func checkAddress(_ m: BundleManifest, path: String) throws {
    guard m.district == node.district else {
      throw BundleProblem.otherDistrict(path: path, theirs: m.district, ours: node.district)
    }
    guard m.toNode == node.code else {
      throw BundleProblem.otherNode(path: path, addressee: m.toNode, us: node.code)
    }
    guard m.fromNode != node.code else { throw BundleProblem.fromSelf(path: path) }
    guard m.training == node.training else {
      throw BundleProblem.modeMismatch(path: path, theirsTraining: m.training)
    }
    if node.isDistrict {
      guard try isPeer(m.fromNode) else {
        throw BundleProblem.unknownPeer(path: path, peer: m.fromNode)
      }
    } else if m.fromNode != node.district {
      throw BundleProblem.notFromDistrict(path: path, peer: m.fromNode, district: node.district)
    }
  }

  /// 见证 — the peer's view of our chains, and its own chains against what it reported before.
  func checkWitnesses(_ m: BundleManifest, newer: Bool, book: SyncBookkeeping, chain: LocalChain)
    throws
  {
    let peer = m.fromNode
    for (origin, seen) in m.witness.sorted(by: { $0.key < $1.key })
    where SyncScope.node(ofOrigin: origin) == node.code {
      let head = try chain.head(origin)
      // After a restore the peer has seen more of our earlier epoch than the backup holds;
      // the bundle brings those events back, linked to our head and checked like any other.
      let restored = SyncScope.isEarlierEpoch(origin, of: node.code, before: node.epoch)
      if seen.seq > head.seq, !restored {
        throw BundleProblem.oursTruncated(
          peer: peer, origin: origin, seen: seen.seq, held: head.seq)
      }
      if let held = try chain.knownHash(origin, seen.seq), held != seen.hash {
        throw BundleProblem.oursRewritten(peer: peer, origin: origin, seq: seen.seq)
      }
    }
    if newer {
      for (origin, before) in try book.witnesses(of: peer).sorted(by: { $0.key < $1.key }) {
        let now = m.marks[origin] ?? .empty
        // The peer was restored from a backup since: its earlier epoch may end sooner than it
        // reported, but must be a prefix of what it reported (same hash where both hold it).
        let peerEpoch = SyncScope.epoch(ofOrigin: m.fromOrigin) ?? 0
        if now.seq < before.seq, SyncScope.isEarlierEpoch(origin, of: peer, before: peerEpoch) {
          if now.seq > 0, let held = try chain.knownHash(origin, now.seq), held != now.hash {
            throw BundleProblem.theirsRewritten(peer: peer, origin: origin, seq: now.seq)
          }
          continue
        }
        if now.seq < before.seq {
          throw BundleProblem.theirsTruncated(
            peer: peer, origin: origin, seen: before.seq, now: now.seq)
        }
        if now.seq == before.seq, now.hash != before.hash {
          throw BundleProblem.theirsRewritten(peer: peer, origin: origin, seq: now.seq)
        }
      }
    }
    for (origin, mark) in m.marks.sorted(by: { $0.key < $1.key }) where mark.seq > 0 {
      guard mark.seq <= (try chain.head(origin)).seq else { continue }
      if let held = try chain.knownHash(origin, mark.seq), held != mark.hash {
        throw BundleProblem.fork(peer: peer, origin: origin, seq: mark.seq)
      }
    }
  }

  func isPeer(_ code: String) throws -> Bool {
    try db.fetchInt("SELECT count(*) FROM peer_node WHERE code = ?", [code]) == 1
  }

  func peerName(_ code: String) throws -> String {
    try db.fetchOne("SELECT name FROM peer_node WHERE code = ?", [code]) { $0.text(0) } ?? code
  }
}
