import Domain
import Foundation

/// 校验流水线 — the checks of an import that look at one event alone (its SHA-256, the text
/// rules) run on a second thread while the validation reads the next items of the bundle and
/// walks the chains: on two cores the two overlap instead of taking turns.
///
/// Events are handed in bundle order, a batch at a time, and checked in that order; the first
/// that fails is kept and nothing after it is checked. The validation hands an event in after
/// the checks that come before its hash and before those that come after, so "the checker's
/// failure, if any, else the validation's own error" is the problem a validation on one thread
/// would have thrown first: every event the checker saw is, or comes before, the item where the
/// validation stopped. At most `ahead` batches wait, so memory stays bounded.
final class EventCheckPipeline: @unchecked Sendable {
  /// Why an event cannot be imported, nil when it passes.
  typealias Check = @Sendable (Event) -> BundleProblem?

  /// Events handed to the checker at once: a wake-up and a lock per batch, not per event.
  static let batchSize = 256

  /// Batches handed in and not yet checked, at most: a few MB of events at 10k.
  static let ahead = 16

  private let check: Check
  private let batchSize: Int
  private let capacity: Int
  /// The batch being filled: touched by the submitting thread alone.
  private var batch: [Event] = []
  // Everything below is read and written with `condition` locked.
  private let condition = NSCondition()
  private var waiting: [[Event]] = []
  private var checking = false
  private var failure: BundleProblem?
  private var closed = false
  private var running = true

  /// Starts the checking thread; `close` ends it.
  init(
    batchSize: Int = EventCheckPipeline.batchSize, ahead: Int = EventCheckPipeline.ahead,
    check: @escaping Check
  ) {
    self.check = check
    self.batchSize = max(1, batchSize)
    capacity = max(1, ahead)
    batch.reserveCapacity(self.batchSize)
    let thread = Thread { [self] in checkUntilClosed() }
    // The text rules decode a staff member's or an organisation's payload (nested JSON); a
    // secondary thread's default stack is small.
    thread.stackSize = 8 << 20
    thread.name = "zwfw-import-check"
    thread.start()
  }

  /// Hands `event` to the checker. Throws the checker's first failure once it is known: what
  /// the validation would find from here on comes after it in the bundle.
  func submit(_ event: Event) throws {
    batch.append(event)
    if batch.count >= batchSize { try handOver() }
  }

  /// Waits until every event handed in is checked, or one failed; that first failure.
  func firstFailure() -> BundleProblem? {
    condition.lock()
    defer { condition.unlock() }
    if failure == nil, !batch.isEmpty {
      waiting.append(batch)
      batch = []
      condition.broadcast()
    }
    while failure == nil && (!waiting.isEmpty || checking) && running { condition.wait() }
    return failure
  }

  /// Ends the checking thread, dropping what waits, and returns when it has ended.
  func close() {
    condition.lock()
    closed = true
    waiting.removeAll()
    condition.broadcast()
    while running { condition.wait() }
    condition.unlock()
  }

  private func handOver() throws {
    condition.lock()
    defer { condition.unlock() }
    while waiting.count >= capacity && failure == nil && running { condition.wait() }
    if let failure { throw failure }
    waiting.append(batch)
    batch = []
    batch.reserveCapacity(batchSize)
    condition.broadcast()
  }

  private func checkUntilClosed() {
    condition.lock()
    while true {
      while (waiting.isEmpty || failure != nil) && !closed { condition.wait() }
      if closed { break }
      let events = waiting.removeFirst()
      checking = true
      // Room for the next batch: the submitter may be waiting for it.
      condition.broadcast()
      condition.unlock()
      var found: BundleProblem?
      for event in events {
        found = check(event)
        if found != nil { break }
      }
      condition.lock()
      checking = false
      if let found {
        failure = found
        waiting.removeAll()
      }
      condition.broadcast()
    }
    running = false
    condition.broadcast()
    condition.unlock()
  }
}
