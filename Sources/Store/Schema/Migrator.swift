/// A numbered, forward-only schema step. Never edited once shipped; a new step is a new file.
public struct Migration: Sendable {
  public let version: Int
  public let name: String
  public let sql: String
}

/// Marks a zwfw database so any other SQLite file is refused (`PRAGMA application_id`).
let zwfwApplicationID: Int32 = 0x7A77_6677  // "zwfw"

/// Applies migrations in order, each in its own transaction with `user_version` recorded inside it.
enum Migrator {
  enum Problem: Error, Equatable {
    /// The file is an SQLite database, but not one of ours.
    case foreignDatabase
    /// Made by a newer zwfw: we do not know its later migrations.
    case newerVersion(found: Int, known: Int)
  }

  static var latestVersion: Int { Schema.migrations.map(\.version).max() ?? 0 }

  /// Checks the file is empty or ours, without changing anything.
  static func check(_ db: Connection) throws -> Int {
    let version = try db.fetchInt("PRAGMA user_version")
    let appID = try db.fetchInt("PRAGMA application_id")
    let tables = try db.fetchInt("SELECT count(*) FROM sqlite_master")
    if appID != Int(zwfwApplicationID) && (tables > 0 || version > 0) {
      throw Problem.foreignDatabase
    }
    if version > latestVersion { throw Problem.newerVersion(found: version, known: latestVersion) }
    return version
  }

  /// The phase the schema steps report (the re-fold some of them ask for comes after).
  static let title = "升级数据库结构"

  static func migrate(_ db: Connection, progress: ProgressReporter? = nil) throws {
    let steps = Schema.migrations.sorted { $0.version < $1.version }
    // Versions are unique and increasing; a gap is allowed (features reserve their numbers).
    precondition(
      Set(steps.map(\.version)).count == steps.count && steps.first?.version == 1,
      "migrations must have unique versions starting at 1")
    var current = try check(db)
    let due = steps.filter { $0.version > current }
    for (i, step) in due.enumerated() {
      progress?(ProgressStep(title, done: i, total: due.count))
      try db.inTransaction(.immediate) {
        // Another process may have migrated while we waited for the lock.
        let now = try db.fetchInt("PRAGMA user_version")
        guard now < step.version else { return }
        try db.execute(step.sql)
        try db.execute("PRAGMA application_id = \(zwfwApplicationID)")
        try db.execute("PRAGMA user_version = \(step.version)")
      }
      current = step.version
    }
    if !due.isEmpty { progress?(ProgressStep(title, done: due.count, total: due.count)) }
  }
}

/// Every migration this build knows. Each feature adds its own `Schema+vN.swift` and one line here.
public enum Schema {
  public static let migrations: [Migration] = [
    v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21,
    v22, v23, v24,
  ]
}
