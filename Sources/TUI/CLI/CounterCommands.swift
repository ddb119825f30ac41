import Domain
import Foundation
import Store

/// `notices show|set`, `applications sweep|prereview-days`: the counter's notices and the
/// applications it registers (not "intake", which is only an application's first phase).
enum CounterCommands {
  static var all: [Command] {
    [
      Command(
        ["notices", "show"], summary: "显示本节点文书保存目录和打印机", run: show),
      Command(
        ["notices", "set"], .optional(.text("--dir", "PATH", "文书保存目录(空值恢复为数据库旁的 notices/)")),
        .optional(.text("--printer", "NAME", "CUPS 打印机名称(须在 lpstat -p 中;空值不打印)")),
        summary: "设置本节点文书保存目录和打印机(系统管理员;打印机须为 CUPS 已有的,空值恢复默认/不打印)", run: set),
      Command(
        ["applications", "sweep"], summary: "记录逾期未预审、依法视为受理的网上申请(可由 cron 定时运行)", run: sweep),
      Command(
        ["applications", "prereview-days"], "N",
        summary: "设置网上预审时限(工作日,默认5;区级系统管理员)", run: preReviewDays),
    ]
  }

  static func show(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    let s = try store.noticeSettings()
    out.line("文书目录\t\(s.directory)\(s.directoryIsDefault ? "(默认,数据库所在目录下)" : "")")
    out.line("打印机\t\(s.printer ?? "未设置(只保存,不打印)")")
    if let printer = s.printer {
      switch CUPSClient().state(of: printer) {
      case .failure(let p): out.line("打印机状态\t\(p.detail)")
      case .success(let st) where !st.enabled: out.line("打印机状态\t已暂停(CUPS: \(st.reason))")
      case .success(let st) where !st.accepting: out.line("打印机状态\t拒绝新任务(CUPS: \(st.reason))")
      case .success: out.line("打印机状态\t可以打印")
      }
    }
    out.line("网上预审时限\t\(try store.preReviewDays())个工作日")
  }

  static func set(_ env: CLIEnvironment, _ out: Output) throws {
    let dir = env.arguments.option("--dir")
    let printer = env.arguments.option("--printer")
    guard dir != nil || printer != nil else { throw UsageError("请指定 --dir PATH 或 --printer NAME") }
    // A name CUPS does not know would fail at every notice: refused now, with why.
    if let name = printer?.trimmingSpaces(), !name.isEmpty {
      if let r = NoticeSettings.checkPrinterName(name) { throw r }
      if case .failure(let p) = CUPSClient().state(of: name) {
        throw Refusal("未设置打印机 \(name): \(p.detail)")
      }
    }
    let store = try env.openStore()
    try store.configureNotices(
      directory: dir, printer: printer, by: try env.resolveOperator(store))
    try show(env, out)
  }

  static func sweep(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    let ids = try store.recordDeemedAcceptances()
    out.line(ids.isEmpty ? "没有逾期未预审的网上申请" : "依法视为受理: \(ids.joined(separator: " "))")
  }

  static func preReviewDays(_ env: CLIEnvironment, _ out: Output) throws {
    let text = try env.arguments.positional(0, "工作日数 N")
    guard let n = Int(text) else {
      throw UsageError("工作日数「\(FieldText.sanitizeForDisplay(text))」应为整数")
    }
    let store = try env.openStore()
    try store.setPreReviewDays(n, by: try env.resolveOperator(store))
    out.line("网上预审时限已设为\(n)个工作日(此后登记的网上申请适用)")
  }
}
