import Domain

extension RectificationPane {
  /// 满意度统计 — per organisation for the period: satisfaction with and without 无效差评, and
  /// the bad-review rectification and callback rates (第四十七、四十九条).
  func renderStatistics(into frame: inout Frame, area: Rect, _ context: AppContext) {
    if statsByItem { return renderItemStatistics(into: &frame, area: area, context) }
    let who =
      context.visibility.seesEveryOrganisation
      ? "各单位" : (organisationNames[context.staff.org] ?? "")
    let wide = area.width >= 110
    var columns = [
      TableColumn("单位", width: 10, flexible: true), TableColumn("评价", width: 5, alignRight: true),
    ]
    if wide {
      columns += RatingLevel.allCases.map {
        TableColumn($0.title, width: max(4, DisplayWidth.of($0.title)), alignRight: true)
      }
    }
    columns += [
      TableColumn("差评", width: 4, alignRight: true), TableColumn("无效", width: 4, alignRight: true),
      TableColumn("满意率", width: 7, alignRight: true),
      TableColumn("剔除无效", width: 8, alignRight: true),
      TableColumn("整改率", width: 7, alignRight: true),
      TableColumn("回访率", width: 7, alignRight: true),
    ]
    if wide { columns.append(TableColumn("实名回访率", width: 10, alignRight: true)) }
    let total = statistics.reduce(SatisfactionFigures()) { $0 + $1.figures }
    let all = statistics + [OrganisationSatisfaction(organisation: "", name: "合计", figures: total)]
    let rows = all.map { row -> TableRow in
      let f = row.figures
      let pct = SatisfactionFigures.percent
      var cells: [TableCell] = [TableCell(row.name), TableCell(String(f.total))]
      if wide { cells += RatingLevel.allCases.map { TableCell(String(f.count($0))) } }
      cells += [
        TableCell(String(f.bad)), TableCell(String(f.invalid)),
        TableCell(pct(f.satisfaction(excludingInvalid: false))),
        TableCell(pct(f.satisfaction(excludingInvalid: true)), style: f.invalid > 0 ? .bold : nil),
        TableCell(pct(f.rectificationRate)), TableCell(pct(f.callbackRate)),
      ]
      if wide { cells.append(TableCell(pct(f.realNameCallbackRate))) }
      return TableRow(cells)
    }
    renderFigures(
      heading: "\(who)满意度统计  统计期间 \(period.title)(按评价日期)",
      note: "满意率 = (非常满意+满意+基本满意)/评价数;剔除无效: 无效差评不计入", columns: columns,
      rows: statistics.isEmpty ? [] : rows, count: statistics.count, into: &frame, area: area
    ) { i in
      let s = statistics[i]
      let f = s.figures
      let levels = RatingLevel.allCases.map { "\($0.title)\(f.count($0))" }.joined(separator: " ")
      return
        "\(s.name): \(levels);无效差评\(f.invalid),有效差评\(f.validBad),已整改\(f.rectified),已回访\(f.calledBack);实名差评\(f.realNameBad),已回访\(f.realNameCalledBack)"
    }
  }

  /// The layout both statistics share: a bold heading, a dim note, the table (the cursor on the
  /// first `count` rows: a total row below them is never selected), and the selected row's
  /// figures in words on the last two lines.
  func renderFigures(
    heading: String, note: String, columns: [TableColumn], rows: [TableRow], count: Int,
    into frame: inout Frame, area: Rect, summary: (Int) -> String
  ) {
    frame.put(heading, x: area.x, y: area.y, maxWidth: area.width, style: .bold)
    frame.put(note, x: area.x, y: area.y + 1, maxWidth: area.width, style: .dim)
    let summaryHeight = 2
    let table = Rect(
      x: area.x, y: area.y + 2, width: area.width, height: area.height - 3 - summaryHeight)
    var c = statsCursor
    c.clamp(count: count, page: table.height - 1)
    TableView.render(
      columns: columns, rows: rows, cursor: c, focused: overlay == nil,
      empty: "(统计期间内没有评价)", into: &frame, area: table)
    guard (0..<count).contains(c.selected) else { return }
    let lines = DisplayWidth.wrap(summary(c.selected), columns: area.width)
    for (i, line) in lines.prefix(summaryHeight).enumerated() {
      frame.put(line, x: area.x, y: area.maxY - summaryHeight + i, maxWidth: area.width)
    }
  }
}
