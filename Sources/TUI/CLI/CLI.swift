import Domain
import Foundation
import Store

#if canImport(Glibc)
  import Glibc
#endif

/// Where a command writes: standard output for results, standard error for messages.
public final class Output {
  public private(set) var out = ""
  public private(set) var err = ""
  let passthrough: Bool
  /// Called before any text is written: a progress line drawn in place is cleared first
  /// (`ProgressRenderer.clearLine`).
  var beforeText: (() -> Void)?

  /// `passthrough` writes straight to the process streams; otherwise text is collected (tests).
  public init(passthrough: Bool) { self.passthrough = passthrough }

  /// Everything printed goes through the one sanitiser: results quote stored text and messages
  /// quote arguments, and neither may send an escape sequence to the terminal.
  public func line(_ raw: String) { emit(raw, to: .standardOutput, collecting: &out) }

  /// Where progress goes (`ProgressRenderer`): standard error, redrawn in place on a terminal.
  var progressSink: ProgressRenderer.Sink {
    guard passthrough else { return .init(terminal: false) { [self] in err += $0 } }
    return .init(terminal: isatty(2) == 1) { FileHandle.standardError.write(Data($0.utf8)) }
  }

  public func warn(_ raw: String) { emit(raw, to: .standardError, collecting: &err) }

  private func emit(_ raw: String, to stream: FileHandle, collecting collected: inout String) {
    let text = SafeText.lines(raw) + "\n"
    beforeText?()
    if passthrough {
      stream.write(Data(text.utf8))
    } else {
      collected += text
    }
  }
}

/// One `zwfw` subcommand, declared once: its words and what it takes (`Synopsis`), from which
/// its usage line, `--help`, the man page and the checks of its command line are generated.
public struct Command {
  /// The words that select it: `["staff", "add"]`.
  public let words: [String]
  public let synopsis: Synopsis
  public let summary: String
  public let run: (CLIEnvironment, Output) throws -> Void

  /// - Parameter parts: what it takes after its words, in the order of its usage line.
  public init(
    _ words: [String], _ parts: Synopsis.Part..., summary: String,
    run: @escaping (CLIEnvironment, Output) throws -> Void
  ) {
    self.words = words
    self.synopsis = Synopsis(["zwfw"] + words, parts)
    self.summary = summary
    self.run = run
  }

  public var usage: String { synopsis.usage }
  /// What it takes besides the global options.
  public var options: [CommandOption] { synopsis.options }

  /// Refuses an option this command does not take (`zwfw backup --to X` is a typo, not a no-op).
  func checkOptions(_ args: Arguments) throws(UsageError) {
    let allowed = Set((options + CommandOption.global).map(\.name)).union(["-h"])
    for name in (Array(args.options.keys) + Array(args.flags)).sorted()
    where !allowed.contains(name) {
      let mine = options.map(\.name).joined(separator: " ")
      throw UsageError(
        "「zwfw \(words.joined(separator: " "))」没有选项 \(name)"
          + (mine.isEmpty ? "" : ",可用: \(mine)"))
    }
    try synopsis.checkValues(args)
  }
}

/// 命令行 — parses argv, runs the command, and funnels every error into one message and exit
/// status: 0 success, 1 failure, 64 bad usage.
public enum CLI {
  public static let version = "zwfw 0.1.0"

  /// Every subcommand. Each feature adds its own list.
  static var commands: [Command] {
    FoundationCommands.all + OrgCommands.all + CalendarCommands.all + CounterCommands.all
      + PrintCommands.all
      + RatingCommands.all + AssistanceCommands.all
      + CatalogCommands.all + CatalogPackageCommands.all + BackupCommands.all + RuleCommands.all
      + SyncCommands.all
      + TimelinessCommands.all + NationalExportCommand.all + PlatformImportCommand.all
      + MigrateCommand.all + AuditCommands.all + ComplaintAnalysisCommands.all
      + TemplateCommands.all
  }

  /// Every option some command declares, and the global and workstation ones: what the parser
  /// knows before the command is chosen.
  static let declaredOptions: [CommandOption] =
    commands.flatMap(\.options) + CommandOption.global + CommandOption.workstation

