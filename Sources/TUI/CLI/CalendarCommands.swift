import Domain
import Foundation
import Store

/// `calendar workday|add|between|years|import`.
enum CalendarCommands {
  static var all: [Command] {
    [
      Command(
        ["calendar", "workday"], "DATE",
        summary: "判断某日: workday / weekend / holiday 名称", run: workday),
      Command(
        ["calendar", "add"], "DATE", "N",
        summary: "DATE 之后第 N 个工作日(DATE 当日不计)", run: add),
      Command(
        ["calendar", "between"], "DATE1", "DATE2",
        summary: "(DATE1, DATE2] 之间的工作日数", run: between),
      Command(
        ["calendar", "years"], summary: "已导入节假日安排的年份", run: years),
      Command(
        ["calendar", "import"], "FILE", .optional(.flag("--replace", "替换已导入的年份(先列出改动的日期)")),
        summary: "导入整年的节假日安排(格式同 share/zwfw/holidays.tsv);已有的年份须加 --replace,先列出改动", run: importFile),
    ]
  }

  static func date(_ text: String) throws -> CivilDate { try OptionValue.date(text) }

  static func warnIfUnloaded(_ store: Store, _ dates: [CivilDate], _ out: Output) {
    let years = Set(dates.map(\.year)).filter { !store.calendar.isLoaded(year: $0) }.sorted()
    if !years.isEmpty {
      out.warn("警告: \(years.map(String.init).joined(separator: "、"))年节假日安排未导入,按周一至周五计算")
    }
  }

  static func workday(_ env: CLIEnvironment, _ out: Output) throws {
    let d = try date(try env.arguments.positional(0, "日期"))
    let store = try env.openStore()
    switch store.calendar.kind(of: d) {
    case .workday, .makeupWorkday: out.line("workday")
    case .weekend: out.line("weekend")
    case .holiday(let name): out.line("holiday \(name)")
    }
    warnIfUnloaded(store, [d], out)
  }

  static func add(_ env: CLIEnvironment, _ out: Output) throws {
    let d = try date(try env.arguments.positional(0, "日期"))
    let text = try env.arguments.positional(1, "工作日数 N")
    guard let n = Int(text), n >= 0, n <= 10000 else {
      throw UsageError("工作日数「\(FieldText.sanitizeForDisplay(text))」无效,应为 0 至 10000 的整数")
    }
    let store = try env.openStore()
    let due = store.calendar.deadline(receivedAt: d, workingDays: n)
    guard due.year <= 2199 else { throw UsageError("结果超出支持范围(2199年以后)") }
    out.line(due.iso)
    warnIfUnloaded(store, [d, due], out)
  }

  static func between(_ env: CLIEnvironment, _ out: Output) throws {
    let a = try date(try env.arguments.positional(0, "起始日期"))
    let b = try date(try env.arguments.positional(1, "结束日期"))
    let store = try env.openStore()
    out.line(String(store.calendar.workingDays(after: a, through: b)))
    warnIfUnloaded(store, [a, b], out)
  }

  static func years(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    for y in store.calendar.loadedYears.sorted() { out.line(String(y)) }
    let missing = store.missingCalendarYears()
    if !missing.isEmpty {
      out.warn("提醒: \(missing.map(String.init).joined(separator: "、"))年节假日安排尚未导入")
    }
  }

  static func importFile(_ env: CLIEnvironment, _ out: Output) throws {
    let path = try env.arguments.positional(0, "文件")
    guard let data = FileManager.default.contents(atPath: path) else {
      throw StoreError.invalid("无法读取文件 \(path)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw StoreError.invalid("\(path) 不是 UTF-8 文本")
    }
    let store = try env.openStore()
    let admin = try env.resolveOperator(store)
    let source = (path as NSString).lastPathComponent
    let replace = env.arguments.has("--replace")
    // The change is shown before it is applied (and instead, when --replace is missing).
    for year in try store.calendarPlan(tsv: text, source: source) where year.replaces {
      let verb = replace ? "将替换" : "已导入过"
      out.line("\(year.year)年\(verb),改动 \(year.changes.count) 天:")
      for change in year.changes { out.line("  " + change) }
    }
    let years = try store.importCalendar(tsv: text, source: source, by: admin, replace: replace)
    out.line("已导入 \(years.map(String.init).joined(separator: "、")) 年节假日安排")
  }
}
