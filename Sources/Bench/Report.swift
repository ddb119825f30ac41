import Foundation
import Store

#if canImport(Glibc)
  import Glibc
#endif

/// Everything measured at one size.
struct SizeReport: Codable {
  var generation: Generation
  /// nil under `--reads-only` (as are `writeRatio`, `step` and `rebuild`).
  var writeFloor: WriteFloor.Result?
  /// Journal write path time over the floor's time for the same rows.
  var writeRatio: Double?
  var firstFrame: Percentiles
  /// Database pages the first frame touched (`Store.open` to the frame, one run).
  var firstFramePages: Int
  /// The first frame of a new process, timed from its launch (separate launches).
  var firstFrameFresh: Percentiles
  /// The first frame's statements that touched the most pages (at most 12).
  var firstFrameStatements: [StatementPages]
  var queries: [QueryFigure]
  var terminal: ScreenBench.Terminal
  var peakRSSKiB: Int
  /// One clerk's step (`Store.perform`, its own transaction, fsync included).
  var step: StepBench.Result?
  var rebuild: RebuildBench.Result?
}

struct Machine: Codable {
  var uname: String
  var cpu: String
  var cores: Int
  var memoryBytes: UInt64
  var sqlite: String

  static func current(sqlite: String) -> Machine {
    var u = utsname()
    _ = Glibc.uname(&u)
    func field<T>(_ value: T) -> String {
      withUnsafeBytes(of: value) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
    }
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let cpu =
      info.split(separator: "\n").first { $0.hasPrefix("model name") }
      .flatMap { $0.split(separator: ":", maxSplits: 1).last }
      .map { $0.trimmingSpaces() } ?? "unknown"
    return Machine(
      uname: "\(field(u.sysname)) \(field(u.release)) \(field(u.machine))", cpu: cpu,
      cores: ProcessInfo.processInfo.activeProcessorCount,
      memoryBytes: ProcessInfo.processInfo.physicalMemory, sqlite: sqlite)
  }
}

/// One budget (issues 8, 22 and 26) and whether the run met it.
struct Budget: Codable {
  var name: String
  var limit: String
  var figure: String
  var met: Bool
  /// Part of the acceptance (issue 26: flat in pages): a miss makes zwfw-bench exit 3. The
  /// times are goals beside it — on a shared machine they follow the load.
  var acceptance = false
}

struct FullReport: Codable {
  var commit: String
  var date: String
  var machine: Machine
  var sizes: [SizeReport]
  /// nil under `--reads-only`.
  var sync: SyncBench.Result?
  var budgets: [Budget]

  static func commit() -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["git", "rev-parse", "HEAD"]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return "unknown" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).trimmingSpacesAndNewlines()
    return p.terminationStatus == 0 && !text.isEmpty ? text : "unknown"
  }

  func write(json path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // `--json FILE` never replaces a file, as `--out` does not.
    try FileWriter().write(try encoder.encode(self), to: path)
  }
}
