/// 重建读取 — a second, read-only connection on the store's file, from which a rebuild's folding
/// thread reads the journal itself: the writing connection then only writes, instead of also
/// stepping through the journal and making each row an event (an eighth of its work at 10k).
///
/// It reads the very rows the writing connection would: it is used only in WAL mode (a reader
/// never blocks the writer) and only when, once its snapshot is fixed, both connections see the
/// same journal — the journal is only ever appended to, so the same largest rowid is the same
/// journal. A transaction that appended events before its re-fold (a bulk import) reads through
/// its own connection instead.
final class JournalReader: @unchecked Sendable {
  /// Used by one thread at a time: the one that opened it, then the folding thread while it
  /// reads a kind of stream (`RefoldPipeline.read`), handed over under the pipeline's lock.
  let db: Connection

  private init(db: Connection) { self.db = db }

  /// A reader beside `writer`, or nil when the rows could differ or the file cannot be opened
  /// twice (an in-memory database, a rollback journal, a journal appended to in this
  /// transaction, a writer without the write lock): the caller then reads through `writer`.
  static func beside(_ writer: Connection) throws -> JournalReader? {
    guard !writer.path.isEmpty, writer.path != ":memory:", !writer.path.hasPrefix("file:"),
      try writer.fetchOne("PRAGMA main.journal_mode", [], { $0.text(0) }) == "wal",
      writer.holdsWriteLock
    else { return nil }
    let last = "SELECT coalesce(max(rowid), 0) FROM main.journal"
    let db: Connection
    let seen: Int
    do {
      db = try Connection(path: writer.path, mode: .readOnly)
      // The writer's page cache; and the file mapped, so that a journal row read from the
      // operating system's cache costs no system call: at 1M the journal is read in stream order,
      // a row here and one there, and the reads made the folding thread the slower one. Safe
      // while the writer holds the write lock: nothing can shrink the file under the mapping.
      try db.execute("PRAGMA cache_size = -16384")
      try db.execute("PRAGMA mmap_size = 2147418112")
      // One snapshot for every kind read: the first SELECT fixes it.
      try db.execute("BEGIN DEFERRED")
      seen = try db.fetchInt(last)
    } catch {
      // Only a shortcut: the writer's own connection reads the same rows.
      return nil
    }
    guard seen == (try writer.fetchInt(last)) else { return nil }
    return JournalReader(db: db)
  }
}
