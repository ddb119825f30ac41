import Domain
import Store

/// Keys while a form, picker or confirmation covers the pane, and what their answers do.
extension ComplaintsPane {
  mutating func handleOverlay(_ key: Key, _ ctx: AppContext) -> PaneResponse {
    guard let current = overlay else { return .ignored }
    switch current {
    case .form(var form, let purpose):
      switch form.handle(key, fieldWidth: 40) {
      case .submit: return submit(form, purpose, ctx)
      case .cancel:
        overlay = nil
        pending = nil
        return .toast(.info("已取消,未保存"))
      case .edited(let field):
        if purpose == "register" && (field == "urgency" || field == "org") {
          form.footer = registrationFooter(form, ctx)
        }
        overlay = .form(form, purpose: purpose)
      case .none: overlay = .form(form, purpose: purpose)
      }
      return .handled
    case .picker(var picker, let purpose):
      switch picker.handle(key) {
      case .cancelled:
        overlay = nil
        return .handled
      case .picked(let option): return picked(option, purpose, ctx)
      case .none, .filterChanged: overlay = .picker(picker, purpose: purpose)
      }
      return .handled
    case .confirm(let dialog):
      switch dialog.handle(key) {
      case .confirmed:
        guard let p = pending else {
          overlay = nil
          return .handled
        }
        return execute(p, ctx)
      case .cancelled:
        // Back to the form, everything typed still there.
        overlay = pending?.form
        pending = nil
        return .toast(.info("已取消"))
      case .none: return .handled
      }
    }
  }

  mutating func picked(_ option: Picker.Option, _ purpose: String, _ ctx: AppContext)
    -> PaneResponse
  {
    guard let c = detail?.complaint else {
      overlay = nil
      return .handled
    }
    switch purpose {
    case "dispatch":
      overlay = nil
      let until = ctx.calendar.deadline(receivedAt: ctx.today, workingDays: rules.returnWindow)
      confirm(
        "分派",
        [
          "把 \(c.id) 分派至\(option.label.split(separator: " ").first ?? "")?",
          // The window is counted in whole working days (第三十三条): the last day ends at
          // midnight, not at office closing, and the rule accepts a return until then.
          "该单位可在 \(until.iso) 当日结束前退回,逾期视为已受理(第三十三条)。",
        ],
        .complaint(.dispatch(org: option.id), id: c.id), done: "\(c.id) 已分派")
    case "rejectReason":
      pendingReason = RejectionReason(rawValue: option.id)
      var f = Form(
        title: "不予受理 \(c.id)", fields: [.area("note", "说明", max: 200, lines: 3)])
      f.footer = ["情形: \(option.label)"]
      overlay = .form(f, purpose: "reject")
    case "merge":
      overlay = nil
      confirm(
        "合并", ["把 \(c.id) 并入主件 \(option.id)?", "并入后随主件办理;主件办结时本件一并办结,单独答复和回访。可拆分恢复。"],
        .complaint(.merge(into: option.id), id: c.id), done: "\(c.id) 已并入 \(option.id)")
    default: overlay = nil
    }
    return .handled
  }

  /// Runs the confirmed step; a refusal puts the form back with the reason on it.
  mutating func execute(_ p: PendingStep, _ ctx: AppContext) -> PaneResponse {
    do {
      switch p.work {
      case .complaint(let step, let id): try service.perform(step, on: id, by: ctx.staff)
      case .supervise(let target, let method, let requirement, let days):
        _ = try service.issueSupervision(
          on: target, method: method, requirement: requirement, replyDays: days, by: ctx.staff)
      case .reply(let id, let text):
        try service.replySupervision(id: id, reply: text, by: ctx.staff)
      }
    } catch {
      // The refusal may come from a change made elsewhere: read the case again so the screen
      // shows where it stands now, and say so.
      let before = detail?.events.count
      reload(ctx)
      var message = CLI.message(for: error)
      if let c = detail?.complaint, let before, detail?.events.count != before {
        message += StaleNote.text(c.status.title)
      }
      if case .form(var f, let purpose) = p.form {
        f.message = message
        overlay = .form(f, purpose: purpose)
      } else {
        overlay = nil
      }
      pending = nil
      return .toast(.error(message))
    }
    overlay = nil
    pending = nil
    // The view is recorded now: the case read again comes with its content.
    if case .complaint(.viewContent, _) = p.work { detail?.revealed = true }
    reload(ctx)
    return .toast(.info(p.done))
  }
}
