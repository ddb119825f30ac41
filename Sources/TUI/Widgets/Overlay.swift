/// What can cover a pane: a form, a picker, a confirmation. The `purpose` tells the pane what to
/// do with the answer; while an overlay is up its keymap is the one shown and obeyed.
public enum Overlay: Equatable, Sendable {
  case form(Form, purpose: String)
  case picker(Picker, purpose: String)
  case confirm(ConfirmDialog)

  public var keymap: KeymapSection {
    switch self {
    case .form: return Form.keymap
    case .picker: return Picker.keymap
    case .confirm: return ConfirmDialog.keymap
    }
  }

  /// True when Esc would close what the clerk typed: the workstation asks first.
  public var escapeLosesInput: Bool {
    if case .form(let f, _) = self { return f.isChanged }
    return false
  }

  /// Forms and pickers take typing; a confirmation only its keys.
  public var capturesText: Bool {
    if case .confirm = self { return false }
    return true
  }

  public func render(into frame: inout Frame, area: Rect) {
    switch self {
    case .form(let f, _):
      frame.fill(area)
      f.render(into: &frame, area: area)
    case .picker(let p, _): p.render(into: &frame, area: area)
    case .confirm(let c): c.render(into: &frame, area: area)
    }
  }
}

extension Picker {
  public static let keymap = KeymapSection(
    "选择",
    [
      KeyBinding([.up, .down], "move", "上下选择"),
      KeyBinding([.enter], "pick", "选定", bar: true),
      KeyBinding([.escape], "cancel", "取消", bar: true),
    ])
}
