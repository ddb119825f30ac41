import Domain

/// A pane's commands, one enum per pane (or mode): a key's meaning is a case the compiler checks,
/// never a string a `switch` matches. The raw value names the command in tests and listings.
public protocol PaneCommand: RawRepresentable, Hashable, Sendable where RawValue == String {}

/// 键位 — one entry of the keymap: which keys, what they do, whether the key bar shows it.
///
/// Key handling, the function-key bar, the help overlay and the README's key list are all read
/// from these tables, so they cannot disagree.
public struct KeyBinding: Sendable, Equatable {
  public let keys: [Key]
  /// The command's name (`PaneCommand.rawValue`); panes read it typed with `command(as:)`.
  public let command: String
  /// What it does, in the clerk's words: `新建`.
  public let title: String
  /// Shown in the function-key bar.
  public let inBar: Bool
  /// How the keys are written when listing each would be noise (`1-9`).
  let label: String?
  /// The action the key takes, when only some roles may: the key bar hides it from anyone else
  /// and the help greys it, both decided by `Permission` (the pane checks again on the key).
  public let needs: Action?
}

extension KeyBinding {
  /// A binding by its command's name (the fields are the synthesised init's).
  public init(
    _ keys: [Key], _ command: String, _ title: String, bar: Bool = false, label: String? = nil,
    needs: Action? = nil
  ) {
    self.init(keys: keys, command: command, title: title, inBar: bar, label: label, needs: needs)
  }

  public init<C: PaneCommand>(
    _ keys: [Key], _ command: C, _ title: String, bar: Bool = false, label: String? = nil,
    needs: Action? = nil
  ) {
    self.init(keys, command.rawValue, title, bar: bar, label: label, needs: needs)
  }

  /// A case step's key: the action it needs is the step's own (`CaseStep.action`), never
  /// written again beside the key.
  public init<S: CaseStep & PaneCommand>(_ keys: [Key], step: S, _ title: String, bar: Bool = false)
  {
    self.init(keys, step, title, bar: bar, needs: step.action)
  }

  /// The command, typed as the pane's own enum (nil when the binding belongs to another).
  public func command<C: PaneCommand>(as type: C.Type) -> C? { C(rawValue: command) }

  /// Whether the operator's roles allow the key's action.
  public func allowed(for staff: Staff) -> Bool {
    needs.map { Permission.check(staff, $0) == nil } ?? true
  }

  /// The same binding, in the key bar or not (a pane shows the steps open now).
  public func inBar(_ shown: Bool) -> KeyBinding {
    KeyBinding(keys, command, title, bar: shown, label: label, needs: needs)
  }

  public var keyLabel: String { label ?? keys.map(\.label).joined(separator: "/") }

  public func matches(_ key: Key) -> Bool { keys.contains(key) }
}

/// A titled group of bindings (a pane, or one mode of a pane).
public struct KeymapSection: Sendable, Equatable {
  public let title: String
  public let bindings: [KeyBinding]

  public init(_ title: String, _ bindings: [KeyBinding]) {
    self.title = title
    self.bindings = bindings
  }

  public func command(for key: Key) -> String? {
    bindings.first { $0.matches(key) }?.command
  }

  /// The typed command bound to `key` here, if any.
  public func command<C: PaneCommand>(for key: Key, as type: C.Type = C.self) -> C? {
    bindings.first { $0.matches(key) }.flatMap { C(rawValue: $0.command) }
  }

  /// The section with each binding's place in the key bar decided by `shown` (a pane shows the
  /// steps open to the operator now; help still lists them all).
  public func showingInBar(_ shown: (KeyBinding) -> Bool) -> KeymapSection {
    KeymapSection(title, bindings.map { $0.inBar($0.inBar && shown($0)) })
  }
}

/// What the keys that work everywhere do.
public enum GlobalCommand: String, PaneCommand {
  case help, quit, nextPane, previousPane, jump, escapeDigit, find, printSheet, phrases
}

/// Keys that work everywhere (outside text fields, where only the function keys do).
public enum GlobalKeys {
  public static let help = KeyBinding(
    [.function(1), .char("?")], GlobalCommand.help, "帮助", bar: true)
  public static let quit = KeyBinding(
    [.function(10), .char("q")], GlobalCommand.quit, "退出", bar: true)
  /// In any case view (a pane's own `p` comes first).
  public static let printSheet = KeyBinding(
    [.char("p")], GlobalCommand.printSheet, "在案件视图中:打印办件单/投诉建议处理单/差评整改处理单(保存,设了打印机则打印)")
  public static let nextPane = KeyBinding([.tab], GlobalCommand.nextPane, "下一窗格")
  /// 查找 from any pane, in a text field too (a function key is never typing).
  public static let find = KeyBinding(
    [.function(7)], GlobalCommand.find, "查找案件(编号或尾号、姓名、证件号码、电话、工单号)")
  /// 常用语 in a multi-line field of a form (the workstation asks the pane for the field); where
  /// the pane has no such field F6 is the pane's own (the catalog draft editor's 国家标准要素).
  public static let phrases = KeyBinding(
    [.function(6)], GlobalCommand.phrases, "常用语(在表单的多行输入框中:列出本类常用语,Enter 插入到光标处)")
  /// The same key as the key bar names it, shown while a field offering 常用语 has focus.
  static let phrasesInBar = KeyBinding([.function(6)], GlobalCommand.phrases, "常用语", bar: true)
  public static let previousPane = KeyBinding([.backTab], GlobalCommand.previousPane, "上一窗格")
  public static let jump = KeyBinding(
    (1...9).map { Key.char(Character(String($0))) }, GlobalCommand.jump, "跳到第N个窗格",
    label: "1-9")

  /// Midnight Commander's convention, for terminals whose function keys do not arrive: the
  /// decoder turns Esc then a digit into F1…F10. Listed so the help and README say so; it never
  /// matches a key itself.
  public static let escapeDigit = KeyBinding(
    [], GlobalCommand.escapeDigit, "等于F1…F10(先按Esc再按数字,用于没有功能键的终端)", label: "Esc 1…Esc 0")

  public static let section = KeymapSection(
    "全局", [help, find, printSheet, nextPane, previousPane, jump, quit, escapeDigit, phrases])

  /// In a text field only the function keys are global (letters and digits are typing).
  public static let inTextField = KeymapSection(
    "全局",
    [
      KeyBinding([.function(1)], GlobalCommand.help, "帮助"), find,
      KeyBinding([.function(10)], GlobalCommand.quit, "退出"), escapeDigit, phrases,
    ])

  /// The table in force: in a text field only the function keys.
  public static func table(capturingText: Bool) -> KeymapSection {
    capturingText ? inTextField : section
  }

  /// Keys the workstation takes before the pane sees them: help, and quit by its function key
  /// (a pane's own `q`, and letters in a field, come first).
  static func preempts(_ command: GlobalCommand, _ key: Key) -> Bool {
    switch command {
    case .help, .find: return true
    case .quit:
      if case .function = key { return true }
      return false
    default: return false
    }
  }
}
