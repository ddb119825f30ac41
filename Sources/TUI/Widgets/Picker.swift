/// 选择列表 — a filtered list over the screen: type to narrow it (results as you type), Up/Down to
/// choose, Enter to take, Esc to close. Used to pick a catalog item, an organisation, a reason.
public struct Picker: Equatable, Sendable {
  public struct Option: Equatable, Sendable {
    public var id: String
    public var label: String
    /// Extra text the filter also matches (a code, a pinyin abbreviation …).
    public var keywords: String = ""

  }

  public var title: String
  public private(set) var all: [Option]
  public private(set) var filter: TextField
  public private(set) var cursor = ListCursor()
  /// The filter text the database searched `all` for: it matches more than a label says (pinyin
  /// initials, aliases), so while the filter still reads that, every option is a match.
  public private(set) var searched: String?

  public init(title: String, options: [Option]) {
    self.title = title
    self.all = options
    self.filter = TextField(label: "筛选", maxLength: 30, placeholder: "输入名称或代码筛选")
  }

  /// Options matching the filter text (substring of label or keywords).
  public var matches: [Option] {
    let f = filter.trimmed
    guard !f.isEmpty, f != searched else { return all }
    return all.filter { $0.label.contains(f) || $0.keywords.localizedCaseInsensitiveContains(f) }
  }

  /// Replaces the options (a pane that searches the database as the filter changes, saying for
  /// which text).
  public mutating func setOptions(_ options: [Option], searchedFor text: String? = nil) {
    all = options
    searched = text
    cursor.clamp(count: matches.count, page: 10)
  }

  public var selected: Option? {
    let m = matches
    return m.indices.contains(cursor.selected) ? m[cursor.selected] : nil
  }

  public enum Outcome: Equatable, Sendable {
    case none
    case filterChanged(String)
    case picked(Option)
    case cancelled
  }

  public mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .escape: return .cancelled
    case .enter:
      if let s = selected { return .picked(s) }
      return .none
    case .up, .down, .pageUp, .pageDown:
      _ = cursor.handle(key, count: matches.count, page: 10)
      return .none
    default:
      if filter.handle(key) {
        cursor = ListCursor()
        return .filterChanged(filter.trimmed)
      }
      return .none
    }
  }

  public func render(into frame: inout Frame, area: Rect) {
    let box = area.centered(width: min(area.width, 70), height: min(area.height, 22))
    frame.fill(box, style: .selected)
    frame.put(
      " " + title, x: box.x, y: box.y, maxWidth: box.width, style: Style(bold: true, reverse: true))
    frame.put(" 筛选: ", x: box.x, y: box.y + 1, style: .selected)
    filter.render(into: &frame, x: box.x + 7, y: box.y + 1, width: box.width - 9, focused: true)
    let list = Rect(x: box.x + 1, y: box.y + 3, width: box.width - 2, height: box.height - 4)
    let m = matches
    var c = cursor
    c.clamp(count: m.count, page: list.height)
    if m.isEmpty {
      frame.put("没有匹配的项目", x: list.x, y: list.y, maxWidth: list.width, style: .selected)
    }
    for (i, o) in m.enumerated().dropFirst(c.top).prefix(list.height) {
      let y = list.y + i - c.top
      let style: Style = i == c.selected ? .focusedSelected : .selected
      frame.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: style)
      frame.put(o.label, x: list.x, y: y, maxWidth: list.width, style: style)
    }
    frame.put(
      " 共\(m.count)项  Enter 选定  Esc 取消", x: box.x, y: box.maxY - 1, maxWidth: box.width,
      style: .selected)
  }
}
