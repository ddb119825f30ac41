import Domain
import Store

/// Keys of the detail views, and starting each step: a refusal comes before any typing.
extension CatalogPane {
  mutating func handleDetail(_ key: Key, _ context: AppContext) -> Update<CatalogEffect> {
    guard let binding = bindings.bindings.first(where: { $0.matches(key) }) else { return .ignored }
    // A change's own steps first: their names are the Domain's `CatalogChangeStep`s.
    if case .change? = subject, let step = binding.command(as: CatalogChangeStep.self) {
      return startStep(step, context)
    }
    guard let command = binding.command(as: CatalogCommand.self) else { return .ignored }
    switch (command, subject) {
    case (.scroll, _):
      _ = detail.handle(key, height: 16)
    case (.back, _):
      mode = .list
      subject = nil
      shownChange = nil
      stepRefusals = [:]
      return .run(.reload(then: .nothing))
    case (.older, .item(let code, _, _)?), (.newer, .item(let code, _, _)?):
      return .run(.versions(code: code, for: command == .older ? .older : .newer))
    case (.compare, .item(let code, _, _)?):
      return .run(.versions(code: code, for: .compare))
    case (.change, .item(let code, _, _)?):
      return startChange(code: code, context)
    case (.item, .change?):
      guard let c = shownChange else { return .handled }
      return .run(.detail(.item(code: c.itemCode, shown: nil, compare: nil), keepScroll: false))
    case (.close, .adjustment(let id)?):
      return startClose(id, context)
    default:
      return .ignored
    }
    return .handled
  }

  /// Why this operator cannot draft here, if they cannot (a role, or a township node).
  func draftRefusal(_ context: AppContext) -> Refusal? {
    if let r = Permission.check(context.staff, .draftCatalogChange) { return r }
    return districtRefusal(context)
  }

  func districtRefusal(_ context: AppContext) -> Refusal? {
    context.node.isDistrict
      ? nil : Refusal("事项库由区级节点统一维护,本节点(\(context.node.name))通过同步接收", article: "第十三条")
  }

  /// F2: 开通 a new item.
  mutating func startOpen(_ context: AppContext) -> PaneResponse {
    if let r = draftRefusal(context) { return .toast(.error(r.description)) }
    editor = CatalogEditor(
      kind: .open, base: nil, organisations: organisations,
      defaultOrganisation: context.staff.org)
    return .handled
  }

  /// F4: choose 变更 / 暂停 / 恢复 / 终止 for an item (once the item and its open change are read).
  mutating func startChange(code: String, _ context: AppContext) -> Update<CatalogEffect> {
    if let r = draftRefusal(context) { return .toast(.error(r.description)) }
    return .run(.changeKinds(code: code))
  }

  /// The kinds of change open for `item`, in a picker; or why none may be drafted now.
  mutating func chooseKind(_ item: CatalogItem?, pending other: String?, _ context: AppContext)
    -> PaneResponse
  {
    guard let item else { return .handled }
    if let r = ownershipRefusal(item.organisation, context) { return .toast(.error(r.message)) }
    let kinds = ChangeKind.available(for: item.status)
    guard !kinds.isEmpty else {
      return .toast(.error("事项「\(item.name)」已终止,不能再变更(第十二条)"))
    }
    if let other {
      return .toast(.error("事项「\(item.name)」已有未办结的变更申请 \(other),请先办结或撤回"))
    }
    let options = kinds.map { Picker.Option(id: $0.rawValue, label: Self.kindLabel($0)) }
    flow.pick(Picker(title: "起草变更: \(item.name)", options: options), .kind(item: item.code))
    return .handled
  }

  static func kindLabel(_ k: ChangeKind) -> String {
    switch k {
    case .open: return "开通 新事项"
    case .modify: return "变更 修改事项要素(材料、时限、流程等)"
    case .suspend: return "暂停 暂停受理新的申请"
    case .resume: return "恢复 恢复受理"
    case .terminate: return "终止 事项不再办理"
    case .batch: return "导入 事项库文件中的多个事项"
    }
  }

