import Domain

/// One line of a detail view: a label and a value, a heading, or free text.
public enum DetailLine: Equatable, Sendable {
  case heading(String)
  case field(String, String)
  /// A value with its own style (a countdown badge, a warning).
  case styled(String, String, Style)
  case text(String)
  case blank
}

/// 详情 — labelled values and sections that wrap to the width (long Chinese text included) and
/// scroll; the pane builds the lines, this lays them out.
public struct DetailView: Equatable, Sendable {
  public var lines: [DetailLine]
  public private(set) var scroll = 0

  public init(lines: [DetailLine] = []) { self.lines = lines }

  public static let keymap = KeymapSection(
    "详情",
    [
      KeyBinding([.up, .down, .char("j"), .char("k")], "scroll", "滚动"),
      KeyBinding([.pageUp, .pageDown], "page", "翻页"),
    ])

  /// Laid-out rows for a width: (text, style, indent).
  func rows(width: Int) -> [(String, Style, Int)] {
    let labelWidth = 12
    var out: [(String, Style, Int)] = []
    for line in lines {
      switch line {
      case .heading(let h): out.append((h, .header, 0))
      case .blank: out.append(("", .normal, 0))
      case .text(let t):
        for l in DisplayWidth.wrap(t, columns: max(10, width - 2)) { out.append((l, .normal, 2)) }
      case .field(let label, let value), .styled(let label, let value, _):
        let style: Style = {
          if case .styled(_, _, let s) = line { return s }
          return .normal
        }()
        // A label wider than the column (a timeline's date and time) widens its own line rather
        // than being cut.
        let lw = max(labelWidth, DisplayWidth.of(label))
        let wrapped = DisplayWidth.wrap(
          value.isEmpty ? "-" : value, columns: max(10, width - lw - 3))
        for (i, l) in wrapped.enumerated() {
          let prefix =
            i == 0 ? DisplayWidth.pad(label, to: lw) : String(repeating: " ", count: lw)
          out.append((prefix + " " + l, style, 2))
        }
      }
    }
    return out
  }

  public mutating func handle(_ key: Key, height: Int) -> Bool {
    switch key {
    case .down, .char("j"): scroll += 1
    case .up, .char("k"): scroll = max(0, scroll - 1)
    case .pageDown: scroll += max(1, height - 1)
    case .pageUp: scroll = max(0, scroll - max(1, height - 1))
    case .home: scroll = 0
    default: return false
    }
    return true
  }

  public func render(into frame: inout Frame, area: Rect) {
    let all = rows(width: area.width)
    // When it scrolls, the last row is the indicator's own, so it never covers text.
    let scrolls = all.count > area.height
    let visible = scrolls ? max(1, area.height - 1) : area.height
    let top = max(0, min(scroll, all.count - visible))
    for (i, (text, style, indent)) in all.dropFirst(top).prefix(visible).enumerated() {
      frame.put(
        text, x: area.x + indent, y: area.y + i, maxWidth: area.width - indent, style: style)
    }
    if scrolls {
      let more = top + visible < all.count ? "PgDn 更多" : "已到末尾"
      frame.put(more, x: area.maxX - DisplayWidth.of(more), y: area.maxY - 1, style: .dim)
    }
  }
}
