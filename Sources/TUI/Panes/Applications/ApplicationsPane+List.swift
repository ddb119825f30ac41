import Domain
import Store

extension ApplicationsPane {
  mutating func handleList(_ key: Key, _ context: AppContext) -> Update<ApplicationEffect> {
    guard let command = Self.listKeys.command(for: key, as: ListCommand.self) else {
      return .ignored
    }
    switch command {
    case .move:
      _ = cursor.handle(key, count: rows.count, page: page)
      if needsMore { return .run(.more) }
    case .open:
      guard rows.indices.contains(cursor.selected) else { return .toast(.info("列表为空")) }
      return openCase(rows[cursor.selected].caseID)
    case .new:
      return openItemPicker()
    case .search:
      // A new search starts empty (the last one is one Up away), not appended to the old.
      searching = true
      if !search.isEmpty {
        lastSearch = search.text
        search.set("")
        cursor = ListCursor()
        return reloadFromTop()
      }
    case .sort:
      sort = sort == .timeLeft ? .registered : .timeLeft
      return Update(
        .toast(.info(sort == .timeLeft ? "按剩余时间排序" : "按登记时间排序(新的在前)")),
        reloadFromTop().effects)
    case .mine, .organisation, .closed, .all:
      let q = ApplicationQueue(rawValue: command.rawValue) ?? .mine
      if q == .all && !context.visibility.seesEveryOrganisation {
        return .toast(.error("只有督办人员可以查看全部办件"))
      }
      queue = q
      queueChosen = true
      cursor = ListCursor()
      return reloadFromTop()
    case .refresh:
      return Update(.toast(.info("已刷新")), [.recordDeemed])
    }
    return .handled
  }

  /// Results as you type: every key re-runs the search.
  mutating func handleSearch(_ key: Key, _ context: AppContext) -> Update<ApplicationEffect> {
    switch Self.searchKeys.command(for: key, as: SearchKeyCommand.self) {
    case .done?:
      searching = false
    case .clear?:
      searching = false
      if !search.isEmpty { lastSearch = search.text }
      search.set("")
      return reloadFromTop()
    case .recall?:
      // Up recalls only into an empty field; once there is text it moves the list as before.
      guard search.isEmpty, !lastSearch.isEmpty else { return handleList(key, context) }
      search.set(lastSearch)
      cursor = ListCursor()
      return reloadFromTop()
    case .move?:
      return handleList(key, context)
    default:
      if search.handle(key) {
        cursor = ListCursor()
        return reloadFromTop()
      }
    }
    return .handled
  }

  // MARK: - Render

  static let columns = [
    TableColumn("期限", width: 8), TableColumn("办件编号", width: 15, key: true),
    TableColumn("状态", width: 14),
    TableColumn("申请人", width: 8, flexible: true), TableColumn("事项", width: 10, flexible: true),
  ]

  /// The wide layout adds the masked identifiers and the registration date.
  static let wideColumns = [
    TableColumn("期限", width: 8), TableColumn("办件编号", width: 15, key: true),
    TableColumn("状态", width: 14),
    TableColumn("申请人", width: 12, flexible: true), TableColumn("证件号(脱敏)", width: 18),
    TableColumn("电话(脱敏)", width: 13), TableColumn("渠道", width: 4),
    TableColumn("事项", width: 12, flexible: true), TableColumn("登记", width: 10),
  ]

  func tabs(_ context: AppContext) -> [ViewTab] {
    var out = [
      ViewTab(key: "m", title: "我的", count: counts[.mine]),
      ViewTab(key: "o", title: "本单位", count: counts[.organisation]),
      ViewTab(key: "c", title: "已办结"),
    ]
    if context.visibility.seesEveryOrganisation {
      out.append(ViewTab(key: "a", title: "全部", count: counts[.all]))
    }
    return out
  }

