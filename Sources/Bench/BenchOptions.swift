import Foundation
import TUI

/// Command-line options of zwfw-bench, read by the same parser as `zwfw`'s commands from the one
/// declaration below (its usage line and help), so `--help` cannot disagree with what is parsed.
struct BenchOptions {
  var sizes: [Int] = [10_000, 100_000, 1_000_000]
  var json: String?
  var directory = "/tmp/zwfw-bench"
  /// Keep the generated databases (otherwise deleted at the end).
  var keep = false
  /// Reuse a database already generated at the same path (for re-measuring).
  var reuse = false
  var syncEvents = 100_000
  /// Repetitions per query (the first frame gets half as many).
  var runs = 50
  /// Measure only what a clerk reads (first frame, queries, terminal bytes, memory): no write
  /// floor, steps, rebuild or sync — for measuring a kept database again after a change.
  var readsOnly = false
  /// Decode every payload the rebuild folds both ways and compare (`PayloadDecoding`): a check
  /// for tests, not a measurement (the rebuild's time then includes Foundation's decoding).
  var compareDecoding = false
  /// Measure only the rebuild and its floor on each kept database, `runs` times (issue 22's
  /// loop: a change to the fold measured again in a minute, not after the whole run).
  var rebuildOnly = false
  /// `--help` was asked for: print `help` and run nothing.
  var wantsHelp = false

  /// What it takes: the usage line, `--help` and the parser's checks are generated from this.
  static let synopsis = Synopsis(
    ["zwfw-bench"],
    [
      .optional(.text("--cases", "N,N", "案件数,多个用逗号分隔(默认 10000,100000,1000000)")),
      .optional(.text("--json", "FILE", "把结果另写为 JSON 文件")),
      .optional(.text("--dir", "DIR", "生成数据库的目录(默认 /tmp/zwfw-bench)")),
      .optional(.integer("--sync-events", 1...Int.max, "同步测量的事件数(默认 100000)")),
      .optional(.integer("--runs", 1...Int.max, "每个查询的重复次数(默认 50,首帧减半)")),
      .optional(.flag("--keep", "保留生成的数据库")),
      .optional(.flag("--reuse", "复用同一路径下已生成的数据库")),
      .optional(.flag("--reads-only", "只测读取(首帧、查询、终端字节、内存),不测写入、重建与同步")),
      .optional(.flag("--sync-only", "只测同步")),
      .optional(.flag("--rebuild-only", "只测重建及其底线(用已保留的数据库,重复 --runs 次)")),
      .optional(
        .flag("--compare-decoding", "重建时每个事件载荷用两种解码方式解码并比较(检查用,重建时间不作数)")),
      .optional(.flag("--help", "显示用法")),
    ])
  static let summary = "生成区级规模的演示库并测量工作台(见 README「性能 Performance」)"
  static var help: String {
    CommandOption.helpText(usage: synopsis.usage, summary: summary, options: synopsis.options)
  }

  init(_ argv: [String]) throws(UsageError) {
    let args = try Arguments(argv, declaring: Self.synopsis.options)
    try Self.synopsis.checkValues(args)
    if let stray = args.positionals.first { throw UsageError("多余的参数 \(stray)") }
    wantsHelp = args.has("--help") || args.has("-h")
    if let cases = args.option("--cases") {
      // One size, or several separated by commas (10000,100000); `_` as in Swift literals.
      let list = cases.split(separator: ",").map {
        Int($0.replacingOccurrences(of: "_", with: "")) ?? 0
      }
      guard !list.isEmpty, list.allSatisfy({ $0 > 0 }) else {
        throw UsageError("--cases 需要正整数(多个用逗号分隔)")
      }
      sizes = list
    }
    if args.has("--sync-only") { sizes = [] }
    json = args.option("--json")
    directory = args.option("--dir") ?? directory
    syncEvents = args.int("--sync-events") ?? syncEvents
    runs = args.int("--runs") ?? runs
    keep = args.has("--keep")
    reuse = args.has("--reuse")
    readsOnly = args.has("--reads-only")
    compareDecoding = args.has("--compare-decoding")
    rebuildOnly = args.has("--rebuild-only")
    if rebuildOnly, args.int("--runs") == nil { runs = 1 }
  }
}

/// A benchmark step that cannot be measured as asked (not a bad command line).
struct BenchError: Error, CustomStringConvertible {
  var description: String
}
