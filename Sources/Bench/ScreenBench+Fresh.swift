import Domain
import Foundation
import Store

/// The first frame as a clerk waits for it at login (issue 26): a new process that opens the
/// database with SQLite's cache empty and draws the workstation's first frame headless — the
/// same `ScreenBench.open` as the in-process figure, timed from the launch to the frame.
extension ScreenBench {
  /// The pages the first frame touches, from opening the database to the frame: the connection
  /// is new, so its counter starts at zero and holds `Store.open` and every pane's first read.
  static func firstFramePages(path: String, login: String) throws -> Int {
    let (store, _, _) = try open(path: path, login: login)
    return store.db.pagesTouched()
  }

  /// Run in a child process (`--frame-probe DB LOGIN`): the first frame, then its pages on one
  /// line of stdout, written the moment the frame exists (the parent stops its clock there).
  static func frameProbe(path: String, login: String) throws {
    let (store, _, _) = try open(path: path, login: login)
    FileHandle.standardOutput.write(Data("\(store.db.pagesTouched())\n".utf8))
  }

  /// Launches this program as the probe `launches` times (after one launch unmeasured, which
  /// brings the program and the database file into the operating system's cache, as a second
  /// login of the day finds them) and times each from the launch to its line.
  static func firstFrameFresh(path: String, login: String, launches: Int) throws -> (
    time: Percentiles, pages: Int
  ) {
    var samples: [Double] = []
    var pages = 0
    for i in 0...launches {
      let launch = try probeOnce(path: path, login: login)
      pages = launch.pages
      if i > 0 { samples.append(launch.seconds) }
    }
    return (Percentiles(samples), pages)
  }

  static func probeOnce(path: String, login: String) throws -> (seconds: Double, pages: Int) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    p.arguments = ["--frame-probe", path, login]
    let pipe = Pipe()
    p.standardOutput = pipe
    let start = monotonic()
    try p.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = pipe.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    let elapsed = monotonic() - start
    p.waitUntilExit()
    let text = String(decoding: line, as: UTF8.self).trimmingSpacesAndNewlines()
    guard p.terminationStatus == 0, let pages = Int(text) else {
      throw BenchError(description: "首帧子进程失败(退出码 \(p.terminationStatus)): \(text)")
    }
    return (elapsed, pages)
  }
}
