import Domain
import Store

extension ComplaintsPane {
  public func render(into frame: inout Frame, area: Rect, _ context: AppContext) {
    guard Self.canUse(context.staff) else {
      frame.put(
        "投诉建议由窗口、经办和督办人员处理;\(context.staff.name)没有这些角色。", x: area.x, y: area.y,
        maxWidth: area.width, style: .dim)
      return
    }
    switch mode {
    case .list, .search: renderList(into: &frame, area: area, context)
    case .detail: renderCase(into: &frame, area: area, context)
    }
    if let overlay {
      frame.cursor = nil
      overlay.render(into: &frame, area: area)
    }
  }

  /// The view tabs with their counts; on a narrow pane they take two lines.
  func tabs(_ context: AppContext) -> [ViewTab] {
    Self.viewKeys.compactMap { v, key in
      if v == .all && !context.visibility.seesEveryOrganisation { return nil }
      let n = counts[v] ?? 0
      let cap = ComplaintFilter.searchCountCap
      return ViewTab(key: String(key), title: v.title, count: min(n, cap), more: n > cap)
    }
  }

  func renderTabs(into frame: inout Frame, area: Rect, _ context: AppContext) -> Int {
    let all = tabs(context)
    let active =
      all.firstIndex { $0.key == Self.viewKeys.first { $0.0 == view }.map { String($0.1) } } ?? 0
    let width = all.reduce(0) { $0 + DisplayWidth.of($1.label) + 3 }
    if width <= area.width {
      ViewTabs.render(all, active: active, into: &frame, area: area)
      return 1
    }
    let split = (all.count + 1) / 2
    ViewTabs.render(
      Array(all.prefix(split)), active: active < split ? active : -1, into: &frame, area: area)
    ViewTabs.render(
      Array(all.dropFirst(split)), active: active >= split ? active - split : -1, into: &frame,
      area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1))
    return 2
  }

  func filterSummary() -> String {
    var parts: [String] = []
    if let o = filter.org {
      parts.append(organisations.first { $0.code == o }?.name ?? o)
    }
    if let t = filter.type { parts.append(t.title) }
    if let u = filter.urgency { parts.append(u.title) }
    if let c = filter.channel { parts.append(c.title) }
    var text = parts.isEmpty ? "" : "筛选: " + parts.joined(separator: " ")
    if let s = filter.search { text += (text.isEmpty ? "" : "  ") + "搜索: \(s)" }
    return text
  }

  func renderList(into frame: inout Frame, area: Rect, _ context: AppContext) {
    var y = area.y + renderTabs(into: &frame, area: area, context)
    if mode == .search {
      let used = frame.put("搜索: ", x: area.x, y: y, style: .bold)
      // The hint gets its whole width; the field the rest (the hint used to be cut).
      let hint = "  Enter 搜索  Esc 取消" + (lastSearch.isEmpty ? "" : "  Up 上次搜索")
      let width = max(10, min(40, area.width - used - DisplayWidth.of(hint)))
      searchField.render(into: &frame, x: area.x + used, y: y, width: width, focused: true)
      frame.put(
        hint, x: area.x + used + width, y: y, maxWidth: area.maxX - area.x - used - width,
        style: .dim)
    } else {
      let summary = filterSummary()
      let total = "共\(rows.count)\(queue.exhausted ? "" : "+")件"
      if summary.isEmpty {
        frame.put("f 筛选  / 搜索", x: area.x, y: y, maxWidth: area.width, style: .dim)
      } else {
        frame.put(summary + "  (x 清除)", x: area.x, y: y, maxWidth: area.width - 10, style: .warning)
      }
      frame.put(total, x: area.maxX - DisplayWidth.of(total), y: y, style: .dim)
    }
    y += 1
    let table = Rect(x: area.x, y: y, width: area.width, height: area.maxY - y)
    if let problem {
      frame.put(problem, x: table.x, y: table.y, maxWidth: table.width, style: .danger)
      return
    }
    let wide = area.width >= 100
    var c = cursor
    c.clamp(count: rows.count, page: table.height - 1)
    TableView.render(
      columns: Self.columns(wide: wide), rows: rows.map { tableRow($0, wide: wide, context) },
      cursor: c, focused: mode == .list && overlay == nil,
      empty: "「\(view.title)」中没有案件", into: &frame, area: table)
  }

  static func columns(wide: Bool) -> [TableColumn] {
    if wide {
      return [
        TableColumn("期限", width: 8), TableColumn("阶段", width: 4),
        TableColumn("编号", width: 15, key: true),
        TableColumn("类型", width: 4), TableColumn("紧急程度", width: 8), TableColumn("渠道", width: 8),
        TableColumn("标题", width: 20, flexible: true), TableColumn("承办单位", width: 16),
        TableColumn("状态", width: 10), TableColumn("标记", width: 6),
      ]
    }
    return [
      TableColumn("期限", width: 8), TableColumn("阶段", width: 4),
      TableColumn("编号", width: 15, key: true),
      TableColumn("类型", width: 4), TableColumn("标题", width: 12, flexible: true),
      TableColumn("状态", width: 10),
    ]
  }

  /// 督 a 督办 awaits its reply, 密 confidential, 并N cases merged into it.
  static func marks(_ r: ComplaintRow) -> String {
    var m = ""
    if r.supervised { m += "督" }
    if r.confidentiality.isConfidential { m += "密" }
    if r.mergedCount > 0 { m += "并\(r.mergedCount)" }
    return m
  }

  func tableRow(_ r: ComplaintRow, wide: Bool, _ context: AppContext) -> TableRow {
    let badge = ComplaintFormat.badge(
      due: r.due, status: r.status, notCalledBack: r.notCalledBack, context)
    let stage = ComplaintFormat.stage(due: r.due, context, rules)
    if r.masked {
      // Outside the handling organisation a confidential case is its number and badge (第二十九条).
      let hidden = TableCell("保密事项", style: .dim)
      return TableRow(
        wide
          ? [badge, stage, TableCell(r.caseID), "", "", "", hidden, "", "", "密"]
          : [badge, stage, TableCell(r.caseID), "", hidden, ""])
    }
    let marks = Self.marks(r)
    let status = ComplaintFormat.statusText(r)
    if wide {
      let org = organisations.first { $0.code == r.handlingOrg }?.name ?? r.handlingOrg
      return TableRow([
        badge, stage, TableCell(r.caseID), TableCell(r.type.title), TableCell(r.urgency.title),
        TableCell(r.channel.title), TableCell(r.subject), TableCell(org), TableCell(status),
        TableCell(marks, style: r.supervised ? .danger : nil),
      ])
    }
    return TableRow([
      badge, stage, TableCell(r.caseID), TableCell(r.type.title), TableCell(r.subject),
      TableCell(marks.isEmpty ? status : "\(status) \(marks)"),
    ])
  }

  func renderCase(into frame: inout Frame, area: Rect, _ context: AppContext) {
    guard let d = detail else { return }
    let c = d.complaint
    var x = area.x
    x += frame.put(c.id + "  ", x: x, y: area.y, style: .bold)
    if let due = c.due {
      let cd = context.calendar.countdown(today: context.today, due: due)
      x += frame.put(cd.label, x: x, y: area.y, style: CountdownBadge.style(cd))
      let stage = rules.escalation.stage(cd)
      if stage != .none {
        x += frame.put(
          "  " + stage.title, x: x, y: area.y, style: stage >= .reminder ? .danger : .warning)
      }
    }
    let visible = d.content != .hidden
    let tail =
      "  " + (visible ? "\(c.registration.type.title)  \(ComplaintFormat.statusText(c))" : "保密")
      + (d.supervisions.contains { $0.reply == nil } ? "  督办待回复" : "")
    frame.put(tail, x: x, y: area.y, maxWidth: area.maxX - x, style: .bold)
    if visible {
      frame.put(
        c.isConfidential ? "(保密) " + c.registration.subject : c.registration.subject, x: area.x,
        y: area.y + 1, maxWidth: area.width)
    }
    d.view.render(
      into: &frame, area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
    )
  }
}
