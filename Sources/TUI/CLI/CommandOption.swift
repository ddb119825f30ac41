import Domain
import Foundation

/// One option of a command: `--out FILE` (a value) or `--force` (a flag), its value's type and
/// its help line.
///
/// A command declares its options as values of this type, in the order of its usage line
/// (`Synopsis`): the usage line, `--help`, the man page, the parser and the check that refuses an
/// option the command does not take, or a value of the wrong type, all read that declaration.
public struct CommandOption: Equatable, Sendable {
  public let name: String
  /// What its value must be; nil for a flag.
  public let type: OptionValue?
  public let help: String

  public init(name: String, type: OptionValue?, help: String) {
    self.name = name
    self.type = type
    self.help = help
  }

  /// The placeholder of its value (`FILE`), nil for a flag.
  public var value: String? { type?.placeholder }

  /// A flag: `--force`.
  public static func flag(_ name: String, _ help: String) -> CommandOption {
    CommandOption(name: name, type: nil, help: help)
  }

  /// Any text, shown as `placeholder`: `--out FILE`.
  public static func text(_ name: String, _ placeholder: String, _ help: String) -> CommandOption {
    CommandOption(name: name, type: .text(placeholder), help: help)
  }

  /// A whole number in `range`: `--limit N`.
  public static func integer(_ name: String, _ range: ClosedRange<Int>, _ help: String)
    -> CommandOption
  {
    CommandOption(name: name, type: .integer(range), help: help)
  }

  /// A date, YYYY-MM-DD.
  public static func date(_ name: String, _ help: String) -> CommandOption {
    CommandOption(name: name, type: .date, help: help)
  }

  /// One of `choices` (each word with what it means, for the refusal): `--by org|item`.
  public static func choice(_ name: String, _ choices: [OptionValue.Choice], _ help: String)
    -> CommandOption
  {
    CommandOption(name: name, type: .choice(choices), help: help)
  }

  /// Options every command takes: where the database is, what time it is, who acts.
  public static let global: [CommandOption] = [
    .text("--db", "PATH", "数据库文件(或 ZWFW_DB);不指定时使用演示库"),
    .text("--now", "YYYY-MM-DDTHH:MM", "固定当前时间(或 ZWFW_NOW),部署时区时间,用于测试与演练"),
    .text("--as", "LOGIN", "扮演另一名工作人员(仅演示库或培训库)"),
    .flag("--help", "显示用法"),
    .flag("--version", "显示版本"),
  ]

  /// Options of the workstation itself (`zwfw` with no command).
  public static let workstation: [CommandOption] = [.flag("--monochrome", "不用颜色(或设置 NO_COLOR)")]

  // Options several commands share, declared once.
  static let quiet = flag("--quiet", "不显示进度(标准错误不是终端时,如定时任务,只显示每一阶段的最后一行)")
  static let from = date("--from", "起始日期 YYYY-MM-DD(含)")
  static let to = date("--to", "截止日期 YYYY-MM-DD(含)")
  static let group = text("--group", "GROUP", "共享数据目录的用户组(目录设为 2770,数据库 660)")
  static func out(_ placeholder: String = "FILE") -> CommandOption {
    text("--out", placeholder, "输出文件(不覆盖已有文件)")
  }
  static func org(_ placeholder: String, _ help: String = "单位代码(zwfw org list 可查)")
    -> CommandOption
  {
    text("--org", placeholder, help)
  }
  static func limit(_ range: ClosedRange<Int>) -> CommandOption {
    integer("--limit", range, "最多列出的条数")
  }

  /// `--help` for a program or command: its usage line, what it does, then each option.
  public static func helpText(
    usage: String, summary: String, options: [CommandOption], common: [CommandOption] = []
  ) -> String {
    var lines = ["用法: \(usage)", "", summary]
    if !options.isEmpty { lines += ["", "选项:"] + options.map(line) }
    if !common.isEmpty { lines += ["", "通用选项:"] + common.map(line) }
    return lines.joined(separator: "\n")
  }

  /// One row of an option list: `  --out FILE    输出文件…`.
  static func line(_ o: CommandOption) -> String {
    "  " + DisplayWidth.pad(o.name + (o.value.map { " " + $0 } ?? ""), to: 28) + " " + o.help
  }
}

/// What an option's value must be: checked once the command is known, before it runs, so a
/// command reads a typed value and every command refuses a wrong one in the same words.
public enum OptionValue: Equatable, Sendable {
  /// A word the option accepts, and what it means (`org`, `按单位`).
  public struct Choice: Equatable, Sendable {
    public let word: String
    public let title: String
    public init(_ word: String, _ title: String) {
      self.word = word
      self.title = title
    }
  }

  case text(String)
  case integer(ClosedRange<Int>)
  case date
  case choice([Choice])

  /// How the usage line shows the value.
  public var placeholder: String {
    switch self {
    case .text(let p): return p
    case .integer: return "N"
    case .date: return "DATE"
    case .choice(let choices): return choices.map(\.word).joined(separator: "|")
    }
  }

  /// Why `value` is not one for option `name`; nil when it is.
  func problem(_ value: String, for name: String) -> String? {
    switch self {
    case .text: return nil
    case .integer(let range):
      if let n = Int(value), range.contains(n) { return nil }
      return range.upperBound == Int.max
        ? "\(name) 需要正整数" : "\(name) 应为\(range.lowerBound)至\(range.upperBound)的整数"
    case .date:
      do {
        _ = try Self.date(value)
        return nil
      } catch {
        return error.message
      }
    case .choice(let choices):
      guard !choices.contains(where: { $0.word == value }) else { return nil }
      let named = choices.map { "\($0.word)(\($0.title))" }
      let list = named.dropLast().joined(separator: "、") + "或 " + (named.last ?? "")
      return "\(name) 应为 \(list),不是「\(FieldText.sanitizeForDisplay(value))」"
    }
  }

  /// A date of the command line: YYYY-MM-DD, a real day, within the years the calendar covers.
  static func date(_ text: String) throws(UsageError) -> CivilDate {
    guard let d = CivilDate(iso: text) else {
      throw UsageError("日期「\(FieldText.sanitizeForDisplay(text))」无效,应为 YYYY-MM-DD 且是真实存在的日期")
    }
    guard (2000...2199).contains(d.year) else { throw UsageError("日期 \(d.iso) 超出支持范围(2000–2199年)") }
    return d
  }
}
