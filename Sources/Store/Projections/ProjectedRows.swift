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

  /// - Parameters:
  ///   - key: the primary-key column.
  ///   - columns: the other columns, in the order values are given.
  init(table: String, key: String, columns: [String]) {
    rows = ProjectedRowSet(table: table, owner: key, key: [], columns: columns)
  }

  /// Inserts the row, updates the columns that differ, or does nothing.
  func write(key value: SQLValue, _ values: [SQLValue], db: Connection) throws {
    try rows.replace(owner: value, with: [values], db: db)
  }

  func delete(key value: SQLValue, db: Connection) throws {
    try rows.replace(owner: value, with: [], db: db)
  }
}

/// The rows a case owns in a child table (its actors, notices, deadlines), written as a
/// difference: rows gone are deleted, new ones inserted, changed ones updated in place.
struct ProjectedRowSet {
  let table: String
  /// The column naming the owner (`case_id`, `stream`).
  let owner: String
  /// Columns that identify a row among the owner's (with `owner`, or alone, its primary key);
  /// none when the owner has one row.
  let key: [String]
  /// The other columns.
  let columns: [String]

  /// - Parameter rows: each row's key values followed by its column values.
  func replace(owner value: SQLValue, with rows: [[SQLValue]], db: Connection) throws {
    let width = key.count + columns.count
    let all = key + columns
    let memoKey = "rows:\(table):" + value.memoText
    var stored: [[SQLValue]: [SQLValue]] = [:]
    if let remembered: [[SQLValue]: [SQLValue]] = db.memo.value(memoKey) {
      stored = remembered
    } else {
      try db.forEach(
        "SELECT \(all.joined(separator: ", ")) FROM \(table) WHERE \(owner) = ?", [value]
      ) { row in
        let values = (0..<width).map { row.value($0) }
        stored[Array(values[..<key.count])] = Array(values[key.count...])
      }
    }
    let match = ([owner] + key).map { "\($0) = ?" }.joined(separator: " AND ")
    // A key given twice keeps its last row (as `INSERT OR REPLACE` did).
    var order: [[SQLValue]] = []
    var latest: [[SQLValue]: [SQLValue]] = [:]
    for row in rows {
      precondition(row.count == width, "\(table): \(width) values expected")
      let k = Array(row[..<key.count])
      if latest.updateValue(row, forKey: k) == nil { order.append(k) }
    }
    let wanted = Set(order)
    for k in stored.keys where !wanted.contains(k) {
      try db.run("DELETE FROM \(table) WHERE \(match)", [value] + k)
    }
    for k in order {
      guard let row = latest[k] else { continue }
      let v = Array(row[key.count...])
      guard let old = stored[k] else {
        let names = ([owner] + all).joined(separator: ", ")
        let marks = Array(repeating: "?", count: width + 1).joined(separator: ", ")
        try db.run("INSERT INTO \(table) (\(names)) VALUES (\(marks))", [value] + row)
        continue
      }
      let changed = columns.indices.filter { old[$0] != v[$0] }
      guard !changed.isEmpty else { continue }
      let sets = changed.map { "\(columns[$0]) = ?" }.joined(separator: ", ")
      try db.run(
        "UPDATE \(table) SET \(sets) WHERE \(match)",
        changed.map { v[$0] } + [value] + k)
    }
    db.memo.remember(
      memoKey, latest.reduce(into: [:]) { $0[$1.key] = Array($1.value[key.count...]) })
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
