import Foundation

/// Decoded payloads by (type, payload text). A fold decodes every event of its stream, and each
/// step on a case folds it again (inside the lock, then in the projector), so a case's first
/// events — the registration with its item snapshot — were decoded over and over; JSON decoding
/// was half the cost of a step and most of a sync import. The payload text is the key, so a hit
/// is the very value a fresh decode would give. Small and bounded: it holds the cases being
/// worked on now, not the journal.
final class PayloadCache: @unchecked Sendable {
  struct Key: Hashable {
    let type: ObjectIdentifier
    let payload: String
  }

  static let shared = PayloadCache()
  /// Entries before the cache starts over (a few MB at most).
  static let capacity = 2048

  private let lock = NSLock()
  private var entries: [Key: Any] = [:]

  func value<T>(_ key: Key) -> T? {
    lock.lock()
    defer { lock.unlock() }
    return entries[key] as? T
  }

  func store(_ value: Any, _ key: Key) {
    // Large payloads (catalog items) are rare and cheap to decode again relative to their size.
    guard key.payload.utf8.count <= 16_384 else { return }
    lock.lock()
    defer { lock.unlock() }
    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
    entries[key] = value
  }
}
