import Foundation

/// 投影写入 — writes a projector's rows only where they differ from what is stored.
///
/// A clerk's step changes a case's status and perhaps its deadline; rewriting the whole row
/// (`INSERT OR REPLACE`, or delete and insert) rewrote every index entry of it as well, which was
/// most of a step's cost. Comparing with the stored row and updating only the columns that differ
/// touches only the indexes over those columns. The stored row is read from the database, or
/// from the transaction's memo when this transaction has read or written it already (see
/// `TransactionMemo`: nothing else can change it meanwhile).
struct ProjectedRow {
  /// One row per key: a row set whose owner is the key itself.
  private let rows: ProjectedRowSet
  var table: String { rows.table }

  /// - Parameter key: the primary-key column.
  init(table: String, key: String) {
    rows = ProjectedRowSet(table: table, owner: key, key: [])
  }

  /// Inserts the row, updates the columns that differ, or does nothing.
  /// - Parameter columns: every other column with its value, by name.
  func write(key value: SQLValue, _ columns: [ProjectedColumn], db: Connection) throws {
    try rows.replace(owner: value, with: [columns], db: db)
  }

  func delete(key value: SQLValue, db: Connection) throws {
    try rows.replace(owner: value, with: [], db: db)
  }
}

/// One column of a projected row and its value: `("due_date", k.due?.iso)`.
typealias ProjectedColumn = (String, any SQLBindable)

/// The rows a case owns in a child table (its actors, notices, deadlines), written as a
/// difference: rows gone are deleted, new ones inserted, changed ones updated in place.
///
/// A rebuild writes every row of every case through here, so the per-call work stays small:
/// the statements' texts are made once (the INSERT's once per column list), and an owner's
/// stored rows are a few, kept in arrays rather than hashed.
struct ProjectedRowSet {
  let table: String
  /// The column naming the owner (`case_id`, `stream`).
  let owner: String
  /// Columns that identify a row among the owner's (with `owner`, or alone, its primary key);
  /// none when the owner has one row.
  let key: [String]
  /// `owner = ? AND k = ?`: one row of the owner.
  private let match: String
  private let memoPrefix: String
  private let inserts = InsertTexts()
  private let deleteOne: StatementText

  init(table: String, owner: String, key: [String]) {
    self.table = table
    self.owner = owner
    self.key = key
    match = ([owner] + key).map { "\($0) = ?" }.joined(separator: " AND ")
    memoPrefix = "rows:\(table):"
    deleteOne = StatementText("DELETE FROM \(table) WHERE \(match)")
  }

  /// What a transaction remembers of an owner's rows: the other columns' names, and each
  /// row's key and values (keys unique).
  private struct Stored {
    var columns: [String]
    var keys: [[SQLValue]]
    var values: [[SQLValue]]

    func values(of k: [SQLValue]) -> [SQLValue]? {
      keys.firstIndex(of: k).map { values[$0] }
    }
  }

  /// `INSERT` texts by the column list they name (a table is written with one or two lists),
  /// with the key columns' positions in it.
  private final class InsertTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var layouts: [Layout] = []

    /// A column list as rows name it (owner excluded), its `INSERT` and where its keys are.
    struct Layout {
      let names: [String]
      let sql: StatementText
      let keyAt: [Int]
    }

    /// - Parameter names: the owner, the key columns, the other columns.
    func text(table: String, names: [String], keys: Int) -> StatementText {
      lock.lock()
      defer { lock.unlock() }
      if let hit = layouts.first(where: { $0.names == names }) { return hit.sql }
      let sql = Self.insert(table: table, names: names)
      layouts.append(Layout(names: names, sql: sql, keyAt: Array(0..<keys)))
      return sql
    }

    /// The layout of `row`'s column list, found without building the list: a rebuild asks for
    /// it at every owner.
    func layout(table: String, owner: String, key: [String], of row: [ProjectedColumn])
      -> Layout
    {
      lock.lock()
      defer { lock.unlock() }
      if let hit = layouts.first(where: { l in
        l.names.count == row.count + 1 && zip(l.names.dropFirst(), row).allSatisfy { $0 == $1.0 }
      }) {
        return hit
      }
      let names = row.map(\.0)
      let keyAt = key.map { k -> Int in
        guard let i = names.firstIndex(of: k) else { preconditionFailure("\(table): no \(k)") }
        return i
      }
      let layout = Layout(
        names: [owner] + names, sql: Self.insert(table: table, names: [owner] + names),
        keyAt: keyAt)
      layouts.append(layout)
      return layout
    }

