import Domain
import Foundation
import Store

/// `stats ratings`: 好差评 satisfaction by organisation and period, on the terminal or as CSV.
enum RatingCommands {
  static var all: [Command] {
    [
      Command(
        ["stats", "ratings"], .optional(.from), .optional(.to),
        .optional(
          .choice(
            "--by", [.init("org", "按单位"), .init("item", "按事项")], "按单位(org,默认)或按事项(item,差评多的在前)统计")),
        .optional(.out("FILE.csv")), .optional(.quiet),
        summary: "各单位(或各事项)满意度、差评整改率和回访率(含/剔除无效差评),可导出CSV", run: ratings)
    ]
  }

  /// The statistics period from `--from` and `--to` (either may be left open).
  static func period(_ a: Arguments) throws -> StatisticsPeriod {
    let from = try a.date("--from")
    let through = try a.date("--to")
    if let from, let through, from > through {
      throw UsageError("--from \(from.iso) 晚于 --to \(through.iso)")
    }
    return StatisticsPeriod(from: from, through: through)
  }

  static func ratings(_ env: CLIEnvironment, _ out: Output) throws {
    let period = try RatingCommands.period(env.arguments)
    guard !byItem(env.arguments) else {
      return try FiguresCommand.run(
        env, out, step: "统计满意度",
        export: { store, staff, path in
          let n = try store.exportSatisfactionByItem(period, for: staff, to: path)
          return "已导出 \(n) 个事项的满意度统计(\(period.title)): \(path)"
        }, print: { store, staff in try ratingsByItem(store, period, staff, out) })
    }
    try FiguresCommand.run(
      env, out, step: "统计满意度",
      export: { store, staff, path in
        let n = try store.exportSatisfaction(period, for: staff, to: path)
        return "已导出 \(n) 个单位的满意度统计(\(period.title)): \(path)"
      }, print: { store, staff in try ratingsByOrganisation(store, period, staff, out) })
  }

  /// 满意度 by organisation, with the district's total.
  static func ratingsByOrganisation(
    _ store: Store, _ period: StatisticsPeriod, _ staff: Staff, _ out: Output
  ) throws {
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

  /// `--by org` (the default) or `--by item`.
  static func byItem(_ a: Arguments) -> Bool { a.option("--by") == "item" }

  /// 满意度 by item (第三十五条), most valid bad reviews first.
  static func ratingsByItem(
    _ store: Store, _ period: StatisticsPeriod, _ staff: Staff, _ out: Output
  ) throws {
    let rows = try store.satisfactionByItem(period, for: staff)
    out.line("统计期间: \(period.title)(按评价日期;有效差评多的事项在前)")
    let header = ["事项编码", "事项名称", "单位", "评价", "差评", "无效差评", "满意率(含无效)", "满意率(剔除无效)", "整改率", "回访率"]
    out.line(header.joined(separator: "\t"))
    let pct = SatisfactionFigures.percent
    let total = rows.reduce(SatisfactionFigures.zero) { $0 + $1.figures }
    let lines =
      rows.map {
        ($0.itemCode.isEmpty ? "-" : $0.itemCode, $0.itemName, $0.organisationName, $0.figures)
      }
      + [("", "合计", "", total)]
    for (code, name, org, f) in lines {
      out.line(
        [
          code, name, org, String(f.total), String(f.bad), String(f.invalid),
          pct(f.satisfaction(excludingInvalid: false)), pct(f.satisfaction(excludingInvalid: true)),
          pct(f.rectificationRate), pct(f.callbackRate),
        ].joined(separator: "\t"))
    }
  }
}
