import Domain
import Store

extension SupervisionPane {
  mutating func update(_ key: Key, _ context: AppContext) -> Update<SupervisionEffect> {
    lastContext = context
    if flow.isOpen { return updateFlow(key, context) }
    guard let command = bindings.command(for: key, as: SupervisionCommand.self) else {
      return .ignored
    }
    switch command {
    case .board: return switchTab(to: .board)
    case .notices: return switchTab(to: .notices)
    case .timeliness: return switchTab(to: .timeliness)
    case .complaints: return switchTab(to: .complaints)
    case .packages: return switchTab(to: .packages)
    case .checks:
      if let r = Permission.check(context.staff, .spotCheck) { return refused(.spotCheck, r) }
      return switchTab(to: .spotChecks)
    case .grouping: return nextGrouping()
    case .previousMonth, .nextMonth:
      complaintsAllTime = false
      return changeMonth(by: command == .nextMonth ? 1 : -1, context)
    case .allTime: return toggleAllTime()
    case .export: return mode == .complaints ? startComplaintExport() : startTimelinessExport()
    case .move: return move(key)
    case .sort:
      sort = Sort(rawValue: (sort.rawValue + 1) % Sort.allCases.count) ?? .overdue
      // From the directory's order: re-sorting the shown order left 「单位顺序」 as it was.
      board = Self.sorted(boardAsRead, by: sort)
      return .toast(.info("按「\(sort.title)」排序"))
    case .drill:
      guard board.indices.contains(boardCursor.selected) else { return .handled }
      let org = board[boardCursor.selected].org
      mode = .drill(org: org)
      drill.filter = org
      drill.restart()
      return .run(.reload(then: .nothing))
    case .back:
      switch mode {
      case .drill: mode = .board
      case .notice: mode = .notices
      case .spotItems: mode = .spotChecks
      case .packages: mode = .board
      default: break
      }
      return .run(.reload(then: .nothing))
    case .open:
      if mode == .notices {
        guard let s = noticeQueue.selected else { return .handled }
        openNotice(s.id, context)
        mode = .notice(id: s.id)
      } else if mode == .spotChecks, checks.indices.contains(checkCursor.selected) {
        mode = .spotItems(id: checks[checkCursor.selected].id)
        itemCursor = ListCursor()
        return .run(.reload(then: .nothing))
      }
    case .scroll: _ = noticeView.handle(key, height: 10)
    case .supervise: return startSupervision(context)
    case .reply: return startReply(context)
    case .draw: return startDraw(context)
    case .verdict: return startVerdict(context)
    }
    return .handled
  }

  /// Keys while a form or confirmation covers the pane.
  mutating func updateFlow(_ key: Key, _ context: AppContext) -> Update<SupervisionEffect> {
    switch flow.handle(key, fieldWidth: 40) {
    case .handled, .edited, .picked: return .handled
    case .cancelled(let toast): return toast.map { .toast($0) } ?? .handled
    case .submitted(let form, let purpose): return submit(form, purpose, context)
    case .confirmed(let pending): return .run(.perform(pending.work))
    }
  }

  /// A tab's key: its view, read afresh.
  mutating func switchTab(to tab: Mode) -> Update<SupervisionEffect> {
    mode = tab
    return .run(.reload(then: .nothing))
  }

  mutating func move(_ key: Key) -> Update<SupervisionEffect> {
    switch mode {
    case .board: _ = boardCursor.handle(key, count: board.count, page: 10)
    case .drill:
      if let next = drill.move(key) { return .run(.readDrill(next)) }
    case .notices:
      if let next = noticeQueue.move(key) { return .run(.readNotices(next)) }
    case .spotChecks: _ = checkCursor.handle(key, count: checks.count, page: 10)
    case .spotItems: _ = itemCursor.handle(key, count: items.count, page: 10)
    case .notice: _ = noticeView.handle(key, height: 10)
    case .timeliness: _ = timelinessCursor.handle(key, count: timelinessRows.count, page: 10)
    case .complaints: break
    case .packages: _ = packageCursor.handle(key, count: packages.count, page: 10)
    }
    return .handled
  }

  /// 督办 from any line: the selected case, or on the board the organisation's oldest deadline.
  mutating func startSupervision(_ context: AppContext) -> Update<SupervisionEffect> {
    if let r = Permission.check(context.staff, .issueSupervision) {
      return .toast(.error(r.message))
    }
    switch mode {
    case .board:
      guard board.indices.contains(boardCursor.selected) else { return .handled }
      return .run(.oldestDeadline(board[boardCursor.selected]))
    case .drill:
      guard let row = drill.selected else { return .handled }
      return .run(.target(row))
    default: return .ignored
    }
  }

  mutating func startReply(_ context: AppContext) -> Update<SupervisionEffect> {
    let selected: SupervisionRow?
    if case .notice(let id) = mode {
      selected = notices.first { $0.id == id }
    } else {
      selected = noticeQueue.selected
    }
    guard let s = selected else { return .toast(.info("没有选中督办通知")) }
    if let r = Permission.check(context.staff, .replySupervision, organisation: s.org) {
      return refused(.replySupervision, r)
    }
    if let at = s.repliedOn { return .toast(.error("\(s.number) 已于 \(at.iso) 回复")) }
    var f = Form(
      title: "回复督办 \(s.number)",
      fields: [.area("text", "回复内容", max: 1000, lines: 4, required: true)])
    f.footer = ["督办要求: \(s.requirement)", "回复期限: \(s.replyDue.iso)"]
    flow.show(f, .reply(id: s.id))
    return .handled
  }

  mutating func startDraw(_ context: AppContext) -> Update<SupervisionEffect> {
    if let r = Permission.check(context.staff, .spotCheck) {
      return refused(.spotCheck, r)
    }
    let to = context.today.adding(days: -1)
    let from = to.firstOfMonth
    var seed = FormField.text(
      "seed", "随机种子", value: SpotCheckSampler.hex(UInt64.random(in: 1...UInt64.max)), max: 16,
      required: true)
    seed.note = "记入抽查记录"
    var f = Form(
      title: "抽查办结的投诉建议(第三十条)",
      fields: [
        .date("from", "办结自", value: from), .date("to", "办结至", value: to),
        .int("size", "抽取数量", range: SpotCheckSampler.sizeRange, value: 5), seed,
      ])
    f.footer = ["同一期间、数量和种子总能抽出同样的样本,抽取结果记入事件日志。"]
    flow.show(f, .draw)
    return .handled
  }

  mutating func startVerdict(_ context: AppContext) -> Update<SupervisionEffect> {
    guard case .spotItems = mode, items.indices.contains(itemCursor.selected) else {
      return .handled
    }
    let item = items[itemCursor.selected]
    if item.verdict != nil { return .toast(.error("\(item.caseID) 的抽查结论已记录")) }
    flow.show(
      Form(
        title: "抽查结论 \(item.caseID)",
        fields: [
          .choice("verdict", "结论", SpotCheckVerdict.self),
          .text("note", "意见", max: 300),
        ]), .verdict(caseID: item.caseID))
    return .handled
  }
}

extension SupervisionPane {
  /// Explains a refusal and records the attempt, as the store does for the refusals it meets.
  func refused(_ action: Action, _ r: Refusal) -> Update<SupervisionEffect> {
    Update<SupervisionEffect>.toast(.error(r.message)).then(.logRefusal(action, reason: r.message))
  }
}