  /// Left/Right and d on an item: what its versions (read just now) allow.
  mutating func versionsRead(
    _ code: String, _ use: VersionUse, _ result: Result<[CatalogVersionInfo], any Error>
  ) -> Update<CatalogEffect> {
    guard case .item(let shownCode, let shown, let compare)? = subject, shownCode == code else {
      return .handled
    }
    let versions: [CatalogVersionInfo]
    switch result {
    case .success(let v): versions = v
    case .failure(let error): return .toast(.error(CLI.message(for: error)))
    }
    guard use == .compare else {
      let numbers = versions.map(\.version)
      let at = shown ?? numbers.last ?? 1
      let next = use == .older ? numbers.last { $0 < at } : numbers.first { $0 > at }
      guard let next else {
        return .toast(.info(use == .older ? "已是最早的版本" : "已是现行版本"))
      }
      let item = Subject.item(code: code, shown: next, compare: compare == next ? nil : compare)
      return .run(.detail(item, keepScroll: false))
    }
    let at = shown ?? versions.last?.version
    let others = versions.filter { $0.version != at }.reversed()
    guard !others.isEmpty else { return .toast(.info("只有一个版本,没有可对比的版本")) }
    let options = others.map {
      Picker.Option(
        id: String($0.version),
        label: "第\($0.version)版 \($0.effectiveOn?.iso ?? "") \($0.kind.title) \($0.changeID)")
    }
    flow.pick(Picker(title: "与第\(at ?? 0)版对比", options: Array(options)), .compare(item: code))
    return .handled
  }

  /// A step on the change on screen: checked first (by the machine, with the change as read),
  /// then a form or a confirmation.
  mutating func startStep(_ step: CatalogChangeStep, _ context: AppContext)
    -> Update<CatalogEffect>
  {
    guard let c = shownChange else { return .handled }
    if let r = stepRefusals[step] { return .toast(.error(r.description)) }
    let what = "\(c.id) \(c.kind.title) \(c.itemsTitle)"
    switch step {
    case .edit:
      return .run(.editDraft(c))
    case .submit:
      let lines =
        c.urgent
        ? [
          "应急处置: 提交后立即生效,不经审核和系统测试。", "生效后须向政务服务管理部门报备(第十二条),报备前在变更申请中显示为「待报备」。",
        ]
        : ["提交后由另一名事项管理员或督办人员审核,审核通过并经系统测试后生效(第十二条)。"]
      flow.confirm("提交申请 \(what)", lines, .step(.submit, on: c.id), done: "")
    case .approve:
      let lines =
        c.items.map { ["通过后导入的\($0.count)个事项全部立即生效为新版本;退回则都不生效。"] }
        ?? ["通过后进入系统测试,测试通过即生效为新版本。"]
      flow.confirm("审核通过 \(what)", lines, .step(.approve(note: ""), on: c.id), done: "")
    case .sendBack:
      flow.show(noteForm("退回变更申请 \(c.id)", "退回原因"), .sendBack)
    case .test:
      var form = Form(
        title: "系统测试 \(what)",
        fields: [
          .choice("result", "测试结果", ["通过", "不通过"]),
          .area("note", "测试说明", max: 500, lines: 3, required: true),
        ])
      form.update("result") { $0.note = "通过即生效" }
      flow.show(form, .test)
    case .file:
      flow.show(noteForm("报备应急变更 \(c.id)", "报备说明"), .file)
    case .withdraw:
      flow.show(noteForm("撤回变更申请 \(c.id)", "撤回原因"), .withdraw)
    case .draft: break  // availability refuses it: the change exists.
    }
    return .handled
  }

  /// x: 核销 a list adjustment whose remaining items need no update (once it is read again).
  mutating func startClose(_ id: String, _ context: AppContext) -> Update<CatalogEffect> {
    if let r = Permission.check(context.staff, .recordListAdjustment) ?? districtRefusal(context) {
      return .toast(.error(r.description))
    }
    return .run(.closable(id: id))
  }

  /// The adjustment as read just now: the 核销 form, or why it cannot be closed.
  mutating func askClose(_ id: String, _ result: Result<ListAdjustment?, any Error>)
    -> PaneResponse
  {
    switch result {
    case .failure(let error): return .toast(.error(CLI.message(for: error)))
    case .success(let a):
      if let r = ListAdjustmentRules.checkClose(a, reason: "-") { return .toast(.error(r.message)) }
      flow.show(noteForm("核销清单调整 \(id)(剩余事项无需更新)", "核销原因"), .close)
      return .handled
    }
  }

  func noteForm(_ title: String, _ label: String) -> Form {
    Form(title: title, fields: [.area("note", label, max: 500, lines: 3, required: true)])
  }
}
