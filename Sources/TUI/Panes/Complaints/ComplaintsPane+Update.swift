import Domain
import Store

/// Keys: pure — each changes the pane and names the reads and steps to run.
extension ComplaintsPane {
  mutating func update(_ key: Key, _ context: AppContext) -> Update<ComplaintEffect> {
    guard Self.canUse(context.staff) else { return .ignored }
    lastContext = context
    if flow.isOpen { return updateFlow(key, context) }
    switch mode {
    case .list: return updateList(key, context)
    case .search: return updateSearch(key, context)
    case .detail: return updateCase(key, context)
    }
  }

  mutating func updateList(_ key: Key, _ context: AppContext) -> Update<ComplaintEffect> {
    guard let command = Self.listKeys.command(for: key, as: ListCommand.self) else {
      return .ignored
    }
    switch command {
    case .move: return queue.moved(key, read: ComplaintEffect.readPage)
    case .open:
      guard let row = selectedRow else { return .toast(.info("当前视图没有案件")) }
      return .run(.open(row.caseID))
    case .register: return startRegistration(context)
    case .search:
      queue.startSearch()
      mode = .search
    case .filter: flow.show(filterForm(), .filter)
    case .clear:
      queue.filter = ComplaintFilter()
      return .toast(.info("已清除筛选和搜索")).then(reloadEffect())
    case .view(let v):
      if v == .all && !context.visibility.seesEveryOrganisation {
        return .toast(.error("「全部」视图仅供督办人员使用;经办人员请用「本单位」"))
      }
      view = v
      queue.restart()
      return .run(reloadEffect())
    }
    return .handled
  }

  mutating func updateSearch(_ key: Key, _ context: AppContext) -> Update<ComplaintEffect> {
    switch queue.handleSearch(key) {
    case .typing: return .handled
    case .invalid(let message): return .toast(.error(message))
    case .cancelled:
      mode = .list
      return .handled
    case .applied(let text):
      queue.filter.search = text
      mode = .list
      // The count is known once the list is read again: the message is made then.
      return .run(reloadEffect(.searched(text)))
    }
  }

  mutating func updateCase(_ key: Key, _ context: AppContext) -> Update<ComplaintEffect> {
    guard let d = detail else {
      mode = .list
      return .handled
    }
    if let work = Self.caseKeys.command(for: key, as: CaseWorkKey.self) {
      return startWork(work, d.complaint, context)
    }
    guard let command = Self.caseKeys.command(for: key, as: CaseCommand.self) else {
      return .ignored
    }
    switch command {
    case .back:
      mode = .list
      detail = nil
      return .run(reloadEffect())
    case .scroll:
      var v = d.view
      _ = v.handle(key, height: 10)
      detail?.view = v
      return .handled
    default:
      if let r = refusal(command, d.complaint, context.staff, context.today, context.calendar) {
        let toast = Update<ComplaintEffect>.toast(.error(r.description))
        guard let action = command.action else { return toast }
        return toast.then(
          .logRefusal(
            action, subject: ComplaintMachine.stream(d.complaint.id), reason: r.description))
      }
      return startStep(command, d.complaint, context)
    }
  }

  /// Keys while a form, picker or confirmation covers the pane.
  mutating func updateFlow(_ key: Key, _ ctx: AppContext) -> Update<ComplaintEffect> {
    switch flow.handle(key, fieldWidth: 40) {
    case .handled: return .handled
    case .cancelled(let toast): return toast.map { .toast($0) } ?? .handled
    case .edited(let field, let purpose):
      if purpose == .register && (field == "urgency" || field == "org") {
        let pane = self
        flow.updateForm { $0.footer = pane.registrationFooter($0, ctx) }
      }
      return .handled
    case .submitted(let form, let purpose): return submit(form, purpose, ctx)
    case .picked(let option, let purpose): return picked(option, purpose, ctx)
    case .confirmed(let pending): return .run(.perform(pending.work))
    }
  }
}
