import Domain
import Store

extension RectificationPane {
  public func render(into frame: inout Frame, area: Rect, _ context: AppContext) {
    if let loadError {
      frame.put(loadError, x: area.x, y: area.y, maxWidth: area.width, style: .danger)
      return
    }
    switch mode {
    case .list: renderList(into: &frame, area: area, context)
    case .detail: renderDetail(into: &frame, area: area, context)
    case .stats: renderStatistics(into: &frame, area: area, context)
    }
    if let overlay { overlay.render(into: &frame, area: area) }
  }

  func renderList(into frame: inout Frame, area: Rect, _ context: AppContext) {
    let visible = views(context)
    let tabs = visible.map { ViewTab(key: "", title: $0.title, count: count($0)) }
    renderTabs(tabs, active: visible.firstIndex(of: view) ?? 0, into: &frame, y: area.y, area)
    let scopeText =
      Visibility(context.staff).seesEveryOrganisation
      ? "全部单位的差评整改案件"
      : "\(organisationNames[context.staff.org] ?? context.staff.org)的差评整改案件"
    frame.put(
      scopeText, x: area.x, y: area.y + 1,
      maxWidth: area.width, style: .dim)
    let wide = area.width >= 100
    // A one-phase queue needs no state column: its room goes to the organisation and the item.
    let showPhase = view == .all
    var columns = [
      TableColumn("期限", width: 8), TableColumn("编号", width: 15, key: true),
      TableColumn("评价", width: 10),
    ]
    if showPhase { columns.append(TableColumn("状态", width: 6)) }
    columns += [
      TableColumn("服务单位", width: 8, flexible: true), TableColumn("事项", width: 8, flexible: true),
    ]
    if wide {
      columns += [
        TableColumn("渠道", width: 8), TableColumn("实名", width: 4),
        TableColumn("立案日期", width: 10),
      ]
    }
    let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
    let tableRows = rows.map { r -> TableRow in
      var cells: [TableCell] = [
        r.due.map { CountdownBadge.cell(due: $0, context) } ?? TableCell("-", style: .dim),
        TableCell(r.id),
        TableCell(r.level.title, style: r.level == .veryDissatisfied ? .warning : nil),
      ]
      if showPhase { cells.append(TableCell(r.phase.title)) }
      cells += [
        TableCell(organisationNames[r.organisation] ?? r.organisation),
        TableCell(FieldText.sanitizeForDisplay(r.itemName)),
      ]
      if wide {
        cells += [
          TableCell(r.channel), TableCell(r.realName ? "实名" : "匿名"), TableCell(r.openedOn.iso),
        ]
      }
      return TableRow(cells)
    }
    var c = cursor
    c.clamp(count: rows.count, page: table.height - 1)
    TableView.render(
      columns: columns, rows: tableRows, cursor: c, focused: overlay == nil,
      empty: "(\(view.title)没有案件)", into: &frame, area: table)
  }

  /// The view tabs, compact (no padding) when the full form would not fit the width.
  func renderTabs(_ tabs: [ViewTab], active: Int, into frame: inout Frame, y: Int, _ area: Rect) {
    let labels = tabs.map { "\($0.title) \($0.count ?? 0)" }
    let full = labels.reduce(0) { $0 + DisplayWidth.of($1) + 3 }
    if full <= area.width {
      ViewTabs.render(
        tabs, active: active, into: &frame,
        area: Rect(x: area.x, y: y, width: area.width, height: 1))
      return
    }
    var x = area.x
    for (i, label) in labels.enumerated() {
      let w = DisplayWidth.of(label)
      guard x + w <= area.maxX else { break }
      frame.put(label, x: x, y: y, style: i == active ? .paneActive : .normal)
      x += w + 2
    }
  }

  func renderDetail(into frame: inout Frame, area: Rect, _ context: AppContext) {
    guard let s = current else {
      frame.put("案件不存在", x: area.x, y: area.y, style: .danger)
      return
    }
    var x = area.x
    x += frame.put("差评整改 \(s.id)  ", x: x, y: area.y, style: .bold)
    x += frame.put(s.stateTitle, x: x, y: area.y, maxWidth: area.maxX - x, style: .bold)
    if let due = s.due(context.calendar) {
      let badge = CountdownBadge.cell(due: due, context)
      x += frame.put("  ", x: x, y: area.y)
      frame.put(badge.text, x: x, y: area.y, maxWidth: area.maxX - x, style: badge.style ?? .normal)
    }
    let steps = availableSteps.compactMap { step -> String? in
      guard let b = Self.caseKeys.bindings.first(where: { $0.command == step.rawValue }) else {
        return nil
      }
      return "\(b.keyLabel) \(step.title)"
    }
    let actions = steps.isEmpty ? "(您在此阶段没有可办理的操作)" : "可办理: " + steps.joined(separator: "  ")
    frame.put(
      actions, x: area.x, y: area.y + 1, maxWidth: area.width,
      style: steps.isEmpty ? .dim : .keyName)
    detail.render(
      into: &frame, area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
    )
  }
}
