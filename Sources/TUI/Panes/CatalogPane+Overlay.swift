import Domain

/// Pickers, forms and confirmations over the pane, and what their answers do.
extension CatalogPane {
  mutating func handleOverlay(_ key: Key, _ context: AppContext) -> PaneResponse {
    guard let current = overlay else { return .ignored }
    switch current {
    case .confirm(let dialog):
      switch dialog.handle(key) {
      case .none: return .handled
      case .cancelled:
        overlay = nil
        pending = nil
        return .toast(.info("已取消"))
      case .confirmed:
        overlay = nil
        return runPending(context)
      }
    case .picker(var picker, let purpose):
      switch picker.handle(key) {
      case .none, .filterChanged:
        overlay = .picker(picker, purpose: purpose)
        return .handled
      case .cancelled:
        overlay = nil
        return .handled
      case .picked(let option):
        overlay = nil
        return picked(option, purpose: purpose, context)
      }
    case .form(var form, let purpose):
      switch form.handle(key, fieldWidth: 40) {
      case .none, .edited:
        overlay = .form(form, purpose: purpose)
        return .handled
      case .cancel:
        overlay = nil
        return .handled
      case .submit:
        form.clearErrors()
        guard form.checkRequired() else {
          if let first = form.firstError { form.focus(on: first) }
          form.message = "请填写标 * 的项目"
          overlay = .form(form, purpose: purpose)
          return .handled
        }
        return submitted(form, purpose: purpose, context)
      }
    }
  }

  mutating func picked(_ option: Picker.Option, purpose: CatalogPurpose, _ context: AppContext)
    -> PaneResponse
  {
    if case .compare(let code) = purpose, let v = Int(option.id),
      case .item(_, let shown, _)? = subject
    {
      showDetail(.item(code: code, shown: shown, compare: v))
      return .handled
    }
    guard case .kind(let code) = purpose, let k = ChangeKind(rawValue: option.id) else {
      return .handled
    }
    do {
      guard let item = try service.catalogItem(code: code) else {
        return .toast(.error("事项\(code)不存在"))
      }
      editor = CatalogEditor(
        kind: k, base: item, organisations: organisations, defaultOrganisation: context.staff.org)
    } catch {
      return .toast(.error(CLI.message(for: error)))
    }
    return .handled
  }

  /// A filled overlay form: act on it, or put it back with the reason and every value kept.
  mutating func submitted(_ form: Form, purpose: CatalogPurpose, _ context: AppContext)
    -> PaneResponse
  {
    var form = form
    let id: String = {
      switch subject {
      case .change(let id)?, .adjustment(let id)?: return id
      default: return ""
      }
    }()
    let note = form["note"]
    do {
      switch purpose {
      case .material:
        return saveMaterial(form)
      case .adjustment:
        return try recordAdjustment(form, context)
      case .sendBack:
        let c = try service.perform(
          CatalogChangeCommand.sendBack(reason: note), on: id, as: context.staff
        ).after
        if let items = c.items {
          return finished("已退回 \(id),导入的\(items.count)个事项都不生效(未通过审核)")
        }
        return finished("已退回 \(id),起草人修改后可再次提交")
      case .file:
        try service.perform(CatalogChangeCommand.file(note: note), on: id, as: context.staff)
        return finished("已报备 \(id)")
      case .test:
        let passed = form["result"] == "通过"
        pending = .test(id, passed: passed, note: note)
        overlay = .confirm(
          ConfirmDialog(
            title: passed ? "系统测试通过" : "系统测试未通过",
            lines: passed
              ? ["变更立即生效为新版本。", "原版本保留在版本记录中,按原版本登记的办件仍按原版本办理。"]
              : ["变更申请退回起草人修改后重新提交。"], action: "test"))
      case .withdraw:
        pending = .withdraw(id, reason: note)
        overlay = .confirm(
          ConfirmDialog(title: "撤回变更申请 \(id)", lines: ["撤回后不能恢复,如需变更须重新起草。"], action: "withdraw"))
      case .close:
        pending = .close(id, reason: note)
        overlay = .confirm(
          ConfirmDialog(title: "核销清单调整 \(id)", lines: ["剩余未更新的事项将不再计入期限。"], action: "close"))
      case .kind, .compare:
        overlay = nil
      }
      return .handled
    } catch {
      let message = refusal(error)
      form.message = message
      overlay = .form(form, purpose: purpose)
      return .toast(.error(message))
    }
  }

  /// After a step: close the overlay, reload, say what happened.
  mutating func finished(_ message: String) -> PaneResponse {
    overlay = nil
    pending = nil
    reload()
    return .toast(.info(message))
  }

  mutating func runPending(_ context: AppContext) -> PaneResponse {
    guard let p = pending else { return .handled }
    pending = nil
    let staff = context.staff
    do {
      switch p {
      case .submit(let id):
        let c = try service.perform(CatalogChangeCommand.submit, on: id, as: staff).after
        if c.stage == .awaitingFiling {
          return finished("应急变更已生效为第\(c.resultVersion ?? 0)版,请尽快报备(第十二条)")
        }
        return finished("已提交 \(id),等待审核")
      case .approve(let id):
        let c = try service.perform(CatalogChangeCommand.approve(note: ""), on: id, as: staff)
          .after
        if let items = c.items {
          return finished("审核通过 \(id),导入的\(items.count)个事项已全部生效")
        }
        return finished("审核通过 \(id),等待系统测试")
      case .test(let id, let passed, let note):
        let c = try service.perform(
          CatalogChangeCommand.recordTest(passed: passed, note: note), on: id, as: staff
        ).after
        return finished(
          passed ? "测试通过,\(c.proposed.name) 第\(c.resultVersion ?? 0)版已生效" : "测试未通过,已退回起草人")
      case .withdraw(let id, let reason):
        try service.perform(CatalogChangeCommand.withdraw(reason: reason), on: id, as: staff)
        return finished("已撤回 \(id)")
      case .close(let id, let reason):
        try service.closeListAdjustment(id: id, reason: reason, by: staff)
        return finished("已核销 \(id)")
      }
    } catch {
      return .toast(.error(refusal(error)))
    }
  }

  /// A refused step on the change on screen may come from a change made elsewhere (another
  /// manager approved or withdrew it): read it again so the screen shows where it stands now, and
  /// say so.
  mutating func refusal(_ error: Error) -> String {
    var message = CLI.message(for: error)
    let before = shownChange
    reload()
    if case .change? = subject, let now = shownChange, let before, now.id == before.id,
      now != before
    {
      message += StaleNote.text(now.stage.title)
    }
    return message
  }
}
