import Foundation
import Store

/// The floor of the write path: the same rows (journal and projections, same schema and
/// indexes) inserted with plain prepared INSERTs in one transaction into a scratch database.
/// Only the INSERTs are timed; reading the rows from the generated database is not: rows are
/// read untimed into a chunk of at most `chunkRows` (memory stays bounded), then the chunk's
/// INSERTs are timed together.
enum WriteFloor {
  /// Rows read before a timed chunk of INSERTs.
  static let chunkRows = 4096

  struct Result: Codable {
    var rows: Int
    var seconds: Double
    var rowsPerSecond: Double
    /// CPU seconds of the same INSERTs (and the commit).
    var cpuSeconds: Double
  }

  /// - Parameter only: these tables (and their indexes) alone; every table when nil.
  /// - Parameter indexesAfter: create the secondary indexes after the rows, timed (the cheapest
  ///   way SQLite fills empty tables, the way a rebuild does), instead of before them.
  static func run(
    source: Connection, scratch path: String, only: Set<String>? = nil, indexesAfter: Bool = false
  ) throws -> Result {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
    defer {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    let dest = try Connection(path: path)
    try dest.configureForStore()
    let tables = try DatabaseBuilder.tables(source).filter { only?.contains($0.name) ?? true }
    for t in tables { try dest.execute(t.sql) }
    let indexes = try source.fetchAll(
      "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ) { (table: $0.text(0), sql: $0.text(1)) }
    let wanted = indexes.filter { only?.contains($0.table) ?? true }
    if !indexesAfter {
      for i in wanted { try dest.execute(i.sql) }
    }
    var rows = 0
    var timed = 0.0
    var cpu = 0.0
    /// Inserts a chunk already read, timed as one: the clocks are read twice a chunk, not twice
    /// a row (a CPU-clock read is a system call, and per row it was a tenth of the floor).
    func insert(_ chunk: [[SQLValue]], with sql: String) throws {
      let (wall, used) = try wallAndCPU {
        // Prepared once per table, as the store's own hot statements are.
        for values in chunk { try dest.run(sql, values, cached: true) }
      }
      timed += wall
      cpu += used
      rows += chunk.count
    }
    try dest.execute("BEGIN IMMEDIATE")
    for t in tables {
      let withRowID = !t.sql.uppercased().contains("WITHOUT ROWID")
      let columns = try source.fetchAll("SELECT name FROM pragma_table_info(?)", [t.name]) {
        "\"\($0.text(0))\""
      }
      let names = (withRowID ? ["rowid"] : []) + columns
      let sql =
        "INSERT INTO \"\(t.name)\" (\(names.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
      // Read untimed into a bounded chunk, then the chunk inserted and timed.
      var chunk: [[SQLValue]] = []
      chunk.reserveCapacity(chunkRows)
      try source.forEach("SELECT \(names.joined(separator: ", ")) FROM \"\(t.name)\"") { row in
        chunk.append((0..<names.count).map { row.value($0) })
        if chunk.count == chunkRows {
          try insert(chunk, with: sql)
          chunk.removeAll(keepingCapacity: true)
        }
      }
      try insert(chunk, with: sql)
    }
    let (wall, used) = try wallAndCPU {
      if indexesAfter {
        for i in wanted { try dest.execute(i.sql) }
      }
      try dest.execute("COMMIT")
    }
    return Result(
      rows: rows, seconds: timed + wall, rowsPerSecond: Double(rows) / (timed + wall),
      cpuSeconds: cpu + used)
  }
}
