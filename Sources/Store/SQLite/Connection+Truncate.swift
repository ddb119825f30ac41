import CSQLite

/// 清空 — emptying tables whole, as SQLite does for a `DELETE` without a `WHERE` when nothing
/// must see each row go: no trigger and no foreign key. A rebuild empties every projected table,
/// and with foreign keys on, SQLite deleted the rows of each table other tables reference (the
/// applications, organisations, ratings …) one by one, checking each for rows that point at it.
/// A full-text table (FTS5 keeping its own copy of the text) is deleted from row by row whatever
/// the setting, each row's text read back and cut into words again to find its index entries: it
/// is dropped and created again from its own statement instead.
extension Connection {
  /// Empties `tables` (none may have triggers left) with foreign-key enforcement off for these
  /// statements alone, then checks that no row anywhere points at a row that is gone: a table
  /// referencing an emptied one must be emptied too, or nothing is (the error rolls back the
  /// caller's transaction).
  ///
  /// Inside a transaction, where `PRAGMA foreign_keys` does nothing: the setting is switched
  /// through `sqlite3_db_config`, which takes effect at once, and is back on before this returns
  /// whatever happens.
  func truncate(_ tables: [String]) throws {
    let virtual = try fetchAll(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE %'"
    ) { (name: $0.text(0), sql: $0.text(1)) }
    _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_ENABLE_FKEY, 0)
    do {
      for t in tables {
        if let v = virtual.first(where: { $0.name == t }) {
          try execute("DROP TABLE \(t)")
          // Its first statement alone (`run` prepares one): the text is the file's, not ours.
          try run(v.sql)
        } else {
          try run("DELETE FROM \(t)")
        }
      }
    } catch {
      _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_ENABLE_FKEY, 1)
      throw error
    }
    _ = csqlite_db_config_int(handle, SQLITE_DBCONFIG_ENABLE_FKEY, 1)
    let emptied = Set(tables)
    // Only tables that reference an emptied one can hold a row pointing at nothing.
    let referencing = try fetchAll(
      """
      SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table'
      """
    ) { $0.text(0) }
    for child in referencing where !emptied.contains(child) {
      // Bound, not spliced: a table's name is whatever the file says.
      let parents = try fetchAll("SELECT parent FROM pragma_foreign_key_check(?)", [child]) {
        $0.text(0)
      }
      if let parent = parents.first(where: emptied.contains) {
        throw DatabaseError(
          code: SQLITE_CONSTRAINT,
          message: "表 \(child) 仍引用表 \(parent) 中要清空的行,未重建")
      }
    }
  }
}
