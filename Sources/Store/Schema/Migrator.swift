/// A numbered, forward-only schema step. Never changed once shipped (the text it leaves in
/// `sqlite_master` is checked against `Tests/StoreTests/Golden/schema.txt`); a new step is a new file.
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
  static func check(_ db: Connection, latest: Int = latestVersion) throws -> Int {
    let version = try db.fetchInt("PRAGMA user_version")
    let appID = try db.fetchInt("PRAGMA application_id")
    let tables = try db.fetchInt("SELECT count(*) FROM sqlite_master")
    if appID != Int(zwfwApplicationID) && (tables > 0 || version > 0) {
      throw Problem.foreignDatabase
    }
    if version > latest { throw Problem.newerVersion(found: version, known: latest) }
    return version
  }

  /// The phase the schema steps report (the re-fold some of them ask for comes after).
  static let title = "升级数据库结构"

  static func migrate(
    _ db: Connection, progress: ProgressReporter? = nil,
    steps known: [Migration] = Schema.migrations
  ) throws {
    let steps = known.sorted { $0.version < $1.version }
    // Versions are unique and increasing; a gap is allowed (features reserve their numbers).
    precondition(
      Set(steps.map(\.version)).count == steps.count && steps.first?.version == 1,
      "migrations must have unique versions starting at 1")
    let current = try check(db, latest: steps.last?.version ?? 0)
    let due = steps.filter { $0.version > current }
    guard !due.isEmpty else { return }
    try withStatementJournalOnDisk(db) {
      try run(due, on: db, progress: progress)
    }
  }

  /// Each step in its own transaction, `user_version` recorded inside it.
  private static func run(_ due: [Migration], on db: Connection, progress: ProgressReporter?)
    throws
  {
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
    }
    progress?(ProgressStep(title, done: due.count, total: due.count))
  }

  /// Runs `body` with SQLite's temporary files on disk (its default), then puts back the
  /// store's setting. A step's statements run inside its transaction, so SQLite keeps the
  /// original of every page a statement changes in a statement journal, and the store's
  /// `temp_store = MEMORY` (`Connection.configureForStore`) kept that journal in memory: v28's
  /// `DROP TABLE journal` — with `secure_delete`, Debian's build default, every freed page is
  /// overwritten with zeros — held a copy of the whole old journal, 4.8 GB at 1M cases (not
  /// mapped pages: the store sets no `mmap_size`, and Debian's default is 0). On disk the
  /// journal spills to a temporary file past 64 KiB, and the migration's memory is the page
  /// cache's.
  static func withStatementJournalOnDisk(_ db: Connection, _ body: () throws -> Void) throws {
    let before = try db.fetchInt("PRAGMA temp_store")
    try db.execute("PRAGMA temp_store = FILE")
    do {
      try body()
    } catch {
      // The step's error is what the caller needs; the setting is the connection's own.
      try? db.execute("PRAGMA temp_store = \(before)")
      throw error
    }
    try db.execute("PRAGMA temp_store = \(before)")
  }
}

/// Every migration this build knows, in one table: each step's number and name here, its SQL in
/// its own `Schema+vN.swift` (`static let vN`). A feature adds its file and one line here.
public enum Schema {
  public static let migrations: [Migration] = [
    Migration(version: 1, name: "foundation", sql: v1),
    Migration(version: 2, name: "catalog", sql: v2),
    Migration(version: 3, name: "complaints", sql: v3),
    Migration(version: 4, name: "ratings and rectification", sql: v4),
    Migration(version: 5, name: "sync", sql: v5),
    Migration(version: 6, name: "applications", sql: v6),
    Migration(version: 7, name: "application on time", sql: v7),
    Migration(version: 8, name: "complaint bigrams and queue order", sql: v8),
    Migration(version: 9, name: "organisation parent and disabled", sql: v9),
    Migration(version: 10, name: "causal clock", sql: v10),
    Migration(version: 11, name: "refold for verification deadlines", sql: v11),
    Migration(version: 12, name: "case find index", sql: v12),
    Migration(version: 13, name: "catalog import as one change", sql: v13),
    Migration(version: 14, name: "platform case numbers", sql: v14),
    Migration(version: 15, name: "extension notices", sql: v15),
    Migration(version: 16, name: "pre-review sweep index", sql: v16),
    Migration(version: 17, name: "refusal log and complaint analysis indexes", sql: v17),
    Migration(version: 18, name: "phrase templates", sql: v18),
    Migration(version: 19, name: "screen statements in page order", sql: v19),
    Migration(version: 20, name: "complaint views in page order", sql: v20),
    Migration(version: 21, name: "stored folds of long streams", sql: v21),
    Migration(version: 22, name: "tab and deadline counters", sql: v22),
    Migration(version: 23, name: "packaged services", sql: v23),
    Migration(version: 24, name: "assignee in every queue", sql: v24),
    Migration(version: 25, name: "first page of 受理登记 from its index alone", sql: v25),
    Migration(version: 26, name: "complaints awaiting a supervision reply", sql: v26),
    Migration(version: 27, name: "督办 drill-down from its index alone", sql: v27),
    Migration(version: 28, name: "journal as a rowid table", sql: v28),
    Migration(version: 29, name: "受理登记 search in index order", sql: v29),
    Migration(version: 30, name: "rectification extensions awaiting a supervisor", sql: v30),
  ]
}

extension Schema {
  /// The columns an event is kept in wherever it is stored whole — the journal, the sync
  /// quarantine, a bundle's `event` table — so an event copies between them column for column.
  /// Written out where it stands (two-space indent, no trailing comma): `sqlite_master` keeps
  /// each statement's text, and every database and bundle already made holds this text.
  static let eventColumns = [
    "stream TEXT NOT NULL", "type TEXT NOT NULL", "payload TEXT NOT NULL", "actor TEXT NOT NULL",
    "node TEXT NOT NULL", "ts INTEGER NOT NULL", "prev_hash TEXT NOT NULL", "hash TEXT NOT NULL",
  ].joined(separator: ",\n  ")
}
