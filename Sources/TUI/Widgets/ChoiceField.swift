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
  /// Whether an option is chosen. A choice the clerk must make deliberately (an applicant's
  /// rating) starts with none, and its ends do not wrap round: one Left on 非常满意 gave
  /// 非常不满意.
  public private(set) var chosen = true
  private var wraps = true

  public init(options: [String], selected: Int = 0) {
    self.options = options
    self.index = options.isEmpty ? 0 : max(0, min(selected, options.count - 1))
  }

  /// A choice with no option chosen until the clerk picks one (Right, Space or typing), whose
  /// Left/Right stop at the ends.
  public static func deliberate(options: [String]) -> ChoiceField {
    var c = ChoiceField(options: options)
    c.chosen = false
    c.wraps = false
    return c
  }

  public init(options: [String], value: String) {
    self.init(options: options, selected: options.firstIndex(of: value) ?? 0)
  }

  public var value: String { options.isEmpty || !chosen ? "" : options[index] }

  public mutating func select(_ value: String) {
    if let i = options.firstIndex(of: value) {
      index = i
      chosen = true
    }
  }

  public mutating func handle(_ key: Key) -> Bool {
    guard !options.isEmpty else { return false }
    switch key {
    case .left:
      // Nothing chosen yet: Left does not pick the far end.
      if chosen { index = wraps ? (index + options.count - 1) % options.count : max(0, index - 1) }
      search = ""
    case .right, .char(" "):
      if !chosen {
        index = 0
      } else {
        index = wraps ? (index + 1) % options.count : min(options.count - 1, index + 1)
      }
      chosen = true
      search = ""
    case .backspace:
      search = String(search.dropLast())
    case .char(let c):
      let attempt = search + String(c)
      if let i = options.firstIndex(where: { $0.contains(attempt) }) {
        search = attempt
        index = i
        chosen = true
      } else if let i = options.firstIndex(where: { $0.contains(String(c)) }) {
        search = String(c)
        index = i
        chosen = true
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
    if chosen {
      frame.put(value, x: x, y: y, maxWidth: max(1, width - hintWidth), style: style)
    } else {
      frame.put("请选择", x: x, y: y, maxWidth: max(1, width - hintWidth), style: .dim)
    }
    if !hint.isEmpty, width > hintWidth + 4 {
      frame.put(hint, x: x + width - hintWidth, y: y, style: style)
    }
  }
}
