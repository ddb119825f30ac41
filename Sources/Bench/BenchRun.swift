import Domain
import Foundation
import Store

/// Generates each size, measures it, judges the budgets, prints the table (and writes JSON).
struct BenchRun {
  let options: BenchOptions
  static let supervisor = "zhangmin"
  static let township = "zhengtao"

  func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

  func run() throws -> Int32 {
    try FileManager.default.createDirectory(
      atPath: options.directory, withIntermediateDirectories: true)
    // Refused now, not after an hour of measuring: `--json` never replaces a file.
    if let json = options.json { try FileWriter().check(json) }
    if options.rebuildOnly { return try rebuildOnly() }
    var sizes: [SizeReport] = []
    for n in options.sizes {
      sizes.append(try measure(cases: n))
      say(Table.size(sizes[sizes.count - 1]))
    }
    var sync: SyncBench.Result?
    if !options.readsOnly {
      log("同步: 生成约 \(options.syncEvents) 个事件 …")
      sync = try SyncBench.run(
        directory: options.directory, events: options.syncEvents, keep: options.keep,
        reuse: options.reuse)
    }
    let report = FullReport(
      commit: FullReport.commit(), date: ISO8601DateFormatter().string(from: Date()),
      machine: Machine.current(sqlite: Connection.libraryVersion), sizes: sizes, sync: sync,
      budgets: Budgets.judge(sizes, sync: sync))
    say(Table.summary(report))
    if let json = options.json { try report.write(json: json) }
    // The acceptance (flat in pages) decides the exit status; the times are goals beside it.
    let failed = report.budgets.filter { $0.acceptance && !$0.met }
    if !failed.isEmpty {
      log("页数随N增长 (\(failed.count) 项): " + failed.map(\.name).joined(separator: "; "))
      return 3
    }
    return 0
  }

  /// `--rebuild-only`: the rebuild and its floor on each kept database, `--runs` times each,
  /// every run's line and the medians.
  func rebuildOnly() throws -> Int32 {
    for n in options.sizes {
      let db = path(n)
      guard FileManager.default.fileExists(atPath: db) else {
        throw BenchError(description: "\(db) 不存在:先不带 --rebuild-only 运行一次并加 --keep")
      }
      let now = DatabaseBuilder.todayInstant()
      let store = try Store.open(path: db, clock: { now })
      var runs: [RebuildBench.Result] = []
      for _ in 0..<options.runs {
        let r = try RebuildBench.run(store: store, scratch: db + ".rebuild-floor")
        say("N=\(n): " + Table.rebuild(r))
        runs.append(r)
      }
      func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
      say(
        String(
          format:
            "N=%d 中位数 (%d 次): 重建 %.3f s (CPU %.3f s); 底线 %.3f s (CPU %.3f s); 比值 %.2f× (CPU %.2f×)",
          n, runs.count, median(runs.map(\.seconds)), median(runs.map(\.cpuSeconds)),
          median(runs.map(\.floor.seconds)), median(runs.map(\.floor.cpuSeconds)),
          median(runs.map(\.ratio)), median(runs.map(\.cpuRatio))))
    }
    return 0
  }

  func path(_ n: Int) -> String {
    (options.directory as NSString).appendingPathComponent("cases-\(n).db")
  }

  func measure(cases n: Int) throws -> SizeReport {
    let db = path(n)
    log("N=\(n): 生成数据库 \(db) …")
    var generation: Generation
    let stats = db + ".generation.json"
    if options.reuse, FileManager.default.fileExists(atPath: db),
      let data = FileManager.default.contents(atPath: stats),
      let saved = try? JSONDecoder().decode(Generation.self, from: data)
    {
      generation = saved
    } else {
      generation = try DatabaseBuilder.build(path: db, cases: n)
      try Sidecar.save(generation, at: stats)
    }
    defer {
      if !options.keep {
        for s in ["", "-wal", "-shm", ".generation.json", ".floor.json"] {
          try? FileManager.default.removeItem(atPath: db + s)
        }
      }
    }
    log(
      "N=\(n): \(generation.events) 个事件, \(String(format: "%.0f", generation.eventsPerSecond)) 事件/秒;直接插入对照 …"
    )
    let now = DatabaseBuilder.todayInstant()
    let store = try Store.open(path: db, clock: { now })
    let floorFile = db + ".floor.json"
    var floor: WriteFloor.Result?
    if options.readsOnly {
      floor = nil
    } else if options.reuse, let data = FileManager.default.contents(atPath: floorFile),
      let saved = try? JSONDecoder().decode(WriteFloor.Result.self, from: data)
    {
      floor = saved
    } else {
      let measured = try WriteFloor.run(source: store.db, scratch: db + ".floor")
      try Sidecar.save(measured, at: floorFile)
      floor = measured
    }
    let writeRatio = floor.map { generation.seconds / $0.seconds }
    log("N=\(n): 首帧、查询 …")
    let firstFrame = try ScreenBench.firstFrame(
      path: db, login: Self.supervisor, runs: max(3, options.runs / 2))
    let firstFramePages = try ScreenBench.firstFramePages(path: db, login: Self.supervisor)
    let fresh = try ScreenBench.firstFrameFresh(
      path: db, login: Self.supervisor, launches: max(3, options.runs / 2))
    let statements = try ScreenBench.firstFrameStatements(path: db, login: Self.supervisor)
    if fresh.pages != firstFramePages {
      log("N=\(n): 新进程首帧读了 \(fresh.pages) 页,进程内 \(firstFramePages) 页")
    }
    guard let supervisor = try store.staff(login: Self.supervisor),
      let township = try store.staff(login: Self.township)
    else { throw StoreError.invalid("演示工作人员缺失") }
    let total = try store.db.fetchInt("SELECT count(*) FROM application")
    let caseID =
      try store.db.fetchOne(
        "SELECT case_id FROM application ORDER BY rowid LIMIT 1 OFFSET ?", [total / 2]
      ) { $0.text(0) } ?? ""
    let queries = try QueryBench(
      store: store, supervisor: supervisor, township: township, today: store.today,
      runs: options.runs
    ).all(caseID: caseID)
    log("N=\(n): 终端字节、峰值内存 …")
    let terminal = try ScreenBench.terminal(path: db, login: Self.supervisor)
    let rss = try ScreenBench.measureRSS(path: db, login: Self.supervisor)
    var step: StepBench.Result?
    var rebuild: RebuildBench.Result?
    if !options.readsOnly {
      // After the queries: the steps add cases, and the rebuild rewrites every projection.
      log("N=\(n): 单步写入 …")
      guard let admin = try store.staff(login: DatabaseBuilder.login) else {
        throw StoreError.invalid("演示管理员缺失")
      }
      step = try StepBench.run(
        store: store, actor: admin, steps: max(20, options.runs * 4),
        scratch: db + ".commit-floor")
      log("N=\(n): 重建 …")
      rebuild = try RebuildBench.run(
        store: store, scratch: db + ".rebuild-floor", compareDecoding: options.compareDecoding)
    }
    return SizeReport(
      generation: generation, writeFloor: floor, writeRatio: writeRatio, firstFrame: firstFrame,
      firstFramePages: firstFramePages, firstFrameFresh: fresh.time,
      firstFrameStatements: Array(statements.prefix(12)), queries: queries,
      terminal: terminal, peakRSSKiB: rss, step: step, rebuild: rebuild)
  }
}
