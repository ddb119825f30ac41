import Domain
import Foundation
import Store

/// 按时办结 — the supervisor's monthly figures per organisation: cases concluded, how many in
/// time, the rate for applications and complaints, and what is overdue today (第四十七、四十九条).
extension SupervisionPane {
  static let toTimeliness = KeyBinding([.char("r")], SupervisionCommand.timeliness, "按时办结")

  static let timelinessKeys = KeymapSection(
    "按时办结", monthKeys + [exportKey, toBoard, toNotices, toComplaints, move])

  /// 上月/下月 of both figure views: 投诉分析 shows 按时办结's month.
  static let monthKeys = [
    KeyBinding([.left, .char("[")], SupervisionCommand.previousMonth, "上月", bar: true),
    KeyBinding([.right, .char("]")], SupervisionCommand.nextMonth, "下月", bar: true),
  ]
  static let exportKey = KeyBinding([.char("x")], SupervisionCommand.export, "导出CSV", bar: true)

  /// The month shown, as a period of whole days.
  var timelinessPeriod: StatisticsPeriod { .month(of: timelinessMonth) }

  mutating func changeMonth(by months: Int, _ context: AppContext) -> Update<SupervisionEffect> {
    let next = timelinessMonth.firstOfMonth.adding(months: months)
    guard next <= context.today.firstOfMonth else { return .toast(.info("已是本月")) }
    timelinessMonth = next
    return .run(.reload(then: .nothing))
  }

  func renderTimeliness(into frame: inout Frame, area: Rect, _ context: AppContext) {
    let total = timelinessRows.reduce(TimelinessFigures()) { $0 + $1.figures }
    let pct = SatisfactionFigures.percent
    let head =
      "\(timelinessPeriod.title) 办结\(total.concluded)件 按时\(total.onTime) 超期办结\(total.late)"
      + " 按时办结率\(pct(total.onTimeRate))"
    frame.put(head, x: area.x, y: area.y, maxWidth: area.width, style: .bold)
    let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    let columns = [
      TableColumn("单位", width: 10, flexible: true),
      TableColumn("办结", width: 4, alignRight: true),
      TableColumn("超期办结", width: 8, alignRight: true),
      TableColumn("按时率", width: 6, alignRight: true),
      TableColumn("申请", width: 6, alignRight: true),
      TableColumn("投诉建议", width: 8, alignRight: true),
      TableColumn("当前超期", width: 8, alignRight: true),
    ]
    let rows = timelinessRows.map { r -> TableRow in
      let f = r.figures
      func rate(_ value: Double?) -> TableCell {
        guard let value else { return TableCell("-", style: .dim) }
        return TableCell(pct(value), style: value < 1 ? .warning : .normal)
      }
      return TableRow([
        TableCell(r.name),
        f.concluded == 0 ? TableCell("-", style: .dim) : TableCell(String(f.concluded)),
        f.late == 0 ? TableCell("-", style: .dim) : TableCell(String(f.late), style: .danger),
        rate(f.onTimeRate), rate(f.applicationRate), rate(f.complaintRate),
        f.overdueNow == 0
          ? TableCell("-", style: .dim) : TableCell(String(f.overdueNow), style: .danger),
      ])
    }
    table(columns, rows, timelinessCursor, empty: "没有单位", into: &frame, area: body)
  }

  mutating func startTimelinessExport() -> Update<SupervisionEffect> {
    let home =
      ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? NSHomeDirectory()
    let month = String(timelinessMonth.iso.prefix(7))
    var form = Form(
      title: "导出按时办结统计(CSV,可用 WPS 或 Excel 打开)",
      fields: [
        .text("path", "文件路径", value: home + "/按时办结统计-\(month).csv", max: 300, required: true)
      ])
    form.footer = ["统计期间: \(timelinessPeriod.title)(按办结日期)"]
    flow.show(form, .export)
    return .handled
  }

  /// The file is written by the export effect, which refuses an existing path.
  mutating func submitTimelinessExport(_ form: Form) -> Update<SupervisionEffect> {
    .run(.export(path: form["path"].trimmingSpaces(), timelinessPeriod))
  }
}
