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
        format: "生成(日志写入路径): %.1f s, %.0f 事件/秒, %d 行; 直接插入同样的行: %.2f s, %.0f 行/秒; 比值 %.1f×",
        g.seconds, g.eventsPerSecond, g.rows, s.writeFloor.seconds, s.writeFloor.rowsPerSecond,
        s.writeRatio),
      "| 测量 | 行数 | p50 ms | p99 ms | 直接SQL p50 ms | 比值 |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      "| 打开数据库到首帧 (120x40) | | \(f(s.firstFrame.p50)) | \(f(s.firstFrame.p99)) | | |",
    ]
    for q in s.queries {
      lines.append(
        "| \(q.label) | \(q.rows) | \(f(q.time.p50)) | \(f(q.time.p99)) | \(q.floor.map { f($0.p50) } ?? "") | \(q.ratio.map { String(format: "%.2f×", $0) } ?? "") |"
      )
    }
    lines.append(
      "| 单步写入(受理,Store.perform,独立事务含 fsync) | | \(f(s.step.time.p50)) | \(f(s.step.time.p99)) | | |"
    )
    lines.append(
      "| 单步写入 CPU 时间 | | \(f(s.step.cpu.p50)) | \(f(s.step.cpu.p99)) | | |")
    lines.append(
      "| 磁盘提交底线(一行一事务,含 fsync,与单步交替) | | \(f(s.step.commitFloor.p50)) | \(f(s.step.commitFloor.p99)) | | \(String(format: "p99 %.2f×", s.step.floorRatio)) |"
    )
    lines.append(
      "| 空闲时检查点(\(s.step.checkpoints.runs) 次,不在单步内) | | \(f(s.step.checkpoints.p50)) | \(f(s.step.checkpoints.p99)) | | |"
    )
    lines.append(
      "| 单步写入(检查点在提交内,改前) | | \(f(s.step.checkpointInCommit.p50)) | \(f(s.step.checkpointInCommit.p99)) | | |"
    )
    lines.append(
      String(
        format:
          "重建: %.2f s (CPU %.2f s, %d 个流); 直接插入同样的行: %d 行, %.2f s (CPU %.2f s); 比值 %.2f× (CPU %.2f×)",
        s.rebuild.seconds, s.rebuild.cpuSeconds, s.rebuild.streams, s.rebuild.floor.rows,
        s.rebuild.floor.seconds, s.rebuild.floor.cpuSeconds, s.rebuild.ratio, s.rebuild.cpuRatio))
    lines.append(
      "终端字节 (120x40): 首次绘制 \(s.terminal.firstPaint), 光标移动 \(s.terminal.cursorMove), 翻页 \(s.terminal.pageChange); 峰值内存 \(s.peakRSSKiB / 1024) MB"
    )
    return lines.joined(separator: "\n")
  }

  static func summary(_ r: FullReport) -> String {
    var lines = [
      "",
      "== 同步 ==",
      String(
        format: "%d 个事件, 同步文件 %.1f MB; 导出 %.2f s (%.0f 事件/秒); 导入 %.2f s (%.0f 事件/秒)",
        r.sync.events, Double(r.sync.bundleBytes) / 1_048_576, r.sync.exportSeconds,
        r.sync.exportEventsPerSecond, r.sync.importSeconds, r.sync.importEventsPerSecond),
      String(
        format: "导入留下的行直接插入: %d 行, %.2f s (%.0f 事件/秒); 导入耗时比值 %.2f× (CPU %.2f s / %.2f s, %.2f×)",
        r.sync.floorRows, r.sync.floorSeconds, r.sync.floorEventsPerSecond, r.sync.importRatio,
        r.sync.importCPUSeconds ?? 0, r.sync.floorCPUSeconds ?? 0, r.sync.importCPURatio ?? 0),
      "",
      "== 预算 budgets ==",
      "| 预算 | 限值 | 实测 | 结论 |",
      "| --- | --- | --- | --- |",
    ]
    for b in r.budgets {
      lines.append("| \(b.name) | \(b.limit) | \(b.figure) | \(b.met ? "达到 met" : "未达到 missed") |")
    }
    lines.append("")
    lines.append(
      "机器: \(r.machine.cpu), \(r.machine.cores) 核, \(r.machine.memoryBytes / 1_073_741_824) GB, \(r.machine.uname), SQLite \(r.machine.sqlite); 提交 \(r.commit)"
    )
    return lines.joined(separator: "\n")
  }
}