  var tabIndex: Int {
    switch queue {
    case .mine: return 0
    case .organisation: return 1
    case .closed: return 2
    case .all: return 3
    }
  }

  func badge(_ r: ApplicationRow, _ context: AppContext) -> TableCell {
    guard r.status.isOpen else { return TableCell(r.status.title, style: .dim) }
    guard let due = r.due else { return TableCell("-") }
    return CountdownBadge.cell(due: due, paused: r.paused, context)
  }

  static func statusText(_ r: ApplicationRow) -> String {
    r.deemed && r.status == .accepted ? "视为受理" : r.statusText
  }

  func renderList(into frame: inout Frame, area: Rect, _ context: AppContext) {
    guard area.height > 6 else { return }
    ViewTabs.render(
      tabs(context), active: tabIndex, into: &frame,
      area: Rect(x: area.x, y: area.y, width: area.width, height: 1))
    // A search lists newest first whatever the order chosen (its index's order, issue 26).
    let sortLabel =
      !search.trimmed.isEmpty ? "搜索结果新的在前" : sort == .timeLeft ? "按剩余时间" : "按登记时间"
    let sw = DisplayWidth.of(sortLabel)
    if area.width > 50 {
      frame.put(sortLabel, x: area.maxX - sw, y: area.y, style: .dim)
    }
    let searchRow = area.y + 1
    if searching || !search.isEmpty {
      let label = "搜索: "
      frame.put(label, x: area.x, y: searchRow, style: .bold)
      search.render(
        into: &frame, x: area.x + 6, y: searchRow, width: min(40, area.width - 6),
        focused: searching)
    } else {
      frame.put(
        "/ 搜索办件编号、申请人姓名或证件号   F2 新建申请", x: area.x, y: searchRow, maxWidth: area.width,
        style: .dim)
    }
    let wide = area.width >= 120
    let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 4)
    if let loadError {
      frame.put(loadError, x: area.x, y: table.y, maxWidth: area.width, style: .danger)
      return
    }
    let cells = rows.map { r -> TableRow in
      let base: [TableCell] = [
        badge(r, context), TableCell(r.caseID), TableCell(Self.statusText(r)),
      ]
      if wide {
        return TableRow(
          base + [
            TableCell(r.applicantName), TableCell(r.maskedID), TableCell(r.maskedPhone),
            TableCell(r.channel.title), TableCell(r.itemName), TableCell(r.registeredOn.iso),
          ])
      }
      return TableRow(base + [TableCell(r.applicantName), TableCell(r.itemName)])
    }
    var c = cursor
    c.clamp(count: rows.count, page: table.height - 1)
    let empty =
      search.isEmpty
      ? (queue == .closed ? "(没有已办结的办件)" : "(没有待办的申请,按 F2 新建)") : "(没有匹配的办件)"
    TableView.render(
      columns: wide ? Self.wideColumns : Self.columns, rows: cells, cursor: c, empty: empty,
      into: &frame, area: table)
    renderPreview(into: &frame, y: area.maxY - 2, area: area, context)
  }

  /// Two lines about the selected row: identifiers masked, as in any list.
  func renderPreview(into frame: inout Frame, y: Int, area: Rect, _ context: AppContext) {
    guard rows.indices.contains(cursor.selected) else { return }
    let r = rows[cursor.selected]
    frame.put(
      "\(r.applicantName)  \(r.maskedID)  \(r.maskedPhone)", x: area.x, y: y, maxWidth: area.width,
      style: .bold)
    var second = "\(r.channel.title) \(r.registeredOn.iso)登记"
    if let due = r.due, r.status.isOpen {
      second += r.paused ? "  计时暂停" : "  期限 \(due.iso)"
    }
    if let closed = r.closedOn { second += "  \(closed.iso)\(r.status.title)" }
    second += "  \(r.itemName)"
    frame.put(second, x: area.x, y: y + 1, maxWidth: area.width, style: .dim)
  }
}
