import Domain

/// 帮助 — every binding of the front pane (in a form: the form's keys) and the global keys, from
/// the same tables that drive key handling. Keys the operator's roles do not allow are greyed,
/// with the role that allows them. Long lists scroll; long key names and titles wrap, never cut.
public struct HelpOverlay: Equatable {
  public let paneTitle: String
  public let sections: [KeymapSection]
  /// Whose roles decide which keys are greyed (nil: none is).
  var staff: Staff? = nil
  var scroll = 0

  enum Line: Equatable {
    case heading(String)
    case key(String)
    case greyed(String)
    case blank
  }

  /// The widest box the overlay takes, and the key column's widest.
  static let maxWidth = 76
  static let maxKeyColumn = 18

  /// The lines at a text width: a key name too long for its column gets a line of its own.
  func lines(width: Int) -> [Line] {
    let labels = sections.flatMap { $0.bindings.map(\.keyLabel) }
    let column = min(
      Self.maxKeyColumn, (labels.map { DisplayWidth.of($0) }.max() ?? 8) + 2, width / 2)
    var out: [Line] = []
    for s in sections {
      out.append(.heading(s.title))
      for b in s.bindings {
        let allowed = staff.map { b.allowed(for: $0) } ?? true
        var title = b.title
        if !allowed, let action = b.needs {
          title += "(需\(action.roles.sorted().map(\.title).joined(separator: "或"))角色)"
        }
        let make: (String) -> Line = { allowed ? .key($0) : .greyed($0) }
        let indent = String(repeating: " ", count: column)
        var titleLines = DisplayWidth.wrap(title, columns: max(8, width - column))
        if DisplayWidth.of(b.keyLabel) > column - 1 {
          out += DisplayWidth.wrap(b.keyLabel, columns: width).map(make)
        } else {
          let first = titleLines.isEmpty ? "" : titleLines.removeFirst()
          out.append(make(DisplayWidth.pad(b.keyLabel, to: column) + first))
        }
        out += titleLines.map { make(indent + $0) }
      }
      out.append(.blank)
    }
    return out
  }

  /// Returns false when the overlay should close.
  mutating func handle(_ key: Key) -> Bool {
    let count = lines(width: Self.maxWidth - 4).count
    switch key {
    case .down, .char("j"): scroll = min(scroll + 1, max(0, count - 1))
    case .up, .char("k"): scroll = max(0, scroll - 1)
    case .pageDown, .char(" "): scroll = min(scroll + 10, max(0, count - 1))
    case .pageUp: scroll = max(0, scroll - 10)
    case .home: scroll = 0
    default: return false
    }
    return true
  }

  func render(into frame: inout Frame, area: Rect) {
    let width = min(Self.maxWidth, area.width - 2)
    let all = lines(width: width - 4)
    let box = area.centered(width: width, height: min(area.height, all.count + 4))
    frame.fill(box, style: .selected)
    frame.put(" 帮助: \(paneTitle)", x: box.x, y: box.y, maxWidth: box.width, style: .selected)
    let inner = Rect(x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 3)
    let top = max(0, min(scroll, all.count - inner.height))
    for (i, line) in all.dropFirst(top).prefix(inner.height).enumerated() {
      let (text, style): (String, Style)
      switch line {
      case .heading(let t): (text, style) = (t, Style(bold: true, reverse: true))
      case .key(let t): (text, style) = (t, .selected)
      case .greyed(let t): (text, style) = (t, Style(fg: .blue, bg: .white, mono: .plain))
      case .blank: (text, style) = ("", .selected)
      }
      frame.put(text, x: inner.x, y: inner.y + i, maxWidth: inner.width, style: style)
    }
    let more =
      all.count > inner.height
      ? "第\(top + 1)-\(min(all.count, top + inner.height))行/共\(all.count)行  " : ""
    frame.put(
      " \(more)Up/Down/PgUp/PgDn 滚动  其他键关闭 ", x: box.x, y: box.maxY - 1, maxWidth: box.width,
      style: .selected)
  }

  public static func == (a: HelpOverlay, b: HelpOverlay) -> Bool {
    a.paneTitle == b.paneTitle && a.sections == b.sections && a.scroll == b.scroll
  }
}
