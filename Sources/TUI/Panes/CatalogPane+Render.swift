import Domain

extension CatalogPane {
  public func render(into frame: inout Frame, area: Rect, _ context: AppContext) {
    if let editor {
      switch editor.section {
      case .form: editor.form.render(into: &frame, area: area)
      case .materials: renderMaterials(editor, into: &frame, area: area)
      }
    } else if mode == .detail {
      detail.render(into: &frame, area: area)
    } else {
      renderList(into: &frame, area: area, context)
    }
    if let overlay { overlay.render(into: &frame, area: area) }
  }

  func renderList(into frame: inout Frame, area: Rect, _ context: AppContext) {
    let tabs = [
      ViewTab(key: "", title: View.items.title, count: items.count),
      ViewTab(key: "", title: View.changes.title, count: openChangeCount),
      ViewTab(key: "", title: View.adjustments.title, count: openAdjustmentCount),
    ]
    ViewTabs.render(tabs, active: view.rawValue, into: &frame, area: area)
    let line = Rect(x: area.x, y: area.y + 1, width: area.width, height: 1)
    let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
    if let loadProblem {
      frame.put(loadProblem, x: line.x, y: line.y, maxWidth: line.width, style: .danger)
      return
    }
    switch view {
    case .items:
      var x = line.x + frame.put("搜索 ", x: line.x, y: line.y, style: .bold)
      let width = min(30, max(10, line.width - 20))
      query.render(into: &frame, x: x, y: line.y, width: width, focused: mode == .search)
      x += width + 1
      frame.put("共\(items.count)项", x: x, y: line.y, maxWidth: line.maxX - x, style: .dim)
      renderItems(into: &frame, area: table)
    case .changes:
      let text = allChanges ? "全部变更申请(o 只看未办结)" : "未办结的变更申请 \(changes.count) 项(o 显示全部)"
      frame.put(text, x: line.x, y: line.y, maxWidth: line.width, style: .dim)
      renderChanges(into: &frame, area: table)
    case .adjustments:
      let text =
        allAdjustments ? "全部清单调整(o 只看未办结)" : "待更新的清单调整 \(adjustments.count) 项(第十条: 10个工作日内更新)"
      frame.put(text, x: line.x, y: line.y, maxWidth: line.width, style: .dim)
      renderAdjustments(into: &frame, area: table, context)
    }
  }

  /// The cursor, scrolled so the selection is visible in this many rows.
  static func visible(_ cursor: ListCursor, count: Int, area: Rect) -> ListCursor {
    var c = cursor
    c.clamp(count: count, page: max(1, area.height - 1))
    return c
  }

  func renderItems(into frame: inout Frame, area: Rect) {
    let columns = [
      TableColumn("编码", width: 12, key: true), TableColumn("事项名称", width: 16, flexible: true),
      // Wide terminals give the organisation its whole name; 80 columns keep the item name first.
      TableColumn("实施主体", width: area.width >= 110 ? 22 : 12), TableColumn("类型", width: 8),
      TableColumn("承诺", width: 5, alignRight: true), TableColumn("状态", width: 6),
    ]
    let rows = items.map { i in
      TableRow([
        TableCell(i.code), TableCell(i.name), TableCell(shortOrganisationName(i.organisation)),
        TableCell(i.type.title), TableCell(Self.shortLimit(i.promisedDays)),
        TableCell(i.status.title, style: i.status == .active ? nil : Self.statusStyle(i.status)),
      ])
    }
    TableView.render(
      columns: columns, rows: rows, cursor: Self.visible(itemCursor, count: rows.count, area: area),
      focused: mode == .list, empty: query.isEmpty ? "事项库为空" : "没有匹配「\(query.trimmed)」的事项",
      into: &frame, area: area)
  }

  func renderChanges(into frame: inout Frame, area: Rect) {
    let wide = area.width >= 100
    let columns = [
      TableColumn("编号", width: 15, key: true), TableColumn("类型", width: 4),
      TableColumn("事项", width: 12, flexible: true),
      TableColumn("实施主体", width: wide ? 18 : 8), TableColumn("阶段", width: 10),
      TableColumn("起草人", width: 6), TableColumn(wide ? "更新日期" : "更新", width: wide ? 10 : 5),
    ]
    let rows = changes.map { c in
      TableRow([
        TableCell(c.id), TableCell(c.kind.title), TableCell(c.itemsTitle),
        TableCell(touchedOrganisationsTitle(c)),
        TableCell(c.stageTitle, style: Self.stageStyle(c.stage)),
        // 80 columns: the month and day (the queue holds this year's open work).
        TableCell(staffName(c.drafter)),
        TableCell(wide ? c.updatedOn.iso : String(c.updatedOn.iso.dropFirst(5))),
      ])
    }
    TableView.render(
      columns: columns, rows: rows,
      cursor: Self.visible(changeCursor, count: rows.count, area: area), empty: "没有未办结的变更申请",
      into: &frame, area: area)
  }

  func renderAdjustments(into frame: inout Frame, area: Rect, _ context: AppContext) {
    let columns = [
      TableColumn("编号", width: 15, key: true), TableColumn("清单", width: 10, flexible: true),
      TableColumn("调整日期", width: 10), TableColumn("已更新", width: 6, alignRight: true),
      TableColumn("责任单位", width: area.width >= 110 ? 22 : 10), TableColumn("期限", width: 8),
    ]
    let rows = adjustments.map { a in
      let due = ListAdjustmentRules.due(a.record, calendar: context.calendar)
      let badge: TableCell =
        a.state == .open
        ? CountdownBadge.cell(due: due, context) : TableCell(a.state.title, style: .dim)
      return TableRow([
        TableCell(a.id), TableCell(a.record.list.title), TableCell(a.record.adjustedOn.iso),
        TableCell("\(a.settled.count)/\(a.record.items.count)"),
        TableCell(shortOrganisationName(a.record.organisation)), badge,
      ])
    }
    TableView.render(
      columns: columns, rows: rows,
      cursor: Self.visible(adjustmentCursor, count: rows.count, area: area),
      empty: "没有待更新的清单调整", into: &frame, area: area)
  }

  func renderMaterials(_ e: CatalogEditor, into frame: inout Frame, area: Rect) {
    frame.put(
      "申请材料: \(e.form.title)", x: area.x, y: area.y, maxWidth: area.width, style: .bold)
    let columns = [
      TableColumn("序号", width: 4, alignRight: true), TableColumn("材料名称", width: 16, flexible: true),
      TableColumn("形式", width: 12), TableColumn("份数", width: 4, alignRight: true),
      TableColumn("必要", width: 6), TableColumn("免提交", width: 6),
    ]
    let rows = e.materials.enumerated().map { i, m in
      TableRow([
        TableCell("\(i + 1)"), TableCell(m.name), TableCell(m.form.title), TableCell("\(m.copies)"),
        TableCell(m.required ? "必要" : "非必要"), TableCell(m.shared ? "是" : "否"),
      ])
    }
    let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 4)
    TableView.render(
      columns: columns, rows: rows,
      cursor: Self.visible(e.materialCursor, count: rows.count, area: table),
      empty: "还没有申请材料,按 F2 新增", into: &frame, area: table)
    let selected =
      e.materials.indices.contains(e.materialCursor.selected)
      ? e.materials[e.materialCursor.selected] : nil
    if let m = selected {
      frame.put(
        "\(m.name): \(m.summary)", x: area.x, y: area.maxY - 1, maxWidth: area.width, style: .dim)
    }
  }
}
