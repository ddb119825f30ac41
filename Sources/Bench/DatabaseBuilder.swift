import Domain
import Foundation
import Store

/// The figures of one generated database.
struct Generation: Codable {
  var cases: Int
  var events: Int
  /// Rows the write path added: journal rows plus every projection row.
  var rows: Int
  var seconds: Double
  var eventsPerSecond: Double
  var refusedSteps: Int
  var bytes: Int
}

/// Creates the demo (shared data and its few demo cases), then generates N cases through the
/// store's commands.
enum DatabaseBuilder {
  static let login = "bench"
  static let beijingToday = "2026-11-26T09:30"

  static func todayInstant() -> Date {
    DeploymentZone.shanghai.parseLocal(beijingToday) ?? Date(timeIntervalSince1970: 0)
  }

  static func build(path: String, cases: Int, seed: UInt64 = 8) throws -> Generation {
    let share = try ShareDirectory.locate()
    let now = todayInstant()
    let store = try Demo.create(path: path, share: share, login: login, clock: { now })
    guard let actor = try store.staff(login: login) else {
      throw StoreError.invalid("演示管理员 \(login) 缺失")
    }
    let rowsBefore = try userRows(store.db)
    let eventsBefore = try store.db.fetchInt("SELECT count(*) FROM journal")
    var generator = try Generator(
      store: store, actor: actor, today: store.zone.civilDate(now), seed: seed)
    var lastShown = monotonic()
    let elapsed = try seconds {
      try generator.run(count: cases) { done in
        if monotonic() - lastShown > 10 {
          lastShown = monotonic()
          FileHandle.standardError.write(Data("  生成 \(done)/\(cases)\n".utf8))
        }
      }
    }
    store.clock = { now }
    if generator.refused > 0 {
      FileHandle.standardError.write(
        Data("  被拒绝的步骤 \(generator.refused) 个,最后一个: \(generator.lastRefusal)\n".utf8))
    }
    let events = try store.db.fetchInt("SELECT count(*) FROM journal") - eventsBefore
    let rows = try userRows(store.db) - rowsBefore
    try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    return Generation(
      cases: cases, events: events, rows: rows, seconds: elapsed,
      eventsPerSecond: Double(events) / elapsed, refusedSteps: generator.refused, bytes: size)
  }

  /// The tables a write fills: every table but SQLite's own and FTS shadow tables.
  static func tables(_ db: Connection) throws -> [(name: String, sql: String)] {
    let all = try db.fetchAll(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL ORDER BY rowid"
    ) { ($0.text(0), $0.text(1)) }
    let virtual = all.filter { $0.1.uppercased().hasPrefix("CREATE VIRTUAL") }.map(\.0)
    return all.filter { t in
      !t.0.hasPrefix("sqlite_") && !virtual.contains { t.0.hasPrefix($0 + "_") }
    }.map { (name: $0.0, sql: $0.1) }
  }

  static func userRows(_ db: Connection) throws -> Int {
    try tables(db).reduce(0) { $0 + (try db.fetchInt("SELECT count(*) FROM \"\($1.name)\"")) }
  }
}
