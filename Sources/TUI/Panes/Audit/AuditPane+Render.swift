import Domain

extension AuditPane {
  public func render(into frame: inout Frame, area: Rect, _ context: AppContext) {
    var scope = ["拒绝记录(第二十四、四十三条),最新的在前"]
    if let from = filter.from { scope.append("\(from.iso) 起") }
    if let actor = filter.actor { scope.append("操作人 \(actor)") }
    frame.put(
      scope.joined(separator: "  "), x: area.x, y: area.y, maxWidth: area.width, style: .bold)
    if let problem = queue.problem {
      frame.put(problem, x: area.x, y: area.y + 2, maxWidth: area.width, style: .danger)
      return
    }
    let wide = area.width >= 100
    var columns = [
      TableColumn("时间", width: 16, key: true), TableColumn("操作人", width: 10, flexible: true),
      TableColumn("操作", width: 10, flexible: true),
    ]
    if wide { columns.append(TableColumn("节点", width: 6)) }
    columns += [
      TableColumn("对象", width: 10, flexible: true),
      TableColumn("拒绝原因", width: 16, flexible: true),
    ]
    let tableRows = rows.map { r -> TableRow in
      var cells = [TableCell(context.zone.format(r.date)), TableCell(r.who), TableCell(r.action)]
      if wide { cells.append(TableCell(r.node)) }
      cells += [
        r.subject.map { TableCell($0) } ?? TableCell("-", style: .dim), TableCell(r.reason),
      ]
      return TableRow(cells)
    }
    // The selected refusal's whole reason below the table: the column cuts it.
    let detailHeight = 3
    let table = Rect(
      x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - detailHeight)
    TableView.render(
      columns: columns, rows: tableRows, cursor: queue.cursor, focused: !flow.isOpen,
      empty: "(没有拒绝记录)", into: &frame, area: table)
    if let r = queue.selected {
      let text = "\(r.who) \(r.action)" + (r.subject.map { "(\($0))" } ?? "") + ": \(r.reason)"
      let lines = DisplayWidth.wrap(FieldText.sanitizeForDisplay(text), columns: area.width)
      for (i, line) in lines.prefix(detailHeight).enumerated() {
        frame.put(line, x: area.x, y: area.maxY - detailHeight + i, maxWidth: area.width)
      }
    }
    if let overlay = flow.overlay { overlay.render(into: &frame, area: area) }
  }
}
