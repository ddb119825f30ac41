import Domain

/// 选择框 — one of a fixed list of options (channel, urgency, organisation …).
///
/// Left/Right or Space step through the options; typing filters by name so 「王岘」 jumps to 王岘镇
/// without scrolling through eighteen organisations.
public struct ChoiceField: Equatable, Sendable {
  public var options: [String]
  public private(set) var index: Int
  /// What the clerk has typed to find an option; cleared after a pause in typing or a step.
  public private(set) var search = ""

  public init(options: [String], selected: Int = 0) {
    self.options = options
    self.index = options.isEmpty ? 0 : max(0, min(selected, options.count - 1))
  }

  public init(options: [String], value: String) {
    self.init(options: options, selected: options.firstIndex(of: value) ?? 0)
  }

  public var value: String { options.isEmpty ? "" : options[index] }

  public mutating func select(_ value: String) {
    if let i = options.firstIndex(of: value) { index = i }
  }

  public mutating func handle(_ key: Key) -> Bool {
    guard !options.isEmpty else { return false }
    switch key {
    case .left:
      index = (index + options.count - 1) % options.count
      search = ""
    case .right, .char(" "):
      index = (index + 1) % options.count
      search = ""
    case .backspace:
      search = String(search.dropLast())
    case .char(let c):
      let attempt = search + String(c)
      if let i = options.firstIndex(where: { $0.contains(attempt) }) {
        search = attempt
        index = i
      } else if let i = options.firstIndex(where: { $0.contains(String(c)) }) {
        search = String(c)
        index = i
      }
    default:
      return false
    }
    return true
  }

  public func render(into frame: inout Frame, x: Int, y: Int, width: Int, focused: Bool) {
    let style: Style = focused ? .focusedField : .field
    frame.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
    let hint = focused && options.count > 1 ? " <Left/Right>" : ""
    let hintWidth = DisplayWidth.of(hint)
    frame.put(value, x: x, y: y, maxWidth: max(1, width - hintWidth), style: style)
    if !hint.isEmpty, width > hintWidth + 4 {
      frame.put(hint, x: x + width - hintWidth, y: y, style: style)
    }
  }
}
