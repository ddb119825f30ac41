import Domain
import Foundation
import Store

/// `stats ontime`: 按时办结率 by organisation and period, on the terminal or as CSV.
enum TimelinessCommands {
  static var all: [Command] {
    [
      Command(
        ["stats", "ontime"], .optional(.from), .optional(.to), .optional(.out("FILE.csv")),
        .optional(.quiet),
        summary: "各单位按时办结率(申请、投诉建议)和当前超期数,可导出CSV", run: onTime)
    ]
  }

  static func onTime(_ env: CLIEnvironment, _ out: Output) throws {
    let period = try RatingCommands.period(env.arguments)
    // Three aggregate queries over the period, shown as one step.
    try FiguresCommand.run(
      env, out, step: "统计按时办结率",
      export: { store, staff, path in
        let n = try store.exportTimeliness(period, today: store.today, for: staff, to: path)
        return "已导出 \(n) 个单位的按时办结统计(\(period.title)): \(path)"
      }, print: { store, staff in try show(store, period, staff, out) })
  }

  static func show(_ store: Store, _ period: StatisticsPeriod, _ staff: Staff, _ out: Output)
    throws
  {
    let today = store.today
    let rows = try store.timeliness(period, today: today, for: staff)
    out.line("统计期间: \(period.title)(按办结日期);当前超期截至 \(today.iso)")
    out.line(
      ["单位", "办结", "按时", "超期办结", "按时办结率", "申请按时率", "投诉建议按时率", "当前超期"].joined(separator: "\t"))
    let pct = SatisfactionFigures.percent
    for r in OrganisationTimeliness.withTotal(rows) {
      let f = r.figures
      out.line(
        [
          r.name, String(f.concluded), String(f.onTime), String(f.late), pct(f.onTimeRate),
          pct(f.applicationRate), pct(f.complaintRate), String(f.overdueNow),
        ].joined(separator: "\t"))
    }
  }
}
