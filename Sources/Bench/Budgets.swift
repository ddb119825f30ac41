import Foundation

/// The budgets of issues 8, 22 and 26, judged on the largest size measured; flatness in pages
/// across all sizes (`PageFlatness`).
enum Budgets {
  static func judge(_ sizes: [SizeReport], sync: SyncBench.Result?) -> [Budget] {
    guard let big = sizes.max(by: { $0.generation.cases < $1.generation.cases }) else { return [] }
    let at = "N=\(big.generation.cases)"
    func ms(_ v: Double) -> String { String(format: "%.2f ms", v) }
    var out: [Budget] = []
    // Issue 26: times are goals at the largest size; what is accepted is flat pages (below).
    out.append(
      Budget(
        name: "首帧 first frame (\(at))", limit: "p50 ≤ 30 ms",
        figure: "\(ms(big.firstFrame.p50)), \(big.firstFramePages) 页",
        met: big.firstFrame.p50 <= 30))
    out.append(
      Budget(
        name: "新进程首帧 first frame, fresh process (\(at))", limit: "p50 ≤ 60 ms",
        figure: "\(ms(big.firstFrameFresh.p50)) (p99 \(ms(big.firstFrameFresh.p99)))",
        met: big.firstFrameFresh.p50 <= 60))
    let queues = [
      "overdue_queue", "deadline_drilldown", "township_applications", "centre_applications",
      "township_complaints",
    ]
    for q in big.queries where queues.contains(q.name) {
      out.append(
        Budget(
          name: "\(q.label) (\(at))", limit: "p50 ≤ 5 ms",
          figure: "\(ms(q.time.p50)), \(q.rows) 行, \(q.pages) 页; "
            + String(
              format: "理想读取 %d 页, 时间比 %.2f×", q.floorPages ?? 0, q.ratio ?? 0),
          met: q.time.p50 <= 5))
    }
    for q in big.queries {
      switch q.name {
      case "overview":
        out.append(
          Budget(
            name: "督办总览 (\(at))", limit: "≤ 50 ms", figure: ms(q.time.p50), met: q.time.p50 <= 50))
      case "search_2", "search_4", "application_search_2", "application_search_4",
        "search_catalog":
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
      if let rebuild = s.rebuild {
        out.append(
          Budget(
            name: "重建 rebuild (\(n))", limit: "≤ 2× 直接插入同样的行",
            figure: String(
              format: "%.2f s, 直接插入 %.2f s, %.2f× (CPU %.2f×)", rebuild.seconds,
              rebuild.floor.seconds, rebuild.ratio, rebuild.cpuRatio),
            met: rebuild.ratio <= 2))
      }
      if let step = s.step {
        out.append(
          Budget(
            name: "单步写入 one step p99 (\(n))", limit: "≤ 10 ms",
            figure: String(
              format:
                "p50 %.2f ms, p99 %.2f ms (CPU p50 %.2f ms, p99 %.2f ms; 磁盘提交底线 p50 %.2f ms, p99 %.2f ms; p99 比底线 %.2f×)",
              step.time.p50, step.time.p99, step.cpu.p50, step.cpu.p99,
              step.commitFloor.p50, step.commitFloor.p99, step.floorRatio),
            met: step.time.p99 <= 10))
      }
    }
    if let sync {
      out.append(
        Budget(
          name: "同步导入 import", limit: "≤ 2× 直接插入同样的行",
          figure: String(
            format: "%.0f 事件/秒 (%d 事件); 直接插入同样的行 %.0f 事件/秒, 比值 %.2f× (CPU %.2f×)",
            sync.importEventsPerSecond, sync.events, sync.floorEventsPerSecond, sync.importRatio,
            sync.importCPURatio ?? 0),
          met: sync.importRatio <= 2))
    }
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
    out += PageFlatness.judge(sizes)
    return out
  }
}
