import Domain
import Foundation

/// 折叠状态 — an import folds a stream it extends from the fold stored with it (`fold_state`),
/// not from the stream's first event.
///
/// A bundle mostly carries the next events of streams this node holds; folding each from its
/// start made an import's cost grow with the history of what it touched. After an import
/// folds a long stream, its state is stored with the digest of the events it folded; the next
/// import that touches the stream checks that those events are, in fold order, still the
/// first ones (nothing landed among them, nothing of them is held), hands the stored state to
/// the fold cache as the remembered fold of that prefix, and the fold applies only what
/// follows. Anything else folds from the start. A clerk's step neither reads nor writes it:
/// a step folds from the cache of lately worked cases, and a stored fold a step has gone past
/// is still the fold of a prefix the next import resumes from.
extension Store {
  /// Streams of at least this many folded events keep their fold at import (a case's four or
  /// five events fold from the journal about as fast as a stored state decodes).
  static let storedFoldMinimum = 8

  /// Hands `stream`'s stored fold to the fold cache, when it is the fold of a prefix of the
  /// events the stream now folds (so `reproject` applies only the rest).
  func resumeStoredFold(of stream: String) throws {
    guard let projector = projectorsByKind[String(splitStream(stream).kind)],
      foldCache.remembered(stream) == nil,
      let stored = try db.hot.fetchOne(
        "SELECT events, digest, state, conflicts FROM fold_state WHERE stream = ?", [stream],
        { (events: $0.int(0), digest: $0.text(1), state: $0.text(2), conflicts: $0.text(3)) })
    else { return }
    let events = try foldedEvents(of: stream)
    guard stored.events > 0, stored.events <= events.count else { return }
    let hashes = events[..<stored.events].map(\.hash)
    guard Self.digest(hashes) == stored.digest,
      let state = projector.decodeState(Data(stored.state.utf8)),
      let conflicts = try? JSONDecoder().decode(
        [Conflict].self, from: Data(stored.conflicts.utf8))
    else { return }
    foldCache.seed(
      stream, hashes: hashes, state: state,
      conflicts: conflicts)
  }

  /// Stores the fold `reproject` just made of `stream`, if the stream is long enough.
  func storeFold(of stream: String) throws {
    let events = try foldedEvents(of: stream)
    guard events.count >= storedFoldMinimum, let fold = foldCache.remembered(stream),
      fold.hashes.count == events.count, fold.hashes.last == events.last?.hash,
      let state = fold.state as? any Encodable
    else { return }
    try db.hot.run(
      """
      INSERT INTO fold_state (stream, events, digest, state, conflicts) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET events = excluded.events, digest = excluded.digest,
        state = excluded.state, conflicts = excluded.conflicts
      """,
      [
        stream, events.count, Self.digest(fold.hashes),
        String(decoding: try JSONEncoder().encode(state), as: UTF8.self),
        String(decoding: try JSONEncoder().encode(fold.conflicts), as: UTF8.self),
      ])
  }

  /// Forgets every stored fold: a rebuild, or a calendar that may move any case's deadlines.
  func forgetStoredFolds() throws {
    try db.run("DELETE FROM fold_state")
  }

  /// The events a stream's projection folds: its journal in fold order, without those held at
  /// import (`sync.held`).
  func foldedEvents(of stream: String) throws -> [Event] {
    let events = try Journal.events(stream: stream, db: db)
    let held = try heldEvents(of: stream)
    guard !held.isEmpty else { return events }
    return events.filter { e in !held.contains { $0.origin == e.origin && $0.seq == e.seq } }
  }

  /// SHA-256 of the folded events' hashes, in fold order.
  static func digest(_ hashes: [String]) -> String {
    var hasher = SHA256()
    for h in hashes {
      hasher.update(Array(h.utf8))
      hasher.update([UInt8(ascii: "\n")])
    }
    return SHA256.hex(hasher.finalize())
  }
}