    private static func insert(table: String, names: [String]) -> StatementText {
      StatementText(
        "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES ("
          + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")")
    }
  }

  /// - Parameter rows: each row's columns by name, the key columns among them; every row names
  ///   the same columns in the same order.
  func replace(owner value: SQLValue, with rows: [[ProjectedColumn]], db: Connection) throws {
    if db.memo.projectingFresh, try insertFresh(owner: value, rows, db: db) { return }
    let names = rows.first?.map(\.0) ?? []
    // No rows (all deleted) need no key positions.
    let keyAt =
      rows.isEmpty
      ? []
      : key.map { k -> Int in
        guard let i = names.firstIndex(of: k) else { preconditionFailure("\(table): no \(k)") }
        return i
      }
    let columnAt = names.indices.filter { !keyAt.contains($0) }
    let columns = columnAt.map { names[$0] }
    // A key given twice keeps its last row (as `INSERT OR REPLACE` did).
    var latest = Stored(columns: columns, keys: [], values: [])
    latest.keys.reserveCapacity(rows.count)
    latest.values.reserveCapacity(rows.count)
    for row in rows {
      // A projector's own rows: checked in debug builds (every test), not at every row of a
      // rebuild, where comparing each column's name was a tenth of writing the row.
      assert(
        row.count == names.count && zip(row, names).allSatisfy { $0.0 == $1 },
        "\(table): every row names the same columns in the same order")
      // Each column's value read once (a tuple of a name and an existential is copied at
      // every read).
      let all = row.map { $0.1.sqlValue }
      let k = keyAt.map { all[$0] }
      let v = keyAt.isEmpty ? all : columnAt.map { all[$0] }
      if let i = latest.keys.firstIndex(of: k) {
        latest.values[i] = v
      } else {
        latest.keys.append(k)
        latest.values.append(v)
      }
    }
    let memoKey = memoPrefix + value.memoText
    let stored = try self.stored(value, columns: columns, memoKey: memoKey, db: db)
    for k in stored.keys where !latest.keys.contains(k) {
      try db.run(deleteOne, [value] + k)
    }
    let insert =
      latest.keys.isEmpty
      ? nil : inserts.text(table: table, names: [owner] + key + columns, keys: key.count)
    for (k, v) in zip(latest.keys, latest.values) {
      guard let old = stored.values(of: k) else {
        guard let insert else { continue }
        var args: [SQLValue] = []
        args.reserveCapacity(1 + k.count + v.count)
        args.append(value)
        args.append(contentsOf: k)
        args.append(contentsOf: v)
        try db.run(insert, args)
        continue
      }
      let changed = columns.indices.filter { old[$0] != v[$0] }
      guard !changed.isEmpty else { continue }
      let sets = changed.map { "\(columns[$0]) = ?" }.joined(separator: ", ")
      try db.hot.run(
        "UPDATE \(table) SET \(sets) WHERE \(match)",
        changed.map { v[$0] } + [value] + k)
    }
    db.memo.remember(memoKey, latest)
  }

  /// Writes an owner's rows when nothing is stored for it (`TransactionMemo.projectingFresh`:
  /// a rebuild, a stream new to this node): each row is one INSERT bound straight from its
  /// columns — no stored rows to read or compare, no arrays of keys and values, nothing
  /// remembered. A fresh owner is written once in its transaction (a rebuild and an import
  /// project each stream once), so nothing is remembered for a second write to compare with.
  /// - Returns: false when two rows share a key (a projector that lets that happen): the
  ///   caller writes them the general way, which keeps the last.
  private func insertFresh(owner value: SQLValue, _ rows: [[ProjectedColumn]], db: Connection)
    throws -> Bool
  {
    assert(freshOnce(value, db), "\(table): an owner written twice while projecting fresh")
    guard let first = rows.first else { return true }
    let layout = inserts.layout(table: table, owner: owner, key: key, of: first)
    if rows.count > 1, !key.isEmpty {
      // A few rows an owner (actors, notices, deadlines): compared pairwise, nothing hashed.
      for i in 1..<rows.count {
        for j in 0..<i
        where layout.keyAt.allSatisfy({ rows[i][$0].1.sqlValue == rows[j][$0].1.sqlValue }) {
          return false
        }
      }
    }
    for row in rows {
      assert(
        row.count == first.count && zip(row, first).allSatisfy { $0.0 == $1.0 },
        "\(table): every row names the same columns in the same order")
      try db.run(layout.sql, first: value, then: row)
    }
    return true
  }

  /// Debug builds only (an `assert`): true the first time an owner is written fresh in this
  /// transaction's stretch of memo.
  private func freshOnce(_ value: SQLValue, _ db: Connection) -> Bool {
    let memoKey = memoPrefix + "fresh:" + value.memoText
    if let _: Bool = db.memo.value(memoKey) { return false }
    db.memo.remember(memoKey, true)
    return true
  }

  /// The owner's rows as stored: from the transaction's memo when it holds them with these
  /// columns, else read.
  private func stored(
    _ value: SQLValue, columns: [String], memoKey: String, db: Connection
  ) throws -> Stored {
    // Deleting needs the keys only; comparing needs the same columns.
    if let remembered: Stored = db.memo.value(memoKey),
      columns.isEmpty || remembered.keys.isEmpty || remembered.columns == columns
    {
      return remembered
    }
    var out = Stored(columns: columns, keys: [], values: [])
    // A rebuild (or a stream new to this node) has nothing stored to compare with.
    if db.memo.projectingFresh { return out }
    let all = key + columns
    try db.hot.forEach(
      "SELECT \((all.isEmpty ? [owner] : all).joined(separator: ", ")) FROM \(table) WHERE \(owner) = ?",
      [value]
    ) { row in
      let values = (0..<all.count).map { row.value($0) }
      out.keys.append(Array(values[..<key.count]))
      out.values.append(Array(values[key.count...]))
    }
    return out
  }
}

extension SQLValue {
  /// A key's text in a memo key (keys are case numbers and streams: text).
  fileprivate var memoText: String {
    switch self {
    case .text(let t): return "t" + t
    case .integer(let i): return "i" + String(i)
    default: return "\(self)"
    }
  }
}
