import Domain
import Store

extension SupervisionPane {
  public func render(into frame: inout Frame, area: Rect, _ context: AppContext) {
    // Unanswered notices come first: a loaded page of nothing else may have more behind it
    // (shown as 200+), never a count of every notice.
    let unanswered = notices.filter { $0.reply == nil }.count
    var tabs = [
      ViewTab(key: "o", title: "期限总览"),
      ViewTab(
        key: "t", title: "督办通知", count: unanswered,
        more: unanswered == notices.count && !noticeQueue.exhausted),
      ViewTab(key: "r", title: "按时办结"), ViewTab(key: "a", title: "投诉分析"),
      ViewTab(key: "p", title: "一件事"),
    ]
    if Permission.check(context.staff, .spotCheck) == nil {
      tabs.append(ViewTab(key: "c", title: "抽查"))
    }
    let active: Int
    switch mode {
    case .board, .drill: active = 0
    case .notices, .notice: active = 1
    case .timeliness: active = 2
    case .complaints: active = 3
    case .packages: active = 4
    case .spotChecks, .spotItems: active = 5
    }
    ViewTabs.render(tabs, active: active, into: &frame, area: area)
    let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    if let problem {
      frame.put(problem, x: body.x, y: body.y, maxWidth: body.width, style: .danger)
    } else {
      switch mode {
      case .board: renderBoard(into: &frame, area: body, context)
      case .drill(let org): renderDrill(org, into: &frame, area: body, context)
      case .notices: renderNotices(into: &frame, area: body, context)
      case .notice: noticeView.render(into: &frame, area: body)
      case .spotChecks: renderChecks(into: &frame, area: body)
      case .spotItems(let id): renderItems(id, into: &frame, area: body)
      case .timeliness: renderTimeliness(into: &frame, area: body, context)
      case .complaints: renderComplaints(into: &frame, area: body, context)
      case .packages: renderPackages(into: &frame, area: body, context)
      }
    }
    if let overlay {
      frame.cursor = nil
      overlay.render(into: &frame, area: area)
    }
  }

  func table(
    _ columns: [TableColumn], _ rows: [TableRow], _ cursor: ListCursor, empty: String,
    into frame: inout Frame, area: Rect
  ) {
    var c = cursor
    c.clamp(count: rows.count, page: area.height - 1)
    TableView.render(
      columns: columns, rows: rows, cursor: c, focused: overlay == nil, empty: empty,
      into: &frame, area: area)
  }

  func renderBoard(into frame: inout Frame, area: Rect, _ context: AppContext) {
    let total = board.reduce((0, 0, 0, 0)) {
      ($0.0 + $1.overdue, $0.1 + $1.dueToday, $0.2 + $1.dueSoon, $0.3 + $1.open)
    }
    let head =
      "\(context.today.iso) 在办期限\(total.3)项: 已超期\(total.0) 今日到期\(total.1) 两日内\(total.2)"
    let used = frame.put(head, x: area.x, y: area.y, maxWidth: area.width, style: .bold)
    frame.put(
      "  排序: \(sort.title)", x: area.x + used, y: area.y, maxWidth: area.width - used, style: .dim)
    let columns = [
      TableColumn("单位", width: 10, flexible: true),
      TableColumn("已超期", width: 6, alignRight: true),
      TableColumn("今日到期", width: 8, alignRight: true),
      TableColumn("两日内", width: 6, alignRight: true),
      TableColumn("最长超期", width: 8, alignRight: true), TableColumn("阶段", width: 4),
      TableColumn("暂停", width: 4, alignRight: true), TableColumn("在办", width: 4, alignRight: true),
    ]
    let rows = board.map { o -> TableRow in
      let longest = o.oldestOverdue.map {
        context.calendar.countdown(today: context.today, due: $0)
      }
      let stage = longest.map { rules.escalation.stage($0) } ?? .none
      func count(_ n: Int, _ style: Style) -> TableCell {
        n == 0 ? TableCell("-", style: .dim) : TableCell(String(n), style: style)
      }
      return TableRow([
        TableCell(o.name), count(o.overdue, .danger), count(o.dueToday, .warning),
        count(o.dueSoon, .warning),
        longest.map { TableCell($0.label, style: .danger) } ?? TableCell("-", style: .dim),
        TableCell(stage.title, style: stage >= .reminder ? .danger : .warning),
        count(o.paused, .dim), count(o.open, .normal),
      ])
    }
    table(
      columns, rows, boardCursor, empty: "没有单位",
      into: &frame, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    )
  }

