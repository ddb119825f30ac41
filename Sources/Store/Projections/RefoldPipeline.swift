import Domain
import Foundation

/// 重建流水线 — a rebuild folds the next streams on a second thread while the store's
/// connection writes the rows of those folded before: on two cores the folds (payload decoding,
/// the rules' replay) and SQLite's inserts overlap instead of taking turns.
///
/// Every write and the transaction stay on the calling thread and its connection, and streams
/// are written in journal order. The journal is read either on the calling thread, which hands
/// each stream in (`submit`, `drain`: a bulk import, whose new events only its own connection
/// sees), or by the folding thread itself through a connection of its own (`read`: a rebuild,
/// `JournalReader`). A fold reads nothing but its events and the calendar it is given. At most
/// `capacity` streams wait or are folded ahead of the writes, so memory stays bounded.
final class RefoldPipeline: @unchecked Sendable {
  /// One stream read from the journal, to be folded.
  struct Job: Sendable {
    let stream: String
    /// Every event of the stream, in fold order (a conflict's resolution is read from these).
    let events: [Event]
    /// Events held at import: left out of the fold, shown as conflicts.
    let held: [HeldEvent]
    let projector: any Projector
    let context: FoldContext
  }

  /// A job and its fold.
  struct Folded: Sendable {
    let job: Job
    /// The events folded: the stream's but those held.
    let applied: [Event]
    /// Nil when the projector folds as it writes (`Projector.fold`).
    let fold: FoldedRows?
  }

  /// Streams a rebuild folds ahead of its writes at most: enough that neither thread waits
  /// for the other at a stream of many events, a few hundred KB of events.
  static let ahead = 64

  /// Streams handed in before the folding thread, if asleep, is woken.
  static let wakeEvery = 8

  /// Streams handed in or folded, not yet taken by the writer, at most.
  let capacity: Int
  // Everything below is read and written with `condition` locked.
  private let condition = NSCondition()
  private var waiting: [Job] = []
  /// The next of `waiting` to fold (taken ones are dropped now and then, not one by one).
  private var next = 0
  private var folding = false
  private var folded: [Folded] = []
  private var closed = false
  private var running = true
  /// A kind the folding thread reads from the journal itself (`read`), until `readEnded`.
  private var reading: Reading?
  private var readEnded = false
  private var readError: (any Error)?
  /// Which side waits for the other while a kind is read: woken only then.
  private var writerWaits = false
  private var readerWaits = false

  /// A kind of stream for the folding thread to read, fold and hand over (`read`).
  struct Reading: Sendable {
    let kind: String
    let journal: JournalReader
    let projector: any Projector
    let context: FoldContext
    /// Whether any stream has held events (read through `journal` when so).
    let anyHeld: Bool
  }

  /// Ends the folding thread's read when the pipeline is closed under it.
  private struct Closed: Error {}

  /// Starts the folding thread; `close` ends it.
  init(capacity: Int = RefoldPipeline.ahead) {
    self.capacity = max(1, capacity)
    let thread = Thread { [self] in foldUntilClosed() }
    // A fold decodes nested JSON; a secondary thread's default stack is small.
    thread.stackSize = 8 << 20
    thread.name = "zwfw-refold"
    thread.start()
  }

  /// The fold of one job, on whatever thread calls it (the pipeline's, or the writer's when a
  /// stream is re-projected alone).
  static func fold(_ job: Job) -> Folded {
    let applied =
      job.held.isEmpty
      ? job.events
      : job.events.filter { e in !job.held.contains { $0.origin == e.origin && $0.seq == e.seq } }
    return Folded(
      job: job, applied: applied,
      fold: job.projector.fold(stream: job.stream, events: applied, in: job.context))
  }

  /// Hands a stream to the folding thread. Meanwhile writes (through `write`, on this thread)
  /// every stream already folded, first waiting for the oldest when `capacity` are in between.
  func submit(_ job: Job, write: (Folded) throws -> Void) throws {
    condition.lock()
    while inFlight >= capacity && folded.isEmpty {
      condition.broadcast()
      condition.wait()
    }
    let ready = folded
    folded.removeAll(keepingCapacity: true)
    waiting.append(job)
    // The folding thread is woken for a few streams at a time, not each (a thread woken per
    // stream cost more than some folds).
    if waiting.count - next >= min(Self.wakeEvery, capacity) { condition.broadcast() }
    condition.unlock()
    for f in ready { try write(f) }
  }

