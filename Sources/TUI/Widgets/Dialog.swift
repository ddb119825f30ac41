import Domain

/// 确认框 — a question that cannot be answered by accident: Enter or y confirms, Esc or n cancels.
/// Used before every step that cannot be undone.
public struct ConfirmDialog: Equatable, Sendable {
  public var title: String
  public var lines: [String]
  /// What the pane does when confirmed.
  public var action: String

  public enum Outcome: Equatable, Sendable { case none, confirmed, cancelled }

  public static let keymap = KeymapSection(
    "确认",
    [
      KeyBinding([.enter, .char("y")], "confirm", "确定", bar: true),
      KeyBinding([.escape, .char("n")], "cancel", "取消", bar: true),
    ])

  public func handle(_ key: Key) -> Outcome {
    switch Self.keymap.command(for: key) {
    case "confirm": return .confirmed
    case "cancel": return .cancelled
    default: return .none
    }
  }

  public func render(into frame: inout Frame, area: Rect) {
    let width = min(area.width - 4, max(40, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
    let wrapped = lines.flatMap { DisplayWidth.wrap($0, columns: width - 4) }
    let box = area.centered(width: width, height: wrapped.count + 4)
    frame.fill(box, style: .selected)
    frame.put(
      " " + title, x: box.x, y: box.y, maxWidth: box.width, style: Style(bold: true, reverse: true))
    for (i, l) in wrapped.enumerated() where box.y + 1 + i < box.maxY - 1 {
      frame.put(l, x: box.x + 2, y: box.y + 2 + i, maxWidth: box.width - 4, style: .selected)
    }
    frame.put(
      " Enter/y 确定   Esc/n 取消", x: box.x, y: box.maxY - 1, maxWidth: box.width, style: .selected)
  }
}
