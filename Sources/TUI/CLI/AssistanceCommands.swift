import Domain
import Foundation
import Store

/// `stats assistance`: 代办、帮办 and special groups among the period's registrations.
enum AssistanceCommands {
  static var all: [Command] {
    [
      Command(
        ["stats", "assistance"], .optional(.from), .optional(.to), .optional(.quiet),
        summary: "各单位登记的申请中代办、帮办和特殊群体(老年人、残疾人等)的件数(第十五条)", run: assistance)
    ]
  }

  static func assistance(_ env: CLIEnvironment, _ out: Output) throws {
    let period = try RatingCommands.period(env.arguments)
    let store = try env.openStore()
    let staff = try env.resolveOperator(store)
    env.reporter?(ProgressStep("统计代办帮办", done: 0, total: 1))
    let rows = try store.assistanceFigures(period, for: staff)
    out.line("统计期间: \(period.title)(按登记日期)")
    out.line(
      (["单位", "登记", "代办", "帮办"] + SpecialGroup.allCases.map(\.title)).joined(separator: "\t"))
    var total = AssistanceFigures(org: "", name: "合计")
    for r in rows {
      total.registered += r.registered
      total.agent += r.agent
      total.helped += r.helped
      for (g, n) in r.groups { total.groups[g, default: 0] += n }
    }
    for r in rows + [total] {
      out.line(
        ([r.name, String(r.registered), String(r.agent), String(r.helped)]
          + SpecialGroup.allCases.map { String(r.groups[$0] ?? 0) }).joined(separator: "\t"))
    }
  }
}
