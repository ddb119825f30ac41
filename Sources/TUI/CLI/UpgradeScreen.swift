import Domain
import Foundation
import Store

/// 数据库升级 — what the workstation shows while the database is upgraded before it opens, so
/// the first clerk after an upgrade sees how far it is rather than a blank terminal.
enum UpgradeScreen {
  enum State: Equatable {
    /// This process is upgrading; seconds since it began.
    case running(ProgressStep, elapsed: Double)
    /// Another process is upgrading (`StoreError.upgradeRunning`); we wait for it.
    case elsewhere(ProgressStep)
    /// Done here; the clerk presses a key to go on.
    case finished(ProgressStep?, elapsed: Double)
  }

  static func frame(_ state: State, width: Int, height: Int) -> Frame {
    var f = Frame(width: width, height: height)
    f.fill(Rect(x: 0, y: 0, width: width, height: 1), style: .title)
    f.put(" 政务服务窗口工作台 — 数据库升级", x: 0, y: 0, style: .title)
    var lines: [(String, Style)] = []
    switch state {
    case .running(let step, let elapsed):
      lines = [
        ("本版本 zwfw 需要升级数据库,完成后自动打开工作台;请勿关闭窗口。", .normal), ("", .normal),
        (step.title, .bold), (bar(step), .normal), (figures(step, elapsed: elapsed), .dim),
      ]
    case .elsewhere(let step):
      lines = [
        ("另一个 zwfw 进程正在升级本数据库,完成后自动打开工作台。", .normal), ("", .normal),
        (step.title, .bold), (bar(step), .normal), ("\(step.done)/\(step.total)", .dim),
        ("", .normal), ("按 F10 退出", .dim),
      ]
    case .finished(let step, let elapsed):
      lines = [
        ("数据库升级完成,用时 \(ProgressRenderer.duration(elapsed))。", .ok),
        step.map { ("\($0.title) \($0.total)/\($0.total)", .dim) } ?? ("", .normal),
        ("", .normal), ("按任意键进入工作台", .bold),
      ]
    }
    let top = max(2, (height - lines.count) / 2)
    for (i, (text, style)) in lines.enumerated() {
      f.put(text, x: 2, y: top + i, maxWidth: max(0, width - 4), style: style)
    }
    return f
  }

  /// `[##########----------]  50%`
  static func bar(_ s: ProgressStep) -> String {
    let width = 40
    let filled = s.total > 0 ? min(width, s.done * width / s.total) : width
    return "[" + String(repeating: "#", count: filled)
      + String(repeating: "-", count: width - filled) + "] \(s.percent)%"
  }

  /// `130/260  已用 2.0 秒  剩余 2.0 秒`
  static func figures(_ s: ProgressStep, elapsed: Double) -> String {
    var text = "\(s.done)/\(s.total)  已用 \(ProgressRenderer.duration(elapsed))"
    if elapsed > 0, s.done > 0 {
      let left = Double(s.total - s.done) * elapsed / Double(s.done)
      text += "  剩余 \(ProgressRenderer.duration(left))"
    }
    return text
  }
}
