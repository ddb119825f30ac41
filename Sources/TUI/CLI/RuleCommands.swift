import Domain
import Foundation
import Store

/// `rules list|set`: the regulation's numbers kept as data (limits, return window, escalation).
enum RuleCommands {
  static var all: [Command] {
    [
      Command(
        ["rules", "list"], summary: "列出规则参数(办理时限、退回期限、预警升级)", run: list),
      Command(
        ["rules", "set"], "KEY", "VALUE", .optional(.text("--note", "说明", "修改理由(记入事件)")),
        summary: "修改规则参数(区级系统管理员;已登记的案件不受影响)", run: set),
    ]
  }

  static func list(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    for r in try store.ruleRows() {
      let mark = r.value == r.defaultValue ? "" : "(默认 \(r.defaultValue))"
      out.line(
        [r.key, String(r.value) + mark, r.title + (r.article.map { " \($0)" } ?? "")].joined(
          separator: "\t"))
    }
  }

  static func set(_ env: CLIEnvironment, _ out: Output) throws {
    let key = try env.arguments.positional(0, "参数名 KEY(见 zwfw rules list)")
    let value = try env.arguments.positional(1, "参数值 VALUE")
    let store = try env.openStore()
    let admin = try env.resolveOperator(store)
    let n = try store.setRule(
      key: key, value: value, note: env.arguments.option("--note") ?? "", by: admin)
    out.line("已将 \(key) 设为 \(n)。之后登记的案件按新值计算,已登记的案件不受影响。")
  }
}
