import Domain
import Foundation
import Store
import TUI

/// The workstation as a clerk opens it: database opened, panes built, the first frame rendered
/// headless at 120x40; and the bytes the real curses driver sends for a cursor move and a page.
enum ScreenBench {
  static let width = 120
  static let height = 40

  struct Terminal: Codable {
    var firstPaint: Int
    var cursorMove: Int
    var pageChange: Int
  }

  /// Opens the store and renders the workstation's first frame; `trace` is told each
  /// statement's pages from the panes on (`Store.open` makes the connection).
  static func open(
    path: String, login: String, trace: ((String, Int) -> Void)? = nil
  ) throws -> (Store, Workstation, Frame) {
    let now = DatabaseBuilder.todayInstant()
    let store = try Store.open(path: path, clock: { now })
    store.db.pageTrace = trace
    guard let staff = try store.staff(login: login) else {
      throw StoreError.invalid("工作人员 \(login) 不存在")
    }
    let context = try AppContext(store: store, staff: staff)
    let workstation = Workstation(
      panes: PaneRegistry.panes(store: store, context: context), context: context)
    let frame = workstation.render(width: width, height: height)
    return (store, workstation, frame)
  }

  static func firstFrame(path: String, login: String, runs: Int) throws -> Percentiles {
    try measure(runs: runs, warmup: 1) { _ = try open(path: path, login: login) }
  }

  /// One Down in the queue, then one PgDn, through the real driver on a pseudo-terminal.
  static func terminal(path: String, login: String) throws -> Terminal {
    var (_, ws, first) = try open(path: path, login: login)
    ws.handle(.down, size: (width, height))
    let moved = ws.render(width: width, height: height)
    ws.handle(.pageDown, size: (width, height))
    let paged = ws.render(width: width, height: height)
    let counts = try TerminalProbe.bytesWritten(frames: [first, moved, paged])
    return Terminal(firstPaint: counts[0], cursorMove: counts[1], pageChange: counts[2])
  }

  /// Run in a child process (`--rss-probe DB`): open, first frame, a cursor move and a page,
  /// the 督办 pane, then the peak resident set (VmHWM) in KiB on stdout.
  static func rssProbe(path: String, login: String) throws {
    var (_, ws, _) = try open(path: path, login: login)
    for key in [Key.down, .pageDown, .char("2"), .pageDown, .char("5"), .down, .char("1")] {
      ws.handle(key, size: (width, height))
      _ = ws.render(width: width, height: height)
    }
    print(peakRSS())
  }

  static func peakRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return 0
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
  }

  /// Starts this program again as the probe and reads its answer.
  static func measureRSS(path: String, login: String) throws -> Int {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    p.arguments = ["--rss-probe", path, login]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).trimmingSpacesAndNewlines()
    return Int(text.split(separator: "\n").last ?? "") ?? 0
  }
}
