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

/// Walks each origin's chain: the events this node holds, linked across the ranges it holds only
/// as hashes (`chain_elided`: another township's cases, outside this node's scope).
enum ChainVerifier {
  /// - Parameter fast: check sequence, links and heads only, not each event's own hash (`zwfw
  ///   doctor`): it catches a deleted, inserted or reordered event, a truncated journal, a
  ///   broken link; a rewritten event whose stored hash was left alone needs the full walk.
  static func verify(db: Connection, fast: Bool = false) throws -> AuditReport {
    var report = AuditReport(eventCount: 0, origins: [], firstBroken: nil)
    let origins = try db.fetchAll(
      """
      SELECT origin FROM journal GROUP BY origin UNION SELECT origin FROM origin_head
      UNION SELECT origin FROM chain_elided ORDER BY 1
      """
    ) { $0.text(0) }
    report.origins = origins
    for origin in origins {
      let elided = try db.fetchAll(
        ElidedRange.self,
        "SELECT \(ElidedRange.columns) FROM chain_elided WHERE origin = ? ORDER BY first_seq",
        [origin])
      var walk = Walk(origin: origin, elided: elided)
      walk.fast = fast
      try db.forEach(
        "SELECT \(Journal.columns) FROM journal WHERE origin = ? ORDER BY seq", [origin]
      ) { row in
        guard walk.broken == nil else { return }
        report.eventCount += 1
        walk.visit(Journal.read(row))
      }
      walk.skipElided()
      if walk.broken == nil, walk.nextElided < elided.count {
        let r = elided[walk.nextElided]
        walk.broken = .init(origin: origin, seq: r.first, reason: "链记录中的省略区间与日志重叠或脱节")
      }
      if let broken = walk.broken {
        report.firstBroken = broken
        return report
      }
      let head = try Journal.head(of: origin, db: db)
      if head.0 != walk.expectedSeq - 1 || head.1 != walk.prev {
        report.firstBroken = .init(
          origin: origin, seq: walk.expectedSeq,
          reason: "链头记录(第\(head.0)号)与日志末尾(第\(walk.expectedSeq - 1)号)不符,日志可能被截断")
        return report
      }
    }
    return report
  }

  /// One origin's walk in sequence order.
  struct Walk {
    let origin: String
    let elided: [ElidedRange]
    var nextElided = 0
    var expectedSeq: Int64 = 1
    var prev = ""
    var broken: AuditReport.BrokenLink?
    var fast = false

    /// Steps over the elided ranges that start where the walk stands.
    mutating func skipElided() {
      while broken == nil, nextElided < elided.count, elided[nextElided].first == expectedSeq {
        let r = elided[nextElided]
        if r.prevHash != prev {
          broken = .init(origin: origin, seq: r.first, reason: "前序哈希与上一事件不符")
          return
        }
        prev = r.hash
        expectedSeq = r.last + 1
        nextElided += 1
      }
    }

    mutating func visit(_ e: Event) {
      skipElided()
      guard broken == nil else { return }
      if e.seq != expectedSeq {
        broken = .init(origin: origin, seq: e.seq, reason: "序号不连续,缺少第\(expectedSeq)号事件")
      } else if e.prevHash != prev {
        broken = .init(origin: origin, seq: e.seq, reason: "前序哈希与上一事件不符")
      } else if !fast, e.computedHash() != e.hash {
        broken = .init(origin: origin, seq: e.seq, reason: "事件内容与哈希不符(记录被改动)")
      }
      prev = e.hash
      expectedSeq = e.seq + 1
    }
  }
}
