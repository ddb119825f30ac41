/// 投影行 — the rows of one case's fold, made and not yet written: a rebuild makes them on its
/// folding thread and writes them on the connection's (`ApplicationProjector.fold`).
///
/// Unchecked Sendable: every value in it is a string, number, flag or `SQLValue`, made on one
/// thread and read, never changed, on the other after the pipeline's lock hands it over.
struct MadeRows: @unchecked Sendable {
  let stream: String
  /// The case's key in its own table and the tables it owns rows in.
  let key: SQLValue
  let table: ProjectedRow
  /// The case's own row; nil when the fold has no case (its rows are deleted).
  let row: [ProjectedColumn]?
  /// The rows the case owns in each child table, the case's row written before them.
  let owned: [(ProjectedRowSet, [[ProjectedColumn]])]
  let deadlines: [[ProjectedColumn]]
  let scope: [[ProjectedColumn]]
  let find: [[ProjectedColumn]]

  func write(in c: ProjectionContext) throws {
    // The case row first: its children reference it; when it is gone, they go first.
    if let row {
      try table.write(key: key, row, db: c.db)
      for (set, rows) in owned { try set.replace(owner: key, with: rows, db: c.db) }
    } else {
      for (set, rows) in owned { try set.replace(owner: key, with: rows, db: c.db) }
      try table.delete(key: key, db: c.db)
    }
    let owner = SQLValue.text(stream)
    try DeadlineIndex.rowSet.replace(owner: owner, with: deadlines, db: c.db)
    try StreamScope.rowSet.replace(owner: owner, with: scope, db: c.db)
    try CaseFindIndex.rowSet.replace(owner: owner, with: find, db: c.db)
  }
}
