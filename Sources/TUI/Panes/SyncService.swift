import Domain
import Store

/// What the 同步 pane may ask of the store: the overview, and the three commands. Tests give the
/// pane a fake; the workstation gives it `StoreSyncService`.
public protocol SyncService {
  func overview() throws -> SyncOverview
  /// Writes a bundle for `peer`; returns the one-line report.
  func export(to peer: String, path: String, by staff: Staff) throws -> String
  /// Applies a bundle; returns the one-line report.
  func importBundle(path: String, by staff: Staff) throws -> String
  func resolve(_ conflict: ConflictRecord, resolution: String, by staff: Staff) throws
}

/// The store behind the 同步 pane.
public struct StoreSyncService: SyncService {
  let store: Store

  public init(store: Store) { self.store = store }

  public func overview() throws -> SyncOverview { try store.syncOverview() }

  public func export(to peer: String, path: String, by staff: Staff) throws -> String {
    try store.exportBundle(to: peer, path: path, by: staff).message
  }

  public func importBundle(path: String, by staff: Staff) throws -> String {
    let summary = try store.importBundle(path: path, by: staff)
    // Shared data (the calendar above all) may have changed.
    try store.reloadCalendar()
    return summary.message
  }

  public func resolve(_ conflict: ConflictRecord, resolution: String, by staff: Staff) throws {
    try store.resolveConflict(
      origin: conflict.origin, seq: conflict.seq, resolution: resolution, by: staff)
  }
}
