/// What the current transaction has read or written, kept until it ends.
///
/// Inside a transaction nothing but this connection changes the database (a write transaction
/// holds the write lock; a read transaction sees one snapshot), so a row read or written once
/// stays as it was unless this connection writes it again, and every such writer here keeps
/// its entry up to date. `Connection` empties the memo when a transaction begins, commits or
/// rolls back, and when a savepoint is rolled back to; outside a transaction it holds nothing.
public final class TransactionMemo {
  private var entries: [String: Any] = [:]
  private unowned let connection: Connection
  /// Entries before the memo starts over: a bulk import touches every case once and needs none
  /// of them twice; a clerk's command needs a handful.
  static let capacity = 1024

  /// The projection rows being written have none stored yet: a rebuild emptied the tables, or
  /// the stream is new to this node. A projection writer then inserts without reading back
  /// what is stored (nothing) — what it remembers itself still counts. Set around the writes
  /// that know it, and cleared when a transaction begins or ends.
  var projectingFresh = false

  init(connection: Connection) { self.connection = connection }

  /// The remembered value, if this transaction remembered one.
  func value<T>(_ key: String) -> T? {
    guard connection.isInTransaction else { return nil }
    return entries[key] as? T
  }

  /// Remembers `value` for the rest of the transaction (no-op outside one).
  func remember(_ key: String, _ value: Any) {
    guard connection.isInTransaction else { return }
    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
    entries[key] = value
  }

  func forget(_ key: String) { entries[key] = nil }

  /// Forgets every entry whose key starts with `prefix` (`journal:` after a bulk insert).
  func forget(prefix: String) {
    entries = entries.filter { !$0.key.hasPrefix(prefix) }
  }

  func removeAll() {
    if !entries.isEmpty { entries.removeAll(keepingCapacity: true) }
  }

  /// Forgets everything, `projectingFresh` too: a transaction begins or ends.
  func reset() {
    removeAll()
    projectingFresh = false
  }

  /// Runs `body` with `projectingFresh` set (`fresh`), as it was again afterwards.
  func projecting<T>(fresh: Bool, _ body: () throws -> T) rethrows -> T {
    let before = projectingFresh
    projectingFresh = fresh
    defer { projectingFresh = before }
    return try body()
  }
}
