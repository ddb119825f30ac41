import Domain
import Store

/// Keys: pure — each changes the pane and names the reads, steps and file writes to run.
extension RectificationPane {
  mutating func update(_ key: Key, _ context: AppContext) -> Update<RectificationEffect> {
    if flow.isOpen { return updateFlow(key, context) }
    switch mode {
    case .list: return updateList(key, context)
    case .detail: return updateDetail(key, context)
    case .stats: return updateStats(key, context)
    }
  }

  mutating func updateList(_ key: Key, _ context: AppContext) -> Update<RectificationEffect> {
    guard let command = Self.listKeys.command(for: key, as: ListCommand.self) else {
      return .ignored
    }
    switch command {
    case .move: return queue.moved(key, read: RectificationEffect.readPage)
    case .switchView:
      let all = views(context)
      let i = all.firstIndex(of: view) ?? 0
      queue.filter = all[(i + (key == .left ? all.count - 1 : 1)) % all.count]
      queue.restart()
      return .run(.reload(then: .nothing))
    case .open:
      guard let row = queue.selected else { return .toast(.info("当前视图没有案件")) }
      return open(row.id)
    case .search: return .run(.readAll)
    case .register:
      // Say so before the clerk fills in a form the store would refuse.
      if let refusal = Permission.check(context.staff, .registerRating) {
        return .toast(.error(refusal.description))
      }
      flow.show(registerForm(context), .register)
    case .statistics:
      mode = .stats
      return .run(.reload(then: .nothing))
    }
    return .handled
  }

  mutating func open(_ id: String) -> Update<RectificationEffect> {
    mode = .detail(id)
    detail = DetailView()
    return .run(.reload(then: .nothing))
  }

  mutating func updateDetail(_ key: Key, _ context: AppContext) -> Update<RectificationEffect> {
    guard let state = current else { return .ignored }
    if let work = Self.caseKeys.command(for: key, as: CaseWorkKey.self) {
      return startWork(work, state, context)
    }
    if let step = Self.caseKeys.command(for: key, as: RectificationStep.self) {
      guard availableSteps.contains(step) else {
        return .toast(.error(whyNot(step, state, context)))
      }
      flow.show(form(for: step, state, context), .step(step))
      return .handled
    }
    switch Self.caseKeys.command(for: key, as: CaseCommand.self) {
    case .scroll: _ = detail.handle(key, height: 15)
    case .back:
      mode = .list
      current = nil
      return .run(.reload(then: .nothing))
    case nil: return .ignored
    }
    return .handled
  }

  /// Why a step is not open to this clerk now, in words they can act on: the machine's reason
  /// (`RectificationMachine.availability`); when the case's phase is the reason, also the steps
  /// that are open now.
  func whyNot(_ step: RectificationStep, _ s: Rectification, _ context: AppContext) -> String {
    let reason = refusals[step]
    let open = availableSteps.map(\.title).joined(separator: "、")
    guard let reason, reason == RectificationMachine.phaseRefusal(s, step), !open.isEmpty else {
      return reason?.description ?? ""
    }
    return reason.description + ";现在可以: \(open)"
  }

  mutating func updateStats(_ key: Key, _ context: AppContext) -> Update<RectificationEffect> {
    guard let command = Self.statsKeys.command(for: key, as: StatsCommand.self) else {
      return .ignored
    }
    switch command {
    case .move:
      _ = statsCursor.handle(
        key, count: statsByItem ? itemStatistics.count : statistics.count, page: 10)
      return .handled
    case .previousMonth, .nextMonth:
      let base = period.from ?? context.today
      period = StatisticsPeriod.month(of: base.adding(months: command == .nextMonth ? 1 : -1))
    case .allTime:
      period = StatisticsPeriod()
    case .byItem:
      statsByItem.toggle()
      statsCursor = ListCursor()
    case .period:
      flow.show(periodForm(), .period)
      return .handled
    case .export:
      flow.show(exportForm(), .export)
      return .handled
    case .back:
      mode = .list
    }
    return .run(.reload(then: .nothing))
  }

  // MARK: - Overlays

  mutating func updateFlow(_ key: Key, _ context: AppContext) -> Update<RectificationEffect> {
    switch flow.handle(key, fieldWidth: 40) {
    case .handled: return .handled
    case .cancelled(let toast): return toast.map { .toast($0) } ?? .handled
    case .edited(let field, let purpose):
      let pane = self
      flow.updateForm { pane.formEdited(&$0, field: field, purpose: purpose) }
      return .handled
    case .submitted(let form, let purpose): return submit(form, purpose: purpose, context)
    case .picked(let option, .work(let p)):
      guard let s = current else { return .handled }
      flow.pickedWork(
        option, p, workSubject(s), purpose: { .work($0) },
        work: { RectificationWork(id: s.id, command: nil, caseWork: $0) })
      return .handled
    case .picked(let option, _): return open(option.id)
    case .confirmed(let pending): return .run(.perform(pending.work))
    }
  }
}
