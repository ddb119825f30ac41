import Domain
import Store

extension RectificationPane {
  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    if overlay != nil { return handleOverlay(key, context) }
    switch mode {
    case .list: return handleList(key, context)
    case .detail: return handleDetail(key, context)
    case .stats: return handleStats(key, context)
    }
  }

  mutating func handleList(_ key: Key, _ context: AppContext) -> PaneResponse {
    guard let command = Self.listKeys.command(for: key) else { return .ignored }
    switch command {
    case "move":
      _ = cursor.handle(key, count: rows.count, page: 10)
    case "switchView":
      let all = views(context)
      let i = all.firstIndex(of: view) ?? 0
      view = all[(i + (key == .left ? all.count - 1 : 1)) % all.count]
      cursor = ListCursor()
      return refreshed(context)
    case "open":
      guard rows.indices.contains(cursor.selected) else { return .toast(.info("当前视图没有案件")) }
      return open(rows[cursor.selected].id, context)
    case "search":
      do {
        let all = try service.rectifications(
          phase: nil, for: context.staff, offset: 0, limit: 1000)
        let options = all.map { r in
          let org = organisationNames[r.organisation] ?? r.organisation
          return Picker.Option(
            id: r.id,
            label: "\(r.id)  \(r.phase.title)  \(org)  \(FieldText.sanitizeForDisplay(r.itemName))",
            keywords: "\(r.organisation) \(r.channel)")
        }
        overlay = .picker(Picker(title: "查找差评整改案件", options: options), purpose: "open")
      } catch {
        return .toast(.error(CLI.message(for: error)))
      }
    case "register":
      // Say so before the clerk fills in a form the store would refuse.
      if let refusal = Permission.check(context.staff, .registerRating) {
        return .toast(.error(refusal.description))
      }
      overlay = .form(registerForm(context), purpose: Purpose.register.rawValue)
    case "statistics":
      mode = .stats
      return refreshed(context)
    default: return .ignored
    }
    return .handled
  }

  mutating func open(_ id: String, _ context: AppContext) -> PaneResponse {
    mode = .detail(id)
    detail = DetailView()
    return refreshed(context)
  }

  mutating func handleDetail(_ key: Key, _ context: AppContext) -> PaneResponse {
    guard let command = Self.caseKeys.command(for: key), let state = current else {
      return .ignored
    }
    if let step = RectificationStep(rawValue: command) {
      guard availableSteps.contains(step) else {
        return .toast(.error(whyNot(step, state, context)))
      }
      overlay = .form(form(for: step, state, context), purpose: step.rawValue)
      return .handled
    }
    switch command {
    case "scroll": _ = detail.handle(key, height: 15)
    case "back":
      mode = .list
      current = nil
      return refreshed(context)
    default: return .ignored
    }
    return .handled
  }

  /// Why a step is not open to this clerk now, in words they can act on: the machine's reason
  /// (`RectificationMachine.availability`); when the case's phase is the reason, also the steps
  /// that are open now.
  func whyNot(_ step: RectificationStep, _ s: Rectification, _ context: AppContext) -> String {
    let reason = service.availability(step, on: s, for: context.staff, at: context.now)
    let open = availableSteps.map(\.title).joined(separator: "、")
    guard let reason, reason == RectificationMachine.phaseRefusal(s, step), !open.isEmpty else {
      return reason?.description ?? ""
    }
    return reason.description + ";现在可以: \(open)"
  }

  mutating func handleStats(_ key: Key, _ context: AppContext) -> PaneResponse {
    guard let command = Self.statsKeys.command(for: key) else { return .ignored }
    switch command {
    case "move":
      _ = statsCursor.handle(key, count: statistics.count, page: 10)
      return .handled
    case "previousMonth", "nextMonth":
      let base = period.from ?? context.today
      period = StatisticsPeriod.month(of: base.adding(months: command == "nextMonth" ? 1 : -1))
    case "allTime":
      period = StatisticsPeriod()
    case "period":
      overlay = .form(periodForm(), purpose: Purpose.period.rawValue)
      return .handled
    case "export":
      overlay = .form(exportForm(), purpose: Purpose.export.rawValue)
      return .handled
    case "back":
      mode = .list
      return refreshed(context)
    default: return .ignored
    }
    return refreshed(context)
  }

  /// Reloads after a change of view, mode or data; a read failure becomes the toast.
  mutating func refreshed(_ context: AppContext, _ toast: Toast? = nil) -> PaneResponse {
    activate(context)
    if let loadError { return .toast(.error(loadError)) }
    if let toast { return .toast(toast) }
    return .handled
  }

  // MARK: - Overlays

  mutating func handleOverlay(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch overlay {
    case .form(var form, let purpose):
      switch form.handle(key, fieldWidth: 40) {
      case .cancel:
        overlay = nil
        return .toast(.info("已取消,未保存"))
      case .submit:
        return submit(form, purpose: purpose, context)
      case .edited(let field):
        formEdited(&form, field: field, purpose: purpose)
        overlay = .form(form, purpose: purpose)
      case .none:
        overlay = .form(form, purpose: purpose)
      }
      return .handled
    case .confirm(let dialog):
      switch dialog.handle(key) {
      case .confirmed:
        guard let p = pending else {
          overlay = nil
          return .handled
        }
        pending = nil
        return perform(p.command, form: p.form, purpose: p.purpose, context)
      case .cancelled:
        if let p = pending { overlay = .form(p.form, purpose: p.purpose) } else { overlay = nil }
        pending = nil
        return .toast(.info("已取消"))
      case .none:
        return .handled
      }
    case .picker(var picker, let purpose):
      switch picker.handle(key) {
      case .picked(let option):
        overlay = nil
        return open(option.id, context)
      case .cancelled:
        overlay = nil
      case .filterChanged, .none:
        overlay = .picker(picker, purpose: purpose)
      }
      return .handled
    case nil:
      return .handled
    }
  }
}