  func renderDrill(_ org: String, into frame: inout Frame, area: Rect, _ context: AppContext) {
    let o = board.first { $0.org == org }
    let head =
      "\(o?.name ?? org): 已超期\(o?.overdue ?? 0) 今日到期\(o?.dueToday ?? 0) 两日内\(o?.dueSoon ?? 0),按超期时间排列"
    frame.put(head, x: area.x, y: area.y, maxWidth: area.width, style: .bold)
    let wide = area.width >= 100
    var columns = [
      TableColumn("期限", width: 8), TableColumn("阶段", width: 4), TableColumn("类别", width: 8),
      TableColumn("编号", width: 15, key: true), TableColumn("期限类型", width: 8),
      TableColumn("标题", width: 10, flexible: true),
    ]
    if wide {
      columns += [
        TableColumn("状态", width: 12), TableColumn("经办", width: 6),
        TableColumn("截止日期", width: 10),
      ]
    }
    let rows = drillRows.map { r -> TableRow in
      let cd = context.calendar.countdown(today: context.today, due: r.due)
      let stage = r.paused ? EscalationStage.none : rules.escalation.stage(cd)
      var cells = [
        CountdownBadge.cell(cd, paused: r.paused),
        TableCell(stage.title, style: stage >= .reminder ? .danger : .warning),
        TableCell(CaseKindWording.title(r.kind)), TableCell(r.caseID),
        TableCell(CaseKindWording.purpose(r.purpose)), TableCell(r.title),
      ]
      if wide {
        cells += [
          TableCell(r.state), TableCell(r.handler.map { names[$0] ?? $0 } ?? "-"),
          TableCell(r.due.iso),
        ]
      }
      return TableRow(cells)
    }
    table(
      columns, rows, drillCursor, empty: "该单位没有在办期限",
      into: &frame, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    )
  }

  func renderNotices(into frame: inout Frame, area: Rect, _ context: AppContext) {
    // On a narrow pane the method gives way to the title.
    let wide = area.width >= 100
    let columns =
      [TableColumn("回复期限", width: 8), TableColumn("文号", width: 16)]
      + (wide ? [TableColumn("方式", width: 8)] : [])
      + [
        TableColumn("案件", width: 15), TableColumn("标题", width: 8, flexible: true),
        TableColumn("状态", width: 8),
      ]
    let rows = notices.map { s -> TableRow in
      let badge: TableCell
      let state: String
      if let on = s.repliedOn {
        badge = TableCell("已回复", style: .dim)
        state = on <= s.replyDue ? "按期回复" : "逾期回复"
      } else {
        badge = CountdownBadge.cell(due: s.replyDue, context)
        state = "待回复"
      }
      return TableRow(
        [badge, TableCell(s.number)] + (wide ? [TableCell(s.method.title)] : [])
          + [TableCell(s.targetCase), TableCell(s.title), TableCell(state)])
    }
    table(columns, rows, noticeCursor, empty: "没有督办通知", into: &frame, area: area)
  }

  func renderChecks(into frame: inout Frame, area: Rect) {
    let columns = [
      TableColumn("编号", width: 16), TableColumn("办结期间", width: 21),
      TableColumn("样本/总数", width: 9), TableColumn("已检查", width: 6),
      TableColumn("抽取", width: 16, flexible: true),
    ]
    let rows = checks.map {
      TableRow([
        TableCell($0.id), TableCell("\($0.from.iso)~\($0.to.iso)"),
        // The sample drawn, not the size asked for: asking 5 of 1 draws the one (it showed 5/1).
        TableCell("\(min($0.size, $0.population))/\($0.population)"), TableCell("\($0.checked)"),
        TableCell("\($0.drawnOn.iso) \(names[$0.drawnBy] ?? $0.drawnBy) 种子\($0.seed)"),
      ])
    }
    table(columns, rows, checkCursor, empty: "还没有抽查,按 n 抽取", into: &frame, area: area)
  }

  func renderItems(_ id: String, into frame: inout Frame, area: Rect) {
    frame.put("抽查 \(id) 的样本", x: area.x, y: area.y, maxWidth: area.width, style: .bold)
    let columns = [
      TableColumn("编号", width: 15, key: true), TableColumn("标题", width: 10, flexible: true),
      TableColumn("结论", width: 6), TableColumn("意见", width: 16),
    ]
    let rows = items.map {
      TableRow([
        TableCell($0.caseID), TableCell($0.subject),
        TableCell(
          $0.verdict?.title ?? "未检查",
          style: $0.verdict == .fail ? .danger : ($0.verdict == nil ? .dim : nil)),
        TableCell($0.note ?? ""),
      ])
    }
    table(
      columns, rows, itemCursor, empty: "没有样本",
      into: &frame, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    )
  }
}
