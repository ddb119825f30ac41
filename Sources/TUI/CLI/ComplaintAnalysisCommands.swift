import Domain
import Foundation
import Store

/// `stats complaints`: 投诉建议分析 (第三十四条) on the terminal or as CSV.
enum ComplaintAnalysisCommands {
  static var all: [Command] {
    [
      Command(
        ["stats", "complaints"], .optional(.date("--from", "起始登记日期 YYYY-MM-DD(含)")),
        .optional(.date("--to", "截止登记日期 YYYY-MM-DD(含)")),
        .optional(
          .choice(
            "--by", ComplaintGrouping.allCases.map { .init($0.rawValue, $0.title) },
            "分组: type 类型(默认)、channel 渠道、org 单位、month 月份")), .optional(.out("FILE.csv")),
        .optional(.quiet),
        summary: "投诉建议分析:按类型、渠道、单位或月份的件数、按时办结率、不予受理原因、回访满意率、重办率、主题词和重复投诉人,可导出CSV", run: complaints)
    ]
  }

  static func grouping(_ a: Arguments) -> ComplaintGrouping {
    a.option("--by").flatMap(ComplaintGrouping.init(rawValue:)) ?? .type
  }

  static func complaints(_ env: CLIEnvironment, _ out: Output) throws {
    let period = try RatingCommands.period(env.arguments)
    let grouping = grouping(env.arguments)
    // One read of the period's complaints, shown as one step.
    try FiguresCommand.run(
      env, out, step: "分析投诉建议",
      export: { store, staff, path in
        let n = try store.exportComplaintAnalysis(period, by: grouping, for: staff, to: path)
        return "已导出 \(n) 件投诉建议的分析(\(period.title),按\(grouping.title)): \(path)"
      },
      print: { store, staff in
        let analysis = try store.complaintAnalysis(period, by: grouping, for: staff)
        for line in ComplaintAnalysisText.lines(analysis) { out.line(line) }
      })
  }
}

/// The analysis as the terminal prints it: the table, then the other findings, one per line.
enum ComplaintAnalysisText {
  static func lines(_ a: ComplaintAnalysis) -> [String] {
    let pct = SatisfactionFigures.percent
    var lines = ["统计期间: \(a.period.title)(按登记日期);按\(a.grouping.title)"]
    lines.append(
      [a.grouping.title, "登记", "办结", "按时办结率", "不予受理", "已回访", "回访满意率", "重办", "重办率"]
        .joined(separator: "\t"))
    for (title, f) in a.groups.map({ ($0.title, $0.figures) }) + [("合计", a.total)] {
      lines.append(
        [
          title, String(f.registered), String(f.concluded), pct(f.onTimeRate), String(f.rejected),
          String(f.calledBack), pct(f.satisfactionRate), String(f.reopened), pct(f.reopenRate),
        ].joined(separator: "\t"))
    }
    lines.append("")
    lines.append(
      "不予受理原因: "
        + (a.rejections.isEmpty
          ? "无" : a.rejections.map { "\($0.reason.title) \($0.count)件" }.joined(separator: ";")))
    lines.append(
      "主题词(标题中两字、三字词,至少2件): "
        + (a.terms.isEmpty ? "无" : a.terms.map { "\($0.text) \($0.count)" }.joined(separator: "、")))
    lines.append(
      "重复投诉人(同一电话): "
        + (a.repeats.isEmpty
          ? "无"
          : a.repeats.map {
            "\($0.maskedContact) \($0.caseIDs.count)件(\($0.caseIDs.joined(separator: " ")))"
          }
          .joined(separator: ";")))
    return lines
  }
}
