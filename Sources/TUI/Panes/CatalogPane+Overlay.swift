import Domain

/// A step on a change or a list adjustment, as the pane asks the store for it.
enum CatalogWork: Equatable, Sendable {
  case step(CatalogChangeCommand, on: String)
  /// A draft saved from the editor: a new change, or the same draft updated.
  case saveDraft(ChangeProposal, existing: String?)
  case recordAdjustment(ListAdjustmentRecord)
  case closeAdjustment(String, reason: String)
}

/// Pickers, forms and confirmations over the pane, and what their answers do.
extension CatalogPane {
  mutating func handleOverlay(_ key: Key, _ context: AppContext) -> Update<CatalogEffect> {
    var confirming = false
    if case .confirm? = flow.overlay { confirming = true }
    switch flow.handle(key, fieldWidth: 40) {
    case .handled, .edited: return .handled
    case .cancelled:
      // A form or picker closes quietly; a confirmation says so (its form, if any, comes back).
      return confirming ? .toast(.info("已取消")) : .handled
    case .confirmed(let p): return .run(.perform(p.work))
    case .picked(let option, let purpose): return picked(option, purpose: purpose, context)
    case .submitted(var form, let purpose):
      form.clearErrors()
      guard form.checkRequired() else {
        if let first = form.firstError { form.focus(on: first) }
        form.message = "请填写标 * 的项目"
        flow.show(form, purpose)
        return .handled
      }
      return submitted(form, purpose: purpose, context)
    }
  }

  mutating func picked(_ option: Picker.Option, purpose: CatalogPurpose, _ context: AppContext)
    -> Update<CatalogEffect>
  {
    if case .compare(let code) = purpose, let v = Int(option.id),
      case .item(_, let shown, _)? = subject
    {
      return .run(.detail(.item(code: code, shown: shown, compare: v), keepScroll: false))
    }
    guard case .kind(let code) = purpose, let k = ChangeKind(rawValue: option.id) else {
      return .handled
    }
    return .run(.draftKind(code: code, k))
  }

  /// A filled overlay form: act on it, or put it back with the reason and every value kept.
  mutating func submitted(_ form: Form, purpose: CatalogPurpose, _ context: AppContext)
    -> Update<CatalogEffect>
  {
    let id: String = {
      switch subject {
      case .change(let id)?, .adjustment(let id)?: return id
      default: return ""
      }
    }()
    let note = form["note"]
    switch purpose {
    case .material:
      return Update(saveMaterial(form))
    case .national:
      return Update(saveNational(form))
    case .adjustment:
      return recordAdjustment(form, context)
    case .sendBack:
      return begin(.step(.sendBack(reason: note), on: id))
    case .file:
      return begin(.step(.file(note: note), on: id))
    case .test:
      let passed = form["result"] == "通过"
      flow.confirm(
        passed ? "系统测试通过" : "系统测试未通过",
        passed
          ? ["变更立即生效为新版本。", "原版本保留在版本记录中,按原版本登记的办件仍按原版本办理。"]
          : ["变更申请退回起草人修改后重新提交。"], .step(.recordTest(passed: passed, note: note), on: id),
        done: "")
    case .withdraw:
      flow.confirm(
        "撤回变更申请 \(id)", ["撤回后不能恢复,如需变更须重新起草。"], .step(.withdraw(reason: note), on: id),
        done: "")
    case .close:
      flow.confirm(
        "核销清单调整 \(id)", ["剩余未更新的事项将不再计入期限。"], .closeAdjustment(id, reason: note),
        done: "")
    case .kind, .compare:
      flow.close()
    }
    return .handled
  }

  /// A form's step taken at once (F5 is confirmation enough); the form waits for the answer.
  mutating func begin(_ work: CatalogWork) -> Update<CatalogEffect> {
    flow.begin(work, done: "")
    return .run(.perform(work))
  }

  /// What the clerk is told once `work` is done (`outcome`: what the store answered).
  func done(_ work: CatalogWork, _ outcome: CatalogOutcome, _ context: AppContext) -> String {
    let after: CatalogChange?
    if case .change(let c) = outcome { after = c } else { after = nil }
    switch work {
    case .step(.submit, let id):
      if let c = after, c.stage == .awaitingFiling {
        return "应急变更已生效为第\(c.resultVersion ?? 0)版,请尽快报备(第十二条)"
      }
      return "已提交 \(id),等待审核"
    case .step(.approve, let id):
      if let items = after?.items { return "审核通过 \(id),导入的\(items.count)个事项已全部生效" }
      return "审核通过 \(id),等待系统测试"
    case .step(.recordTest(let passed, _), _):
      return passed
        ? "测试通过,\(after?.proposed.name ?? "") 第\(after?.resultVersion ?? 0)版已生效" : "测试未通过,已退回起草人"
    case .step(.withdraw, let id): return "已撤回 \(id)"
    case .step(.sendBack, let id):
      if let items = after?.items { return "已退回 \(id),导入的\(items.count)个事项都不生效(未通过审核)" }
      return "已退回 \(id),起草人修改后可再次提交"
    case .step(.file, let id): return "已报备 \(id)"
    case .step(_, let id): return "已保存草稿 \(id),按 s 提交申请"
    case .saveDraft(_, let existing):
      if case .id(let id) = outcome { return "已保存草稿 \(id),按 s 提交申请" }
      return "已保存草稿 \(existing ?? ""),按 s 提交申请"
    case .recordAdjustment(let record):
      let id: String
      if case .id(let i) = outcome { id = i } else { id = "" }
      let due = ListAdjustmentRules.due(record, calendar: context.calendar)
      return "已登记 \(id),须在 \(due.iso) 前更新事项库(第十条)"
    case .closeAdjustment(let id, _): return "已核销 \(id)"
    }
  }
}