  public static func run(_ argv: [String], environment: [String: String], output: Output) -> Int32 {
    // Copies of bundles an import killed by SIGKILL left behind.
    ScratchFolder.removeLeftovers()
    do {
      let args = try Arguments(argv)
      if args.has("--version") {
        output.line(version)
        return 0
      }
      let command = commands.filter { cmd in
        cmd.words.count <= args.positionals.count
          && Array(args.positionals.prefix(cmd.words.count)) == cmd.words
      }.max { $0.words.count < $1.words.count }
      if args.has("--help") || args.has("-h") {
        output.line(help(for: command, partial: args.positionals))
        return 0
      }
      var rest = args
      if let command {
        try command.checkOptions(args)
        rest.positionals.removeFirst(command.words.count)
        var env = try CLIEnvironment(arguments: rest, environment: environment)
        if !args.has("--quiet") {
          let progress = ProgressRenderer(
            sink: output.progressSink, clock: { ProcessInfo.processInfo.systemUptime })
          env.progress = progress
          output.beforeText = { [weak progress] in progress?.clearLine() }
        }
        defer { output.beforeText = nil }
        do {
          try command.run(env, output)
        } catch {
          env.progress?.finish(completed: false)
          throw error
        }
        env.progress?.finish(completed: true)
        return 0
      }
      if let first = args.positionals.first {
        let group = commands.filter { $0.words.first == first }
        if !group.isEmpty {
          throw UsageError(
            "「zwfw \(args.positionals.joined(separator: " "))」缺少或写错了子命令,可用: "
              + group.map { $0.words.joined(separator: " ") }.joined(separator: ", "))
        }
        throw UsageError("未知命令「\(first)」")
      }
      let allowed = Set((CommandOption.global + CommandOption.workstation).map(\.name))
      if let stray = (Array(args.options.keys) + Array(args.flags)).sorted().first(where: {
        !allowed.contains($0)
      }) {
        throw UsageError("选项 \(stray) 要跟在命令后面,例如 zwfw 命令 \(stray) …")
      }
      let env = try CLIEnvironment(arguments: args, environment: environment)
      return try Launcher.run(env, output: output)
    } catch let e as LaunchRefusal {
      output.warn("zwfw: \(e.userMessage)")
      return 1
    } catch let e as UsageError {
      output.warn("zwfw: \(e.message)\n运行 \(helpCommand(for: argv)) 查看用法。")
      return 64
    } catch {
      // A refusal is not a usage mistake: pointing at --help would send the clerk the wrong way.
      output.warn("zwfw: \(message(for: error))")
      return 1
    }
  }

  /// `zwfw calendar add --help` when the words name a command, `zwfw calendar --help` when they
  /// name a group, else `zwfw --help`: the help that explains the mistake.
  static func helpCommand(for argv: [String]) -> String {
    let words = (try? Arguments(argv))?.positionals ?? []
    let command = commands.filter {
      $0.words.count <= words.count && Array(words.prefix($0.words.count)) == $0.words
    }.max { $0.words.count < $1.words.count }
    let group = words.first.flatMap { w in commands.contains { $0.words.first == w } ? [w] : nil }
    return (["zwfw"] + (command?.words ?? group ?? []) + ["--help"]).joined(separator: " ")
  }

  /// The user's message for any error; never SQL or bound values.
  public static func message(for error: Error) -> String {
    if let e = error as? UserFacingError { return e.userMessage }
    if let e = error as? DatabaseError { return e.userMessage }
    return "操作失败: \(error)"
  }

  /// `zwfw` with no command: the workstation, and what it may be opened on, as whom, when.
  static let workstation = Synopsis(
    ["zwfw"],
    CommandOption.global.prefix(3).map { .optional($0) }
      + CommandOption.workstation.map { .optional($0) })

  static func help(for command: Command?, partial: [String]) -> String {
    if let command {
      return CommandOption.helpText(
        usage: command.usage, summary: command.summary, options: command.options,
        common: CommandOption.global)
    }
    let open = workstation.usage
    let run = "zwfw 命令 [参数]"
    let width = max(DisplayWidth.of(open), DisplayWidth.of(run)) + 3
    var lines = [
      "zwfw — 政务服务窗口工作台",
      "",
      "用法: " + DisplayWidth.pad(open, to: width) + "打开工作台",
      "      " + DisplayWidth.pad(run, to: width) + "执行命令",
      "",
      "不指定 --db 或 ZWFW_DB 时使用演示库 ~/.local/share/zwfw/demo.db(首次使用时自动创建)。",
      "时间按部署时区(默认 Asia/Shanghai,可用 ZWFW_TZ 设置)计算。",
      "",
      "命令:",
    ]
    for c in commands {
      lines.append("  " + DisplayWidth.pad(c.usage, to: 58) + " " + c.summary)
    }
    lines += ["", "每个命令都可加 --help 查看说明。退出状态: 0 成功, 1 失败, 64 用法错误。"]
    return lines.joined(separator: "\n")
  }
}
