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
    let a = env.arguments
    let period = try RatingCommands.period(a)
    let store = try env.openStore()
    let staff = try env.resolveOperator(store)
    let today = store.today
    // Three aggregate queries over the period: it starts, then ends.
    env.reporter?(ProgressStep("统计按时办结率", done: 0, total: 1))
    if let path = a.option("--out") {
      let n = try store.exportTimeliness(period, today: today, for: staff, to: path)
      out.line("已导出 \(n) 个单位的按时办结统计(\(period.title)): \(path)")
      return
    }
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
