import Domain
import Foundation
import Store

/// 投诉分析 — the month's complaints analysed (第三十四条: 定期对投诉内容进行分析): figures by
/// type, channel, organisation or month (`g`), the reasons of 不予受理, the terms their subjects
/// share and the complainants who came back (phone masked); `x` exports it as CSV.
extension SupervisionPane {
  static let toComplaints = KeyBinding([.char("a")], SupervisionCommand.complaints, "投诉分析")

  static let complaintKeys = KeymapSection(
    "投诉分析",
    monthKeys + [
      KeyBinding([.char("g")], SupervisionCommand.grouping, "切换分组(类型/渠道/单位/月份)", bar: true),
      KeyBinding([.char("w")], SupervisionCommand.allTime, "全部期间/按月"),
      exportKey, toBoard, toNotices, toTimeliness,
    ])

  /// The month shown with 按时办结, or every complaint on record.
  var complaintPeriod: StatisticsPeriod {
    complaintsAllTime ? StatisticsPeriod() : timelinessPeriod
  }

  mutating func toggleAllTime() -> Update<SupervisionEffect> {
    complaintsAllTime.toggle()
    return .run(.reload(then: .nothing))
  }

  mutating func nextGrouping() -> Update<SupervisionEffect> {
    let all = ComplaintGrouping.allCases
    complaintGrouping = all[((all.firstIndex(of: complaintGrouping) ?? 0) + 1) % all.count]
    return .run(.reload(then: .nothing))
  }

  func renderComplaints(into frame: inout Frame, area: Rect, _ context: AppContext) {
    guard let a = complaintAnalysis else { return }
    let pct = SatisfactionFigures.percent
    let t = a.total
    let head =
      "\(complaintsAllTime ? "全部" : String(timelinessMonth.iso.prefix(7))) 投诉建议\(t.registered)件"
      + " 按时办结率\(pct(t.onTimeRate))"
      + " 回访满意率\(pct(t.satisfactionRate)) 重办率\(pct(t.reopenRate))"
    frame.put(head, x: area.x, y: area.y, maxWidth: area.width, style: .bold)
    let wide = area.width >= 100
    var columns = [
      TableColumn(a.grouping.title, width: 8, flexible: true),
      TableColumn("登记", width: 4, alignRight: true), TableColumn("办结", width: 4, alignRight: true),
      TableColumn("按时率", width: 6, alignRight: true),
      TableColumn("不予受理", width: 8, alignRight: true),
      TableColumn("满意率", width: 6, alignRight: true),
      TableColumn("重办", width: 4, alignRight: true),
    ]
    if wide {
      columns.insert(TableColumn("已回访", width: 6, alignRight: true), at: 5)
      columns.append(TableColumn("重办率", width: 6, alignRight: true))
    }
    let rows = (a.groups.map { ($0.title, $0.figures) } + [("合计", a.total)]).map { title, f in
      var cells = [
        TableCell(title, style: title == "合计" ? .bold : nil), TableCell(String(f.registered)),
        TableCell(String(f.concluded)), TableCell(pct(f.onTimeRate)),
        f.rejected == 0 ? TableCell("-", style: .dim) : TableCell(String(f.rejected)),
        TableCell(pct(f.satisfactionRate)),
        f.reopened == 0
          ? TableCell("-", style: .dim) : TableCell(String(f.reopened), style: .warning),
      ]
      if wide {
        cells.insert(TableCell(String(f.calledBack)), at: 5)
        cells.append(TableCell(pct(f.reopenRate)))
      }
      return TableRow(cells)
    }
    let findings = findingLines(a, width: area.width)
    let tableHeight = min(rows.count + 1, max(3, area.height - 1 - findings.count))
    TableView.render(
      columns: columns, rows: a.total.registered == 0 ? [] : rows,
      cursor: ListCursor(selected: rows.count - 1), focused: false,
      empty: "(统计期间内没有登记的投诉建议)", into: &frame,
      area: Rect(x: area.x, y: area.y + 1, width: area.width, height: tableHeight))
    var y = area.y + 1 + tableHeight
    for line in findings where y < area.maxY {
      frame.put(line.text, x: area.x, y: y, maxWidth: area.width, style: line.style)
      y += 1
    }
  }

  /// 不予受理原因, 主题词 and 重复投诉人, each wrapped to the width.
  func findingLines(_ a: ComplaintAnalysis, width: Int) -> [(text: String, style: Style)] {
    let reasons =
      a.rejections.isEmpty
      ? "无" : a.rejections.map { "\($0.reason.title)\($0.count)件" }.joined(separator: ";")
    let terms =
      a.terms.isEmpty
      ? "无" : a.terms.prefix(12).map { "\($0.text)\($0.count)" }.joined(separator: " ")
    let repeats =
      a.repeats.isEmpty
      ? "无"
      : a.repeats.prefix(6).map { "\($0.maskedContact) \($0.caseIDs.count)件" }
        .joined(separator: ";")
    var out: [(String, Style)] = []
    for (label, text) in [("不予受理原因", reasons), ("主题词", terms), ("重复投诉人", repeats)] {
      let wrapped = DisplayWidth.wrap(
        FieldText.sanitizeForDisplay("\(label): \(text)"), columns: width)
      out += wrapped.prefix(2).map {
        ($0, label == "重复投诉人" && !a.repeats.isEmpty ? .warning : .normal)
      }
    }
    return out
  }

  mutating func startComplaintExport() -> Update<SupervisionEffect> {
    let home =
      ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? NSHomeDirectory()
    let month = complaintsAllTime ? "全部" : String(timelinessMonth.iso.prefix(7))
    var form = Form(
      title: "导出投诉建议分析(CSV,可用 WPS 或 Excel 打开)",
      fields: [
        .text(
          "path", "文件路径", value: home + "/投诉建议分析-\(month)-按\(complaintGrouping.title).csv",
          max: 300, required: true)
      ])
    form.footer = ["统计期间: \(complaintPeriod.title)(按登记日期);按\(complaintGrouping.title)"]
    flow.show(form, .export)
    return .handled
  }
}
