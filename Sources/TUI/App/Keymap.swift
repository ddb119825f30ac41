import Domain

/// 键位 — one entry of the keymap: which keys, what they do, whether the key bar shows it.
///
/// Key handling, the function-key bar, the help overlay and the README's key list are all read
/// from these tables, so they cannot disagree.
public struct KeyBinding: Sendable, Equatable {
  public let keys: [Key]
  /// The identifier a pane switches on.
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

  public init(
    _ keys: [Key], _ command: String, _ title: String, bar: Bool = false, label: String? = nil,
    needs: Action? = nil
  ) {
    self.keys = keys
    self.command = command
    self.title = title
    self.inBar = bar
    self.label = label
    self.needs = needs
  }

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
}

/// Keys that work everywhere (outside text fields, where only the function keys do).
public enum GlobalKeys {
  public static let help = KeyBinding([.function(1), .char("?")], "help", "帮助", bar: true)
  public static let quit = KeyBinding([.function(10), .char("q")], "quit", "退出", bar: true)
  public static let nextPane = KeyBinding([.tab], "nextPane", "下一窗格")
  public static let previousPane = KeyBinding([.backTab], "previousPane", "上一窗格")
  public static let jump = KeyBinding(
    (1...9).map { Key.char(Character(String($0))) }, "jump", "跳到第N个窗格", label: "1-9")

  /// Midnight Commander's convention, for terminals whose function keys do not arrive: the
  /// decoder turns Esc then a digit into F1…F10. Listed so the help and README say so; it never
  /// matches a key itself.
  public static let escapeDigit = KeyBinding(
    [], "escapeDigit", "等于F1…F10(先按Esc再按数字,用于没有功能键的终端)", label: "Esc 1…Esc 0")

  public static let section = KeymapSection(
    "全局", [help, nextPane, previousPane, jump, quit, escapeDigit])

  /// In a text field only the function keys are global (letters and digits are typing).
  public static let inTextField = KeymapSection(
    "全局",
    [
      KeyBinding([.function(1)], "help", "帮助"), KeyBinding([.function(10)], "quit", "退出"),
      escapeDigit,
    ])
}
