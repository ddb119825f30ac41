import Domain
import Foundation

extension Store {
  /// 备份 — a consistent copy through SQLite itself (`VACUUM INTO`), checked with
  /// `integrity_check` before it is reported good. Nothing else ever copies the live file: a plain
  /// file copy during a write would capture half a transaction and miss the WAL.
  /// - Returns: the number of events in the backup.
  /// - Parameter progress: the three stages (copy, integrity check, count) as they end.
  @discardableResult
  public func backup(to path: String, progress: ProgressReporter? = nil) throws -> Int {
    let step = { (done: Int) in progress?(ProgressStep("备份", done: done, total: 3)) }
    step(0)
    // `VACUUM INTO` writes a temporary file in the target's folder; it takes the target's name
    // only when checked, and never in place of an existing file.
    return try files.create(path, createFolders: true) { temporary in
      try db.run("VACUUM INTO ?", [temporary])
      step(1)
      let copy = try Connection(path: temporary, mode: .readOnly)
      let check = try copy.fetchOne("PRAGMA integrity_check") { $0.text(0) } ?? ""
      guard check == "ok" else {
        throw StoreError.invalid("备份校验失败(\(check)),备份未保存")
      }
      step(2)
      let events = try copy.fetchInt("SELECT count(*) FROM journal")
      step(3)
      return events
    }.value
  }

  /// How far a restore moves every numbering series (case numbers, 督办 文号) ahead.
  public static let restoreNumberSkip = 1000

  /// 恢复 — makes a working database from a backup at `target`, under a new epoch: the restored
  /// node's origin changes (`BYQ.1` → `BYQ.2`), so it can never reuse a sequence number the old
  /// epoch already spent and sent to other nodes, and every numbering series skips
  /// `restoreNumberSkip` numbers. The district sends a restored township back the events of its
  /// old epoch that it holds (see `ExportScope`).
  public static func restore(
    backup: String, to target: String, zone: DeploymentZone = .shanghai,
    clock: @escaping () -> Date = Date.init, progress: ProgressReporter? = nil
  ) throws -> Store {
    let step = { (done: Int) in progress?(ProgressStep("恢复", done: done, total: 3)) }
    step(0)
    guard FileManager.default.fileExists(atPath: backup) else { throw StoreError.missing(backup) }
    guard !FileManager.default.fileExists(atPath: target) else { throw StoreError.exists(target) }
    // The backup itself is only read: the copy is migrated, checked and given its new epoch
    // under a temporary name, and takes the target's name only when all of that succeeded.
    let access = FileAccess.node(database: target)
    try FileWriter(access: access).create(target, mode: access.databaseMode) { partial in
      do {
        let source = try Connection(path: backup, mode: .readOnly)
        try source.run("VACUUM INTO ?", [partial])
        step(1)
      } catch let error as DatabaseError {
        throw StoreError.invalid("备份文件无法读取(\(error.message)),不能恢复")
      }
      try prepareRestored(partial, zone: zone, clock: clock)
      step(2)
    }
    let store = try Store.open(path: target, zone: zone, clock: clock)
    step(3)
    return store
  }

  /// Checks the copy of a backup (integrity, audit chain) and moves it to a new epoch.
  private static func prepareRestored(
    _ path: String, zone: DeploymentZone, clock: @escaping () -> Date
  ) throws {
    let copy = try Store.open(path: path, zone: zone, clock: clock)
    let check = try copy.db.fetchOne("PRAGMA integrity_check") { $0.text(0) } ?? ""
    guard check == "ok" else { throw StoreError.invalid("备份文件已损坏(\(check)),不能恢复") }
    guard try copy.verifyAudit().isIntact else {
      throw StoreError.invalid("备份文件的审计链不完整,不能恢复")
    }
    try copy.db.inTransaction(.immediate) {
      try copy.db.run("UPDATE local_node SET epoch = epoch + 1 WHERE id = 1")
      // Numbers issued after the backup are on notices already handed out; the restored node
      // must never issue them again (and after a sync a reused case number would merge two cases).
      try copy.db.run("UPDATE case_counter SET last = last + ?", [restoreNumberSkip])
    }
  }
}
