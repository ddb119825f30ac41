import Domain
import Store

extension SupervisionPane {
  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    if overlay != nil { return handleOverlay(key, context) }
    guard let command = bindings.command(for: key) else { return .ignored }
    switch command {
    case "board", "notices", "checks", "timeliness": return switchTab(command, context)
    case "previousMonth": return changeMonth(by: -1, context)
    case "nextMonth": return changeMonth(by: 1, context)
    case "export": return startTimelinessExport()
    case "move": move(key, context)
    case "sort":
      sort = Sort(rawValue: (sort.rawValue + 1) % Sort.allCases.count) ?? .overdue
      // From the directory's order: re-sorting the shown order left 「单位顺序」 as it was.
      board = Self.sorted(boardAsRead, by: sort)
      return .toast(.info("按「\(sort.title)」排序"))
    case "drill":
      guard board.indices.contains(boardCursor.selected) else { return .handled }
      mode = .drill(org: board[boardCursor.selected].org)
      drillCursor = ListCursor()
      reload(context)
    case "back":
      switch mode {
      case .drill: mode = .board
      case .notice: mode = .notices
      case .spotItems: mode = .spotChecks
      default: break
      }
      reload(context)
    case "open":
      if mode == .notices {
        guard notices.indices.contains(noticeCursor.selected) else { return .handled }
        openNotice(notices[noticeCursor.selected].id, context)
        mode = .notice(id: notices[noticeCursor.selected].id)
      } else if mode == .spotChecks, checks.indices.contains(checkCursor.selected) {
        mode = .spotItems(id: checks[checkCursor.selected].id)
        itemCursor = ListCursor()
        reload(context)
      }
    case "scroll": _ = noticeView.handle(key, height: 10)
    case "supervise": return startSupervision(context)
    case "reply": return startReply(context)
    case "draw": return startDraw(context)
    case "verdict": return startVerdict(context)
    default: return .ignored
    }
    return .handled
  }

  mutating func switchTab(_ command: String, _ context: AppContext) -> PaneResponse {
    switch command {
    case "board": mode = .board
    case "notices": mode = .notices
    case "timeliness": mode = .timeliness
    default:
      if let r = Permission.check(context.staff, .spotCheck) {
        return refused(.spotCheck, r, context)
      }
      mode = .spotChecks
    }
    reload(context)
    return .handled
  }

  mutating func move(_ key: Key, _ context: AppContext) {
    switch mode {
    case .board: _ = boardCursor.handle(key, count: board.count, page: 10)
    case .drill(let org):
      _ = drillCursor.handle(key, count: drillRows.count, page: 10)
      drillRows +=
        (try? drillPaging.more(after: drillRows.count, selected: drillCursor.selected) {
          try service.deadlines(org: org, for: context.staff, offset: $0, limit: $1)
        }) ?? []
    case .notices: _ = noticeCursor.handle(key, count: notices.count, page: 10)
    case .spotChecks: _ = checkCursor.handle(key, count: checks.count, page: 10)
    case .spotItems: _ = itemCursor.handle(key, count: items.count, page: 10)
    case .notice: _ = noticeView.handle(key, height: 10)
    case .timeliness: _ = timelinessCursor.handle(key, count: timelinessRows.count, page: 10)
    }
  }

  /// 督办 from any line: the selected case, or on the board the organisation's oldest deadline.
  mutating func startSupervision(_ context: AppContext) -> PaneResponse {
    if let r = Permission.check(context.staff, .issueSupervision) {
      return .toast(.error(r.message))
    }
    var row: DeadlineRow?
    switch mode {
    case .board:
      guard board.indices.contains(boardCursor.selected) else { return .handled }
      let org = board[boardCursor.selected]
      row = (try? service.deadlines(org: org.org, for: context.staff, offset: 0, limit: 1))?.first
      if row == nil { return .toast(.error("\(org.name)没有在办的期限")) }
    case .drill:
      guard drillRows.indices.contains(drillCursor.selected) else { return .handled }
      row = drillRows[drillCursor.selected]
    default: return .ignored
    }
    guard let r = row else { return .handled }
    let target =
      ((try? service.supervisionTarget(caseID: r.caseID)) ?? nil)
      ?? SupervisionTarget(
        stream: r.stream, kind: r.kind, caseID: r.caseID, org: r.org,
        orgName: board.first { $0.org == r.org }?.name ?? r.org, title: r.title)
    pendingTarget = target
    overlay = .form(
      ComplaintsPane.supervisionForm(target, days: rules.value(RuleKey.supervisionReplyDays)),
      purpose: "supervise")
    return .handled
  }

  mutating func startReply(_ context: AppContext) -> PaneResponse {
    let selected: SupervisionRow?
    if case .notice(let id) = mode {
      selected = notices.first { $0.id == id }
    } else {
      selected =
        notices.indices.contains(noticeCursor.selected) ? notices[noticeCursor.selected] : nil
    }
    guard let s = selected else { return .toast(.info("没有选中督办通知")) }
    if let r = Permission.check(context.staff, .replySupervision, organisation: s.org) {
      return refused(.replySupervision, r, context)
    }
    if let at = s.repliedOn { return .toast(.error("\(s.number) 已于 \(at.iso) 回复")) }
    var f = Form(
      title: "回复督办 \(s.number)",
      fields: [.area("text", "回复内容", max: 1000, lines: 4, required: true)])
    f.footer = ["督办要求: \(s.requirement)", "回复期限: \(s.replyDue.iso)"]
    overlay = .form(f, purpose: "reply:\(s.id)")
    return .handled
  }

  mutating func startDraw(_ context: AppContext) -> PaneResponse {
    if let r = Permission.check(context.staff, .spotCheck) {
      return refused(.spotCheck, r, context)
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
        .text("from", "办结自", value: from.iso, max: 10, required: true, placeholder: "YYYY-MM-DD"),
        .text("to", "办结至", value: to.iso, max: 10, required: true, placeholder: "YYYY-MM-DD"),
        .text("size", "抽取数量", value: "5", max: 3, required: true), seed,
      ])
    f.footer = ["同一期间、数量和种子总能抽出同样的样本,抽取结果记入事件日志。"]
    overlay = .form(f, purpose: "draw")
    return .handled
  }

  mutating func startVerdict(_ context: AppContext) -> PaneResponse {
    guard case .spotItems = mode, items.indices.contains(itemCursor.selected) else {
      return .handled
    }
    let item = items[itemCursor.selected]
    if item.verdict != nil { return .toast(.error("\(item.caseID) 的抽查结论已记录")) }
    overlay = .form(
      Form(
        title: "抽查结论 \(item.caseID)",
        fields: [
          .choice("verdict", "结论", SpotCheckVerdict.allCases.map(\.title)),
          .text("note", "意见", max: 300),
        ]), purpose: "verdict:\(item.caseID)")
    return .handled
  }
}

extension SupervisionPane {
  /// Explains a refusal and records the attempt, as the store does for the refusals it meets.
  func refused(_ action: Action, _ r: Refusal, _ context: AppContext) -> PaneResponse {
    service.logRefusal(actor: context.staff.login, action: action, subject: nil, reason: r.message)
    return .toast(.error(r.message))
  }
}
