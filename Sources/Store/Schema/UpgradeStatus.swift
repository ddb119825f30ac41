import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// 升级进度 — where a schema upgrade's re-fold stands, for other processes to read.
///
/// The re-fold runs in one write transaction on the database (a projection is never seen half
/// rebuilt), so nothing it writes there is visible until it ends. Its progress goes instead to a
/// small SQLite file beside the database (`node.db-upgrade`), committed at most twice a second; a
/// process that finds the database write-locked and this file present says how far the upgrade
/// is, instead of waiting for it or redoing it. The file is removed when the upgrade ends.
struct UpgradeStatus {
  let path: String

  init(database: String) { path = database + "-upgrade" }

  /// The running upgrade's last recorded step; nil when there is none (or it is just ending).
  func read() -> ProgressStep? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    do {
      let db = try Connection(path: path, mode: .readOnly)
      return try db.fetchOne(
        "upgrade", key: "1", "SELECT title, done, total FROM upgrade WHERE id = 1"
      ) {
        ProgressStep(
          try $0.decode("title"), done: try $0.decode("done"), total: try $0.decode("total"))
      }
    } catch {
      // Created but not yet written, or removed while we looked: no step to tell.
      return nil
    }
  }
}

/// The upgrading process's side of `UpgradeStatus`. Progress is advice to others: a status file
/// that cannot be written never stops the upgrade itself.
final class UpgradeStatusWriter {
  let status: UpgradeStatus
  private let db: Connection
  private var lastWrite = -1.0

  init?(_ status: UpgradeStatus) {
    self.status = status
    do {
      if !FileManager.default.fileExists(atPath: status.path) {
        try FileWriter.createDatabaseFile(status.path)
      }
      db = try Connection(path: status.path, mode: .readWrite(create: false))
      // Only a progress figure: losing it in a power cut costs nothing.
      try db.execute("PRAGMA synchronous = OFF")
      try db.execute(
        """
        CREATE TABLE IF NOT EXISTS upgrade (
          id INTEGER PRIMARY KEY CHECK (id = 1), title TEXT NOT NULL,
          done INTEGER NOT NULL, total INTEGER NOT NULL)
        """)
    } catch {
      return nil
    }
  }

  /// Records the step, at most twice a second (and always the first and the last).
  func record(_ step: ProgressStep) {
    let now = ProcessInfo.processInfo.systemUptime
    guard lastWrite < 0 || now - lastWrite >= 0.5 || step.done >= step.total else { return }
    lastWrite = now
    do {
      try db.run(
        "INSERT OR REPLACE INTO upgrade (id, title, done, total) VALUES (1, ?, ?, ?)",
        [step.title, step.done, step.total])
    } catch {
      // Advice only (see the type).
    }
  }

  /// The upgrade is over (done or failed): nothing is running any more.
  func end() {
    unlink(status.path)
    unlink(status.path + "-journal")
  }
}
