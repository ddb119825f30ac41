import Domain
import Foundation

/// 审计发现 — one thing `zwfw audit verify` found wrong, in the admin's words, with its fix.
public struct AuditFinding: Equatable, Sendable {
  public var message: String
  /// The command that repairs it, when one does (`zwfw rebuild`).
  public var fix: String?

  public init(_ message: String, fix: String? = nil) {
    self.message = message
    self.fix = fix
  }
}

/// `zwfw audit verify` checks what it certifies: the hash chains, the identity row against the
/// genesis event, the guard triggers against the schema this build creates, and every projected
/// table against a fresh fold of the journal.
extension Store {
  /// Every finding; empty when the database is what its journal says it is.
  /// - Parameter progress: (step, steps) as the checks advance.
  /// - Parameter fast: the chains by sequence, links and heads only (`verifyAudit(fast:)`).
  public func auditFindings(fast: Bool = false, progress: ((Int, Int) -> Void)? = nil) throws
    -> [AuditFinding]
  {
    var findings: [AuditFinding] = []
    progress?(0, 5)
    let chain = try verifyAudit(fast: fast)
    if let b = chain.firstBroken {
      findings.append(
        AuditFinding(
          "审计链校验失败: 来源 \(b.origin) 第 \(b.seq) 号事件: \(b.reason)",
          fix: "从备份恢复(zwfw restore)并与对端节点核对"))
    }
    progress?(1, 5)
    if let problem = try identityRowProblem() {
      findings.append(AuditFinding("节点身份: \(problem)", fix: "从备份恢复(zwfw restore)"))
    }
    progress?(2, 5)
    findings += try triggerFindings()
    progress?(3, 5)
    findings += try actorFindings()
    progress?(4, 5)
    findings += try searchIndexFindings()
    findings += try projectionFindings()
    progress?(5, 5)
    return findings
  }

  /// The triggers this build's migrations create, by name with their SQL.
  static func expectedTriggers() throws -> [String: String] {
    let db = try Connection(path: ":memory:")
    try defineFunctions(db)
    try Migrator.migrate(db)
    return try triggers(db)
  }

  static func triggers(_ db: Connection) throws -> [String: String] {
    Dictionary(
      try db.fetchAll("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'") {
        ($0.text(0), $0.optionalText(1) ?? "")
      }, uniquingKeysWith: { a, _ in a })
  }

  /// 保护触发器 — the journal's append-only guards and every other trigger, as created.
  func triggerFindings() throws -> [AuditFinding] {
    let expected = try Self.expectedTriggers()
    let found = try Self.triggers(db)
    var out: [AuditFinding] = []
    for (name, sql) in expected.sorted(by: { $0.key < $1.key }) {
      if let have = found[name] {
        if have != sql {
          out.append(AuditFinding("触发器 \(name) 的定义已被改动", fix: "从备份恢复(zwfw restore)"))
        }
      } else {
        out.append(AuditFinding("触发器 \(name) 缺失(已被删除)", fix: "从备份恢复(zwfw restore)"))
      }
    }
    for name in found.keys.sorted() where expected[name] == nil {
      out.append(AuditFinding("多出不属于 zwfw 的触发器 \(name)", fix: "从备份恢复(zwfw restore)"))
    }
    return out
  }

  /// 受理登记's search index (`Schema.v29`) against its rows: FTS5 computes every application's
  /// words again and compares them with what the index holds (external content: its rows are
  /// not a table of their own for `projectionFindings` to compare).
  func searchIndexFindings() throws -> [AuditFinding] {
    let t = ApplicationSearchIndex.table
    do {
      try db.execute("INSERT INTO \(t) (\(t), rank) VALUES ('integrity-check', 1)")
    } catch {
      guard error.isCorrupt else { throw error }
      return [AuditFinding("\(t) 检索索引与办件表不一致", fix: "zwfw rebuild")]
    }
    return []
  }

  /// Rolled back on purpose: the audit's rebuild is compared, never kept.
  private struct AuditRollback: Error {}

  /// Every projected table against a fresh fold: the rebuild runs inside a transaction that is
  /// rolled back, so the live tables are compared with it and left as they were.
  func projectionFindings() throws -> [AuditFinding] {
    let tables = projectionTables
    var differences: [AuditFinding] = []
    do {
      try db.inTransaction(.immediate) {
        let live = try tables.map { try TableRows.read($0, db: db) }
        foldCache.invalidate()
        PayloadCache.shared.removeAll()
        try refoldAll()
        for before in live {
          let after = try TableRows.read(before.table, db: db)
          differences += before.differences(from: after).map {
            AuditFinding($0, fix: "zwfw rebuild")
          }
        }
        throw AuditRollback()
      }
    } catch is AuditRollback {
    }
    // The rolled-back fold may have changed what this process remembers.
    foldCache.invalidate()
    PayloadCache.shared.removeAll()
    db.memo.removeAll()
    try reloadCalendar()
    return differences
  }
}

/// One table's rows keyed by its primary key, for comparing the live table with a fresh fold.
struct TableRows {
  let table: String
  let columns: [String]
  let keyColumns: [Int]
  /// Key text → the row's values as text.
  let rows: [String: [String]]

  static func read(_ table: String, db: Connection) throws -> TableRows {
    let info = try db.fetchAll("SELECT name, pk FROM pragma_table_info(?)", [table]) {
      ($0.text(0), $0.int(1))
    }
    let columns = info.map(\.0)
    var keys = info.enumerated().filter { $0.element.1 > 0 }.sorted { $0.element.1 < $1.element.1 }
      .map(\.offset)
    if keys.isEmpty { keys = Array(columns.indices) }
    var rows: [String: [String]] = [:]
    try db.forEach("SELECT * FROM \(table)") { row in
      let values = row.dumpTexts
      let key = keys.map { values[$0] }.joined(separator: " ")
      rows[key] = values
    }
    return TableRows(table: table, columns: columns, keyColumns: keys, rows: rows)
  }

  /// `staff 表与事件日志不一致: wangwu 的 roles 为「admin,counter」,按事件日志应为「counter」`
  func differences(from fold: TableRows, limit: Int = 20) -> [String] {
    var out: [String] = []
    let prefix = "\(table) 表与事件日志不一致: "
    for key in Set(rows.keys).union(fold.rows.keys).sorted() {
      guard out.count < limit else {
        out.append(prefix + "还有更多不一致的行")
        break
      }
      switch (rows[key], fold.rows[key]) {
      case (let live?, let folded?) where live != folded:
        let changed = columns.indices.filter { live[$0] != folded[$0] }.map {
          "\(columns[$0]) 为「\(Self.clip(live[$0]))」,按事件日志应为「\(Self.clip(folded[$0]))」"
        }
        out.append(prefix + "\(key) 的 " + changed.joined(separator: ";"))
      case (_?, nil): out.append(prefix + "\(key) 在事件日志中没有依据(多出的行)")
      case (nil, _?): out.append(prefix + "\(key) 缺失(事件日志中有)")
      default: break
      }
    }
    return out
  }

  static func clip(_ text: String) -> String {
    text.count > 60 ? String(text.prefix(60)) + "…" : text
  }
}
