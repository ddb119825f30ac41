import Domain
import Foundation
import Store

/// 进度显示 — a long command's progress on standard error.
///
/// On a terminal one line is redrawn in place (bar, percent, done/total, rate, time left), at
/// most ten times a second; when standard error is not a terminal (cron, a pipe) only each
/// phase's final line is written; `--quiet` makes none at all (`CLIEnvironment.progress`).
/// The clock is an input, so the output is the same in every test run.
public final class ProgressRenderer {
  /// Where the text goes: `terminal` lines are redrawn in place with `\r` and erase-line.
  public struct Sink {
    public var terminal: Bool
    public var write: (String) -> Void

  }

  let sink: Sink
  /// Seconds on a monotonic clock.
  let clock: () -> Double
  private var current: ProgressStep?
  private var started = 0.0
  private var lastDraw: Double?
  /// A line drawn in place is on the screen and the next text must replace it.
  private var lineShown = false

  public init(sink: Sink, clock: @escaping () -> Double) {
    self.sink = sink
    self.clock = clock
  }

  /// What a job calls (`ProgressReporter`).
  public var reporter: ProgressReporter { { [self] step in report(step) } }

  public func report(_ step: ProgressStep) {
    let now = clock()
    if let current, current.title != step.title { endPhase(current, at: now, stopped: false) }
    if current == nil || current?.title != step.title {
      started = now
      lastDraw = nil
    }
    current = step
    guard sink.terminal else { return }
    if let last = lastDraw, now - last < 0.1 { return }
    lastDraw = now
    sink.write("\r\u{1B}[K" + SafeText.line(Self.running(step, elapsed: now - started)))
    lineShown = true
  }

  /// Takes the line drawn in place off the screen: the command is about to print (its result,
  /// a warning), which would otherwise run on after the bar. The next report draws it again.
  public func clearLine() {
    guard lineShown else { return }
    sink.write("\r\u{1B}[K")
    lineShown = false
    lastDraw = nil
  }

  /// The command ended: the phase under way gets its final line. `completed` (the command
  /// succeeded) shows the phase complete; otherwise where it stopped.
  public func finish(completed: Bool) {
    guard var step = current else { return }
    if completed { step.done = max(step.done, step.total) }
    endPhase(step, at: clock(), stopped: !completed)
    current = nil
  }

  /// A phase ends when the next begins (it may be resumed later, as a restore's around the
  /// re-fold of an old backup) or when the command ends.
  private func endPhase(_ step: ProgressStep, at now: Double, stopped: Bool) {
    let text = SafeText.line(Self.final(step, elapsed: now - started, stopped: stopped))
    sink.write((lineShown ? "\r\u{1B}[K" : "") + text + "\n")
    lineShown = false
  }

  /// Below this many units a job counts stages (备份's three), and a rate would mean nothing.
  static let countedUnits = 100

  /// `重建数据视图 [######--------------]  30%  3000/10000  1500/秒  剩余 5 秒`
  static func running(_ s: ProgressStep, elapsed: Double) -> String {
    let width = 20
    let filled = s.total > 0 ? min(width, s.done * width / s.total) : width
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    var text = "\(s.title) [\(bar)] \(pad(s.percent, 3))%  \(s.done)/\(s.total)"
    if elapsed > 0, s.done > 0, s.total >= Self.countedUnits {
      let rate = Double(s.done) / elapsed
      text += "  \(Int(rate.rounded()))/秒  剩余 \(duration(Double(s.total - s.done) / rate))"
    }
    return text
  }

  /// `重建数据视图 完成 10000/10000,用时 6.5 秒,1538/秒`, `… 中止于 3000/10000,…` when the
  /// command failed, `… 3000/10000,…` when another phase came between.
  static func final(_ s: ProgressStep, elapsed: Double, stopped: Bool = false) -> String {
    let state = s.done >= s.total ? "完成 " : stopped ? "中止于 " : ""
    var text = "\(s.title) \(state)\(s.done)/\(s.total),用时 \(duration(elapsed))"
    if elapsed >= 0.1, s.done > 0, s.total >= Self.countedUnits {
      text += ",\(Int((Double(s.done) / elapsed).rounded()))/秒"
    }
    return text
  }

  /// `0.4 秒`, `12 秒`, `3 分 05 秒`, `1 小时 02 分`
  static func duration(_ seconds: Double) -> String {
    let s = max(0, seconds)
    if s < 10 { return String(format: "%.1f 秒", s) }
    let whole = Int(s.rounded())
    if whole < 60 { return "\(whole) 秒" }
    if whole < 3600 { return "\(whole / 60) 分 \(String(format: "%02d", whole % 60)) 秒" }
    return "\(whole / 3600) 小时 \(String(format: "%02d", whole % 3600 / 60)) 分"
  }

  private static func pad(_ n: Int, _ width: Int) -> String {
    let t = String(n)
    return String(repeating: " ", count: max(0, width - t.count)) + t
  }
}
