import Domain
import Foundation
import Store

/// `stats ratings`: 好差评 satisfaction by organisation and period, on the terminal or as CSV.
enum RatingCommands {
  static var all: [Command] {
    [
      Command(
        ["stats", "ratings"],
        usage: "zwfw stats ratings [--from DATE] [--to DATE] [--out FILE.csv] [--quiet]",
        summary: "各单位满意度、差评整改率和回访率(含/剔除无效差评),可导出CSV", run: ratings)
    ]
  }

  /// The statistics period from `--from` and `--to` (either may be left open).
  static func period(_ a: Arguments) throws -> StatisticsPeriod {
    let from = try a.option("--from").map(CalendarCommands.date)
    let through = try a.option("--to").map(CalendarCommands.date)
    if let from, let through, from > through {
      throw UsageError("--from \(from.iso) 晚于 --to \(through.iso)")
    }
    return StatisticsPeriod(from: from, through: through)
  }

  static func ratings(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let period = try RatingCommands.period(a)
    let store = try env.openStore()
    let staff = try env.resolveOperator(store)
    // One aggregate query over the period: it starts, then ends.
    env.reporter?(ProgressStep("统计满意度", done: 0, total: 1))
    if let path = a.option("--out") {
      let n = try store.exportSatisfaction(period, for: staff, to: path)
      out.line("已导出 \(n) 个单位的满意度统计(\(period.title)): \(path)")
      return
    }
    let rows = try store.satisfaction(period, for: staff)
    out.line("统计期间: \(period.title)(按评价日期)")
    let header = ["单位", "评价", "差评", "无效差评", "满意率(含无效)", "满意率(剔除无效)", "整改率", "回访率", "实名回访率"]
    out.line(header.joined(separator: "\t"))
    for r in OrganisationSatisfaction.withTotal(rows) {
      let f = r.figures
      let pct = SatisfactionFigures.percent
      out.line(
        [
          r.name, String(f.total), String(f.bad), String(f.invalid),
          pct(f.satisfaction(excludingInvalid: false)), pct(f.satisfaction(excludingInvalid: true)),
          pct(f.rectificationRate), pct(f.callbackRate), pct(f.realNameCallbackRate),
        ].joined(separator: "\t"))
    }
  }
}
