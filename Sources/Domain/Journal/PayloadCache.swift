import Foundation

/// Decoded payloads by (type, event hash). Folds now resume from `FoldCache`, but a case view
/// decodes its events again at every frame (the timeline's wording), and a fold that misses the
/// fold cache decodes its whole stream. The hash covers the payload, so a hit is the very value
/// a fresh decode would give. Small and bounded: it holds the cases being worked on now.
public final class PayloadCache: @unchecked Sendable {
  struct Key: Hashable {
    let type: ObjectIdentifier
    let eventHash: String
  }

  public static let shared = PayloadCache()
  /// Entries before the cache starts over (a few MB at most).
  static let capacity = 2048

  private let lock = NSLock()
  private var entries: [Key: Any] = [:]
  /// Callers inside `bypassing` (a rebuild): nothing is looked up or stored meanwhile.
  private var bypassers = 0

  func value<T>(_ key: Key) -> T? {
    lock.lock()
    defer { lock.unlock() }
    guard bypassers == 0 else { return nil }
    return entries[key] as? T
  }

  /// Runs `body` with the cache out of the way: a rebuild decodes every event of the journal
  /// once, so a lookup never hits and a store only pushes out the cases being worked on (the
  /// lookups and stores were a few percent of a rebuild). Emptied first: what it held may be
  /// older than the journal the rebuild reads.
  public func bypassing<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    entries.removeAll()
    bypassers += 1
    lock.unlock()
    defer {
      lock.lock()
      bypassers -= 1
      lock.unlock()
    }
    return try body()
  }

  /// Forgets everything (a rebuild decodes from the journal, not from memory).
  public func removeAll() {
    lock.lock()
    defer { lock.unlock() }
    entries.removeAll()
  }

  /// A decoded value, boxed as `Any` only when it is kept (not while a rebuild bypasses).
  func store<T>(_ value: T, _ key: Key, size: Int) {
    guard size <= 16_384, !isBypassed else { return }
    store(value as Any, key, size: size)
  }

  private var isBypassed: Bool {
    lock.lock()
    defer { lock.unlock() }
    return bypassers != 0
  }

  func store(_ value: Any, _ key: Key, size: Int) {
    // Large payloads (catalog items) are rare and cheap to decode again relative to their size.
    guard size <= 16_384 else { return }
    lock.lock()
    defer { lock.unlock() }
    guard bypassers == 0 else { return }
    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
    entries[key] = value
  }
}
