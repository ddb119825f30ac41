import Domain

extension RectificationPane {
  /// 满意度统计 by service item (第三十五条: 发现并解决政务服务堵点难点问题): the items with the
  /// most valid bad reviews first, each with its organisation, satisfaction with and without
  /// 无效差评, and its rectification and callback rates.
  func renderItemStatistics(into frame: inout Frame, area: Rect, _ context: AppContext) {
    let who =
      context.visibility.seesEveryOrganisation
      ? "各事项" : (organisationNames[context.staff.org] ?? "")
    let wide = area.width >= 100
    var columns = [TableColumn("事项", width: 12, flexible: true)]
    if wide { columns.append(TableColumn("编码", width: 10)) }
    columns += [
      TableColumn("单位", width: 8, flexible: true), TableColumn("评价", width: 4, alignRight: true),
      TableColumn("差评", width: 4, alignRight: true), TableColumn("无效", width: 4, alignRight: true),
      TableColumn("满意率", width: 7, alignRight: true),
      TableColumn("剔除无效", width: 8, alignRight: true),
    ]
    if wide {
      columns += [
        TableColumn("整改率", width: 7, alignRight: true),
        TableColumn("回访率", width: 7, alignRight: true),
      ]
    }
    let pct = SatisfactionFigures.percent
    let rows = itemStatistics.map { r -> TableRow in
      let f = r.figures
      var cells = [TableCell(FieldText.sanitizeForDisplay(r.itemName))]
      if wide { cells.append(TableCell(r.itemCode.isEmpty ? "-" : r.itemCode)) }
      cells += [
        TableCell(r.organisationName), TableCell(String(f.total)),
        TableCell(String(f.bad), style: f.validBad > 0 ? .warning : nil),
        TableCell(String(f.invalid)), TableCell(pct(f.satisfaction(excludingInvalid: false))),
        TableCell(pct(f.satisfaction(excludingInvalid: true))),
      ]
      if wide { cells += [TableCell(pct(f.rectificationRate)), TableCell(pct(f.callbackRate))] }
      return TableRow(cells)
    }
    renderFigures(
      heading: "\(who)满意度统计(按事项)  统计期间 \(period.title)(按评价日期)",
      note: "有效差评多、满意率低的事项在前;再按 i 回到按单位统计", columns: columns, rows: rows,
      count: itemStatistics.count, into: &frame, area: area
    ) { i in
      let s = itemStatistics[i]
      let f = s.figures
      let levels = RatingLevel.allCases.map { "\($0.title)\(f.count($0))" }.joined(separator: " ")
      return FieldText.sanitizeForDisplay(
        "\(s.itemName)(\(s.organisationName)): \(levels);有效差评\(f.validBad),已整改\(f.rectified),已回访\(f.calledBack)"
      )
    }
  }
}
