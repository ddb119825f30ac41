import Foundation

/// The last fold of recently touched streams, so the next step on a case applies only its new
/// events instead of folding the whole case again.
///
/// Every step on a case folded it twice from its first event (the command reads the current
/// state, the projector writes the new one), and a sync import folded each touched case once per
/// bundle: the cost of a step grew with the case's history. A fold is a pure function of its
/// events and the calendar, so a remembered fold is reused only when its events are, hash by
/// hash, the prefix of the events asked for, and only under the calendar it was made with
/// (`generation`). Anything else — an imported event landing in the middle, a rolled-back
/// transaction, a new calendar — is a miss and folds from the start. Bounded: it holds the
/// cases being worked on now, not the journal.
public final class FoldCache: @unchecked Sendable {
  struct Entry {
    let generation: Int
    let hashes: [String]
    let state: Any
    let conflicts: [Conflict]
  }

  /// Streams remembered in each of the two halves (a few MB at most).
  public static let capacity = 1024

  private let lock = NSLock()
  /// Folds made or used lately; when full it becomes `older` and starts empty, and a fold
  /// found in `older` moves back here. So a stream consulted at every step (a catalog item)
  /// stays, while a burst of new cases pushes out only what nobody asked for since.
  private var entries: [String: Entry] = [:]
  private var older: [String: Entry] = [:]
  private var generation = 0
  private var applied = 0

  public init() {}

  /// Events this cache has applied to a state (not resumed from a remembered fold): how much
  /// folding was done, which tests of resumed folds read.
  public var eventsApplied: Int {
    lock.lock()
    defer { lock.unlock() }
    return applied
  }

  /// The remembered fold of `stream`: the hashes of the events it folded, in fold order, its
  /// state (the reducer's `State?`) and its conflicts.
  public func remembered(_ stream: String) -> (hashes: [String], state: Any, conflicts: [Conflict])?
  {
    lock.lock()
    defer { lock.unlock() }
    guard let e = entries[stream] ?? older[stream], e.generation == generation else { return nil }
    return (e.hashes, e.state, e.conflicts)
  }

  /// Remembers a fold made elsewhere (one stored with the stream) unless this cache already
  /// remembers one: `state` must be the reducer's `State?` of exactly the events `hashes` name.
  public func seed(_ stream: String, hashes: [String], state: Any, conflicts: [Conflict]) {
    lock.lock()
    defer { lock.unlock() }
    guard entries[stream] == nil, older[stream] == nil else { return }
    if entries.count >= Self.capacity {
      older = entries
      entries.removeAll(keepingCapacity: true)
    }
    entries[stream] = Entry(
      generation: generation, hashes: hashes, state: state, conflicts: conflicts)
  }

  /// Forgets every fold: the calendar (or anything else a reducer consults) changed.
  public func invalidate() {
    lock.lock()
    defer { lock.unlock() }
    generation += 1
    entries.removeAll(keepingCapacity: true)
    older.removeAll(keepingCapacity: true)
  }

  /// Folds `events` (one stream, in fold order), starting from the remembered fold of a prefix.
  func fold<R: StreamReducer>(_ reducer: R.Type, _ events: [Event], _ context: FoldContext) -> (
    state: R.State?, conflicts: [Conflict]
  ) {
    // Unsaved trial events have no hash: they are folded, never remembered.
    guard let stream = events.first?.stream, events.allSatisfy({ !$0.hash.isEmpty }) else {
      return R.foldFromStart(events, context)
    }
    lock.lock()
    let entry = entries[stream] ?? older[stream]
    let current = generation
    lock.unlock()

    var state: R.State? = nil
    var conflicts: [Conflict] = []
    var start = 0
    if let entry, entry.generation == current, entry.hashes.count <= events.count,
      let remembered = entry.state as? R.State?,
      zip(entry.hashes, events).allSatisfy({ $0 == $1.hash })
    {
      state = remembered
      conflicts = entry.conflicts
      start = entry.hashes.count
    }
    if start < events.count {
      (state, conflicts) = R.fold(events[start...], from: state, conflicts, context)
    }
    let fresh = Entry(
      generation: current, hashes: events.map(\.hash), state: state as Any, conflicts: conflicts)
    lock.lock()
    applied += events.count - start
    if generation == current {
      if entries.count >= Self.capacity, entries[stream] == nil {
        older = entries
        entries.removeAll(keepingCapacity: true)
      }
      entries[stream] = fresh
    }
    lock.unlock()
    return (state, conflicts)
  }
}
