import Foundation

/// The printed report: one block per size, then sync and the budgets.
enum Table {
  static func f(_ v: Double) -> String { String(format: "%.2f", v) }

  static func size(_ s: SizeReport) -> String {
    let g = s.generation
    var lines = [
      "",
      "== N = \(g.cases) 件 (\(g.events) 个事件, 数据库 \(g.bytes / 1_048_576) MB) ==",
      String(
        format: "生成(日志写入路径): %.1f s, %.0f 事件/秒, %d 行", g.seconds, g.eventsPerSecond, g.rows)
        + (s.writeFloor.map {
          String(
            format: "; 直接插入同样的行: %.2f s, %.0f 行/秒; 比值 %.1f×", $0.seconds, $0.rowsPerSecond,
            s.writeRatio ?? 0)
        } ?? ""),
      // The floor: of a queue or a search the ideal read (its rows fetched by their keys),
      // otherwise the same SQL run directly.
      "| 测量 | 行数 | 页数 | p50 ms | p99 ms | 底线 页数 | 底线 p50 ms | 比值 |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      "| 打开数据库到首帧 (120x40) | | \(s.firstFramePages) | \(f(s.firstFrame.p50)) | \(f(s.firstFrame.p99)) | | | |",
      "| 新进程首帧(启动到首帧,\(s.firstFrameFresh.runs) 次启动) | | | \(f(s.firstFrameFresh.p50)) | \(f(s.firstFrameFresh.p99)) | | | |",
    ]
    for q in s.queries {
      let floorPages = q.floorPages.map(String.init) ?? ""
      lines.append(
        "| \(q.label) | \(q.rows) | \(q.pages) | \(f(q.time.p50)) | \(f(q.time.p99)) | \(floorPages) | \(q.floor.map { f($0.p50) } ?? "") | \(q.ratio.map { String(format: "%.2f×", $0) } ?? "") |"
      )
    }
    if let step = s.step {
      lines.append(
        "| 单步写入(受理,Store.perform,独立事务含 fsync) | | | \(f(step.time.p50)) | \(f(step.time.p99)) | | | |"
      )
      lines.append(
        "| 单步写入 CPU 时间 | | | \(f(step.cpu.p50)) | \(f(step.cpu.p99)) | | | |")
      lines.append(
        "| 磁盘提交底线(一行一事务,含 fsync,与单步交替) | | | \(f(step.commitFloor.p50)) | \(f(step.commitFloor.p99)) | | | \(String(format: "p99 %.2f×", step.floorRatio)) |"
      )
      lines.append(
        "| 空闲时检查点(\(step.checkpoints.runs) 次,不在单步内) | | | \(f(step.checkpoints.p50)) | \(f(step.checkpoints.p99)) | | | |"
      )
      lines.append(
        "| 单步写入(检查点在提交内,改前) | | | \(f(step.checkpointInCommit.p50)) | \(f(step.checkpointInCommit.p99)) | | | |"
      )
    }
    if let r = s.rebuild { lines.append(Self.rebuild(r)) }
    lines.append("首帧读取页数最多的语句:")
    for st in s.firstFrameStatements.prefix(6) {
      let text = st.sql.count > 110 ? st.sql.prefix(110) + "…" : Substring(st.sql)
      lines.append("  \(st.pages) 页 (\(st.uses) 次) \(text)")
    }
    lines.append(
      "终端字节 (120x40): 首次绘制 \(s.terminal.firstPaint), 光标移动 \(s.terminal.cursorMove), 翻页 \(s.terminal.pageChange); 峰值内存 \(s.peakRSSKiB / 1024) MB"
    )
    return lines.joined(separator: "\n")
  }

  static func summary(_ r: FullReport) -> String {
    var lines: [String] = []
    if let sync = r.sync {
      lines += [
        "",
        "== 同步 ==",
        String(
          format: "%d 个事件, 同步文件 %.1f MB; 导出 %.2f s (%.0f 事件/秒); 导入 %.2f s (%.0f 事件/秒)",
          sync.events, Double(sync.bundleBytes) / 1_048_576, sync.exportSeconds,
          sync.exportEventsPerSecond, sync.importSeconds, sync.importEventsPerSecond),
        String(
          format: "导入留下的行直接插入: %d 行, %.2f s (%.0f 事件/秒); 导入耗时比值 %.2f× (CPU %.2f s / %.2f s, %.2f×)",
          sync.floorRows, sync.floorSeconds, sync.floorEventsPerSecond, sync.importRatio,
          sync.importCPUSeconds ?? 0, sync.floorCPUSeconds ?? 0, sync.importCPURatio ?? 0),
      ]
    }
    lines += [
      "",
      "== 预算 budgets ==",
      "| 预算 | 限值 | 实测 | 结论 |",
      "| --- | --- | --- | --- |",
    ]
    for b in r.budgets {
      let verdict =
        b.acceptance ? (b.met ? "通过 pass" : "**不通过 FAIL**") : (b.met ? "达到 met" : "未达到 missed")
      lines.append("| \(b.name) | \(b.limit) | \(b.figure) | \(verdict) |")
    }
    lines.append("")
    lines.append(
      "机器: \(r.machine.cpu), \(r.machine.cores) 核, \(r.machine.memoryBytes / 1_073_741_824) GB, \(r.machine.uname), SQLite \(r.machine.sqlite); 提交 \(r.commit)"
    )
    return lines.joined(separator: "\n")
  }
}

extension Table {
  /// 重建's line: the rebuild, its floor and their ratios.
  static func rebuild(_ r: RebuildBench.Result) -> String {
    String(
      format:
        "重建: %.2f s (CPU %.2f s, %d 个流); 直接插入同样的行: %d 行, %.2f s (CPU %.2f s); 比值 %.2f× (CPU %.2f×)",
      r.seconds, r.cpuSeconds, r.streams, r.floor.rows, r.floor.seconds, r.floor.cpuSeconds,
      r.ratio, r.cpuRatio)
  }
}
