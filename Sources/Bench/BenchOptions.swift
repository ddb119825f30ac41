import Foundation

/// Command-line options of zwfw-bench.
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

  struct UsageError: Error, CustomStringConvertible {
    var description: String
  }

  init<S: Sequence>(_ arguments: S) throws where S.Element == String {
    var it = arguments.makeIterator()
    while let a = it.next() {
      switch a {
      case "--cases":
        // One size, or several separated by commas (10000,100000).
        let list = (it.next() ?? "").split(separator: ",").map {
          Int($0.replacingOccurrences(of: "_", with: "")) ?? 0
        }
        guard !list.isEmpty, list.allSatisfy({ $0 > 0 }) else {
          throw UsageError(description: "--cases 需要正整数(多个用逗号分隔)")
        }
        sizes = list
      case "--json":
        guard let v = it.next() else { throw UsageError(description: "--json 需要文件名") }
        json = v
      case "--dir":
        guard let v = it.next() else { throw UsageError(description: "--dir 需要目录") }
        directory = v
      case "--sync-events":
        guard let v = it.next(), let n = Int(v), n > 0 else {
          throw UsageError(description: "--sync-events 需要正整数")
        }
        syncEvents = n
      case "--runs":
        guard let v = it.next(), let n = Int(v), n > 0 else {
          throw UsageError(description: "--runs 需要正整数")
        }
        runs = n
      case "--sync-only": sizes = []
      case "--keep": keep = true
      case "--reuse": reuse = true
      default:
        throw UsageError(
          description:
            "未知参数 \(a);用法: zwfw-bench [--cases N] [--json FILE] [--dir DIR] [--sync-events N] [--runs N] [--keep] [--reuse] [--sync-only]"
        )
      }
    }
  }
}
