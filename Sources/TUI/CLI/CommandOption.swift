import Domain
import Foundation

/// One option of a command: `--out FILE` (a value) or `--force` (a flag), with its help line.
///
/// A command's usage line is its declaration: the options are read from it, so the usage,
/// `--help`, the man page and the check that refuses an option the command does not take all come
/// from the one line. Help for each option comes from the command's own `help:` or, for the
/// options many commands share, from `common` below.
public struct CommandOption: Equatable, Sendable {
  public let name: String
  /// The placeholder of its value (`FILE`), nil for a flag.
  public let value: String?
  public let help: String

  /// Options every command takes: where the database is, what time it is, who acts.
  public static let global: [CommandOption] = [
    CommandOption(name: "--db", value: "PATH", help: "数据库文件(或 ZWFW_DB);不指定时使用演示库"),
    CommandOption(
      name: "--now", value: "YYYY-MM-DDTHH:MM", help: "固定当前时间(或 ZWFW_NOW),部署时区时间,用于测试与演练"),
    CommandOption(name: "--as", value: "LOGIN", help: "扮演另一名工作人员(仅演示库或培训库)"),
    CommandOption(name: "--help", value: nil, help: "显示用法"),
    CommandOption(name: "--version", value: nil, help: "显示版本"),
  ]

  /// Options of the workstation itself (`zwfw` with no command).
  public static let workstation: [CommandOption] = [
    CommandOption(name: "--monochrome", value: nil, help: "不用颜色(或设置 NO_COLOR)")
  ]

  /// Help for options several commands share; a command's own `help:` takes precedence.
  static let common: [String: String] = [
    "--out": "输出文件(不覆盖已有文件)",
    "--name": "名称",
    "--org": "单位代码(zwfw org list 可查)",
    "--group": "共享数据目录的用户组(目录设为 2770,数据库 660)",
    "--from": "起始日期 YYYY-MM-DD(含)",
    "--to": "截止日期 YYYY-MM-DD(含)",
    "--note": "说明",
    "--limit": "最多列出的条数",
    "--db": "数据库文件",
    "--quiet": "不显示进度(标准错误不是终端时,如定时任务,只显示每一阶段的最后一行)",
  ]

  /// The options a usage line declares, in order, each once: `--x VALUE` takes a value when the
  /// next word is a placeholder (not another option, not `|`).
  public static func parse(usage: String, help: [String: String]) -> [CommandOption] {
    let words = usage.split(whereSeparator: { $0 == " " }).map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    }
    var out: [CommandOption] = []
    for (i, word) in words.enumerated() where word.hasPrefix("--") {
      guard !out.contains(where: { $0.name == word }) else { continue }
      let next = i + 1 < words.count ? words[i + 1] : ""
      let takesValue =
        !next.isEmpty && !next.hasPrefix("-") && next != "|" && next != "zwfw"
        && !usage.contains("[\(word)]")
      out.append(
        CommandOption(
          name: word, value: takesValue ? next : nil, help: help[word] ?? common[word] ?? ""))
    }
    return out
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