  /// Writes every stream handed in and not written yet, in order, waiting for their folds.
  func drain(write: (Folded) throws -> Void) throws {
    while true {
      condition.lock()
      while folded.isEmpty && (next < waiting.count || folding) {
        condition.broadcast()
        condition.wait()
      }
      let ready = folded
      folded.removeAll(keepingCapacity: true)
      let more = next < waiting.count || folding
      condition.unlock()
      for f in ready { try write(f) }
      if !more { return }
    }
  }

  /// Has the folding thread read every stream of `reading.kind` from its own connection and
  /// fold it, while this thread writes (through `write`) each folded stream in journal order:
  /// this thread's connection only writes. At most `capacity` folded streams wait.
  func read(_ reading: Reading, write: (Folded) throws -> Void) throws {
    condition.lock()
    assert(self.reading == nil && next == waiting.count && !folding && folded.isEmpty)
    self.reading = reading
    readEnded = false
    readError = nil
    condition.broadcast()
    condition.unlock()
    while true {
      condition.lock()
      while folded.isEmpty && !readEnded {
        writerWaits = true
        condition.wait()
        writerWaits = false
      }
      let ready = folded
      folded.removeAll(keepingCapacity: true)
      let ended = readEnded
      let error = readError
      if readerWaits { condition.broadcast() }
      condition.unlock()
      for f in ready { try write(f) }
      if ended {
        if let error { throw error }
        return
      }
    }
  }

  /// On the folding thread: reads each stream of `r.kind`, folds it and hands it to the writer.
  private func readAndFold(_ r: Reading) throws {
    // Handed over `wakeEvery` streams at a time, not one by one: a lock and a wake-up per
    // stream made the two threads take turns (a futex call per stream or more).
    var batch: [Folded] = []
    batch.reserveCapacity(Self.wakeEvery)
    func handOver() throws {
      condition.lock()
      defer { condition.unlock() }
      while folded.count + batch.count > capacity && !folded.isEmpty && !closed {
        readerWaits = true
        condition.wait()
        readerWaits = false
      }
      if closed { throw Closed() }
      folded += batch
      batch.removeAll(keepingCapacity: true)
      if writerWaits { condition.broadcast() }
    }
    try Journal.forEachStream(kind: r.kind, db: r.journal.db) { stream, events in
      let held =
        r.anyHeld ? try Store.heldEvents(of: stream, db: r.journal.db) : []
      batch.append(
        Self.fold(
          Job(
            stream: stream, events: events, held: held, projector: r.projector,
            context: r.context)))
      if batch.count >= min(Self.wakeEvery, capacity) { try handOver() }
    }
    if !batch.isEmpty { try handOver() }
  }

  /// Ends the folding thread, dropping what waits (after an error nothing more is written),
  /// and returns when it has ended.
  func close() {
    condition.lock()
    closed = true
    waiting.removeAll()
    next = 0
    condition.broadcast()
    while running { condition.wait() }
    condition.unlock()
  }

  private var inFlight: Int { waiting.count - next + (folding ? 1 : 0) + folded.count }

  private func foldUntilClosed() {
    condition.lock()
    while true {
      while next == waiting.count && reading == nil && !closed { condition.wait() }
      if closed { break }
      if let r = reading {
        condition.unlock()
        var failure: (any Error)?
        do { try readAndFold(r) } catch { failure = error }
        condition.lock()
        reading = nil
        readEnded = true
        readError = failure
        condition.broadcast()
        continue
      }
      let job = waiting[next]
      next += 1
      if next == waiting.count || next >= 1024 {
        waiting.removeFirst(next)
        next = 0
      }
      folding = true
      condition.unlock()
      let done = Self.fold(job)
      condition.lock()
      folding = false
      folded.append(done)
      condition.broadcast()
    }
    running = false
    condition.broadcast()
    condition.unlock()
  }
}
