import Foundation

/// The budgets of issue 8, judged on the largest size measured (flatness across all sizes).
enum Budgets {
  static func judge(_ sizes: [SizeReport], sync: SyncBench.Result) -> [Budget] {
    guard let big = sizes.max(by: { $0.generation.cases < $1.generation.cases }) else { return [] }
    let at = "N=\(big.generation.cases)"
    func ms(_ v: Double) -> String { String(format: "%.2f ms", v) }
    var out: [Budget] = []
    out.append(
      Budget(
        name: "首帧 first frame (\(at))", limit: "≤ 150 ms", figure: ms(big.firstFrame.p50),
        met: big.firstFrame.p50 <= 150))
    let queues = [
      "overdue_queue", "deadline_drilldown", "township_applications", "township_complaints",
    ]
    for q in big.queries where queues.contains(q.name) {
      let ratio = q.ratio ?? 0
      out.append(
        Budget(
          name: "\(q.label) (\(at))", limit: "≤ 20 ms 且 ≤ 2× 直接SQL",
          figure: "\(ms(q.time.p50)), \(String(format: "%.2f", ratio))×",
          met: q.time.p50 <= 20 && ratio <= 2))
    }
    for q in big.queries {
      switch q.name {
      case "overview":
        out.append(
          Budget(
            name: "督办总览 (\(at))", limit: "≤ 50 ms", figure: ms(q.time.p50), met: q.time.p50 <= 50))
      case "search_2", "search_4", "search_catalog":
        out.append(
          Budget(
            name: "\(q.label) (\(at))", limit: "≤ 100 ms", figure: ms(q.time.p50),
            met: q.time.p50 <= 100))
      case "case_view":
        out.append(
          Budget(
            name: "打开办件 case view (\(at))", limit: "≤ 10 ms", figure: ms(q.time.p50),
            met: q.time.p50 <= 10))
      default: break
      }
    }
    // Issue 22: rebuild and import within 2× of SQLite inserting the rows they leave, and a
    // clerk's step instant at every size.
    for s in sizes {
      let n = "N=\(s.generation.cases)"
      out.append(
        Budget(
          name: "重建 rebuild (\(n))", limit: "≤ 2× 直接插入同样的行",
          figure: String(
            format: "%.2f s, 直接插入 %.2f s, %.2f× (CPU %.2f×)", s.rebuild.seconds,
            s.rebuild.floor.seconds, s.rebuild.ratio, s.rebuild.cpuRatio),
          met: s.rebuild.ratio <= 2))
      out.append(
        Budget(
          name: "单步写入 one step p99 (\(n))", limit: "≤ 10 ms",
          figure: String(
            format:
              "p50 %.2f ms, p99 %.2f ms (CPU p50 %.2f ms, p99 %.2f ms; 磁盘提交底线 p50 %.2f ms, p99 %.2f ms; p99 比底线 %.2f×)",
            s.step.time.p50, s.step.time.p99, s.step.cpu.p50, s.step.cpu.p99,
            s.step.commitFloor.p50, s.step.commitFloor.p99, s.step.floorRatio),
          met: s.step.time.p99 <= 10))
    }
    out.append(
      Budget(
        name: "同步导入 import", limit: "≤ 2× 直接插入同样的行",
        figure: String(
          format: "%.0f 事件/秒 (%d 事件); 直接插入同样的行 %.0f 事件/秒, 比值 %.2f× (CPU %.2f×)",
          sync.importEventsPerSecond, sync.events, sync.floorEventsPerSecond, sync.importRatio,
          sync.importCPURatio ?? 0),
        met: sync.importRatio <= 2))
    out.append(
      Budget(
        name: "光标移动 cursor move", limit: "≤ 300 字节", figure: "\(big.terminal.cursorMove) 字节",
        met: big.terminal.cursorMove <= 300))
    out.append(
      Budget(
        name: "翻页 page change", limit: "≤ 6144 字节", figure: "\(big.terminal.pageChange) 字节",
        met: big.terminal.pageChange <= 6144))
    out.append(
      Budget(
        name: "峰值内存 peak RSS (\(at))", limit: "≤ 64 MB",
        figure: String(format: "%.1f MB", Double(big.peakRSSKiB) / 1024),
        met: big.peakRSSKiB > 0 && big.peakRSSKiB <= 65536))
    out += flatness(sizes)
    return out
  }

  /// First pages and searches must not grow with N: the largest size within 2× of the smallest
  /// (plus 1 ms of timer noise).
  static func flatness(_ sizes: [SizeReport]) -> [Budget] {
    let sorted = sizes.sorted { $0.generation.cases < $1.generation.cases }
    guard let small = sorted.first, let big = sorted.last, sorted.count > 1 else { return [] }
    let names = [
      "overdue_queue", "deadline_drilldown", "township_applications", "township_complaints",
      "search_2", "search_4",
    ]
    return names.compactMap { name in
      guard let a = small.queries.first(where: { $0.name == name }),
        let b = big.queries.first(where: { $0.name == name })
      else { return nil }
      return Budget(
        name: "不随N增长 flat: \(a.label)",
        limit: "N=\(big.generation.cases) ≤ 2× N=\(small.generation.cases) + 1 ms",
        figure: String(format: "%.2f → %.2f ms", a.time.p50, b.time.p50),
        met: b.time.p50 <= 2 * a.time.p50 + 1)
    }
  }
}
