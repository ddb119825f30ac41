import Domain

/// 审计链校验 — walks every origin's hash chain (第四十二条: the record is tamper-evident).
public struct AuditReport: Sendable, Equatable {
  public var eventCount: Int
  public var origins: [String]
  /// The first event whose stored fields no longer produce its hash, or whose link is broken.
  public var firstBroken: BrokenLink?

  public struct BrokenLink: Sendable, Equatable {
    public var origin: String
    public var seq: Int64
    public var reason: String
  }

  public var isIntact: Bool { firstBroken == nil }
}

enum ChainVerifier {
  static func verify(db: Connection) throws -> AuditReport {
    var report = AuditReport(eventCount: 0, origins: [], firstBroken: nil)
    let origins = try db.fetchAll("SELECT DISTINCT origin FROM journal ORDER BY origin") {
      $0.text(0)
    }
    report.origins = origins
    for origin in origins {
      var expectedSeq: Int64 = 1
      var prev = ""
      var broken: AuditReport.BrokenLink?
      try db.forEach(
        "SELECT \(Journal.columns) FROM journal WHERE origin = ? ORDER BY seq", [origin]
      ) { row in
        guard broken == nil else { return }
        let e = Journal.read(row)
        report.eventCount += 1
        if e.seq != expectedSeq {
          broken = .init(origin: origin, seq: e.seq, reason: "序号不连续,缺少第\(expectedSeq)号事件")
        } else if e.prevHash != prev {
          broken = .init(origin: origin, seq: e.seq, reason: "前序哈希与上一事件不符")
        } else if e.computedHash() != e.hash {
          broken = .init(origin: origin, seq: e.seq, reason: "事件内容与哈希不符(记录被改动)")
        }
        prev = e.hash
        expectedSeq += 1
      }
      if let broken {
        report.firstBroken = broken
        return report
      }
      let head = try Journal.head(of: origin, db: db)
      if head.0 != expectedSeq - 1 || head.1 != prev {
        report.firstBroken = .init(
          origin: origin, seq: expectedSeq,
          reason: "链头记录(第\(head.0)号)与日志末尾(第\(expectedSeq - 1)号)不符,日志可能被截断")
        return report
      }
    }
    return report
  }
}
