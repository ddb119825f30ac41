import Domain
import Foundation

extension Store {
  /// The phase a re-fold reports (`zwfw rebuild`, and the upgrade that asks for one).
  public static let refoldTitle = "重建数据视图"

  /// Runs the re-fold a migration asked for (`refold_pending`), reporting progress, unless
  /// another process is running it right now: then says how far that one has got
  /// (`StoreError.upgradeRunning`) rather than waiting for its lock or doing it again.
  /// - Returns: whether this process re-folded.
  func refoldIfPending(progress: ProgressReporter?) throws -> Bool {
    guard try refoldPending() else { return false }
    let status = UpgradeStatus(database: db.path)
    if let step = status.read(), try isWriteLocked() { throw StoreError.upgradeRunning(step) }
    let writer = UpgradeStatusWriter(status)
    defer { writer?.end() }
    foldCache.invalidate()
    PayloadCache.shared.removeAll()
    do {
      return try db.inTransaction(.immediate) {
        // Another process may have finished the re-fold while this one waited for the lock.
        guard try refoldPending() else { return false }
        try refoldAll { step in
          writer?.record(step)
          progress?(step)
        }
        return true
      }
    } catch let e as DatabaseError where e.isBusy {
      // It started between our look at the status and our wait for the lock.
      if let step = status.read() { throw StoreError.upgradeRunning(step) }
      throw e
    }
  }

  func refoldPending() throws -> Bool {
    try db.fetchInt("SELECT count(*) FROM refold_pending") > 0
  }

  /// Someone holds the write lock for longer than a clerk's step takes.
  private func isWriteLocked() throws -> Bool {
    do {
      try db.withBusyTimeout(300) { try db.inTransaction(.immediate) {} }
      return false
    } catch let e as DatabaseError where e.isBusy {
      return true
    }
  }
}
