import Domain

/// 帮助 — every binding of the front pane and the global keys, from the same tables that drive
/// key handling.
public struct HelpOverlay: Equatable {
  public let paneTitle: String
  public let sections: [KeymapSection]
  var scroll = 0

  init(paneTitle: String, sections: [KeymapSection]) {
    self.paneTitle = paneTitle
    self.sections = sections
  }

  var lines: [(String, Bool)] {
    var out: [(String, Bool)] = []
    for s in sections {
      out.append((s.title, true))
      for b in s.bindings {
        out.append(("  " + DisplayWidth.pad(b.keyLabel, to: 22) + b.title, false))
      }
      out.append(("", false))
    }
    return out
  }

  /// Returns false when the overlay should close.
  mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .down, .char("j"): scroll = min(scroll + 1, max(0, lines.count - 1))
    case .up, .char("k"): scroll = max(0, scroll - 1)
    case .pageDown: scroll = min(scroll + 10, max(0, lines.count - 1))
    case .pageUp: scroll = max(0, scroll - 10)
    default: return false
    }
    return true
  }

  func render(into frame: inout Frame, area: Rect) {
    let box = area.centered(width: 64, height: min(area.height, lines.count + 4))
    frame.fill(box, style: .selected)
    frame.put(" 帮助: \(paneTitle)", x: box.x, y: box.y, maxWidth: box.width, style: .selected)
    let inner = Rect(x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 3)
    for (i, (text, heading)) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
      frame.put(
        text, x: inner.x, y: inner.y + i, maxWidth: inner.width,
        style: heading ? Style(bold: true, reverse: true) : .selected)
    }
    frame.put(
      " Up/Down 滚动  其他键关闭 ", x: box.x, y: box.maxY - 1, maxWidth: box.width, style: .selected)
  }

  public static func == (a: HelpOverlay, b: HelpOverlay) -> Bool {
    a.paneTitle == b.paneTitle && a.sections == b.sections && a.scroll == b.scroll
  }
}
