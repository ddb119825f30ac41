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
  /// `--help` was asked for: print `help` and run nothing.
  var wantsHelp = false

  static let usage =
    "zwfw-bench [--cases N,N] [--json FILE] [--dir DIR] [--sync-events N] [--runs N] [--keep] [--reuse] [--reads-only] [--sync-only] [--compare-decoding] [--help]"
  static let summary = "生成区级规模的演示库并测量工作台(见 README「性能 Performance」)"
  static let options = CommandOption.parse(
    usage: usage,
    help: [
      "--cases": "案件数,多个用逗号分隔(默认 10000,100000,1000000)",
      "--json": "把结果另写为 JSON 文件",
      "--dir": "生成数据库的目录(默认 /tmp/zwfw-bench)",
      "--sync-events": "同步测量的事件数(默认 100000)",
      "--runs": "每个查询的重复次数(默认 50,首帧减半)",
      "--keep": "保留生成的数据库",
      "--reuse": "复用同一路径下已生成的数据库",
      "--reads-only": "只测读取(首帧、查询、终端字节、内存),不测写入、重建与同步",
      "--sync-only": "只测同步",
      "--compare-decoding": "重建时每个事件载荷用两种解码方式解码并比较(检查用,重建时间不作数)",
      "--help": "显示用法",
    ])
  static var help: String {
    CommandOption.helpText(usage: usage, summary: summary, options: options)
  }

  init(_ argv: [String]) throws(UsageError) {
    let args = try Arguments(argv, declaring: Self.options)
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
    syncEvents = try Self.positive(args, "--sync-events") ?? syncEvents
    runs = try Self.positive(args, "--runs") ?? runs
    keep = args.has("--keep")
    reuse = args.has("--reuse")
    readsOnly = args.has("--reads-only")
    compareDecoding = args.has("--compare-decoding")
  }

  static func positive(_ args: Arguments, _ name: String) throws(UsageError) -> Int? {
    guard let text = args.option(name) else { return nil }
    guard let n = Int(text), n > 0 else { throw UsageError("\(name) 需要正整数") }
    return n
  }
}

/// A benchmark step that cannot be measured as asked (not a bad command line).
struct BenchError: Error, CustomStringConvertible {
  var description: String
}
