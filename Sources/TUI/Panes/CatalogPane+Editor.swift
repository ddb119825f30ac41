import Domain

/// The draft editor (its form and its materials list) and the list-adjustment form.
extension CatalogPane {
  /// Width the editor's paragraphs wrap to when moving up and down inside one.
  static let fieldWidth = 40

  mutating func handleEditor(_ key: Key, _ context: AppContext) -> Update<CatalogEffect> {
    guard var e = editor else { return .ignored }
    defer { if editor != nil { editor = e } }
    if e.section == .materials { return Update(handleMaterials(key, &e)) }
    if key == .function(3) {
      guard e.hasContent else { return .toast(.info("\(e.kind.title)只改变事项状态,不修改申请材料")) }
      e.section = .materials
      return .handled
    }
    if key == .function(6) { return Update(startNational(e)) }
    let before = e.form.focusedKey
    switch e.form.handle(key, fieldWidth: Self.fieldWidth) {
    case .none:
      if e.form.focusedKey != before { e.touched.insert(before) }
    case .edited(let k):
      e.dirty = true
      e.touched.insert(k)
      // The two limits are checked against each other: editing one re-checks both.
      if k == "legalDays" || k == "promisedDays" {
        e.touched.formUnion(["legalDays", "promisedDays"])
      }
    case .cancel:
      // A changed draft reaches here only after the workstation asked 放弃本次输入?.
      editor = nil
      return .toast(.info(e.dirty ? "已放弃未保存的修改" : "已取消"))
    case .submit:
      return saveEditor(&e)
    }
    e.refresh()
    return .handled
  }

  mutating func handleMaterials(_ key: Key, _ e: inout CatalogEditor) -> PaneResponse {
    switch Self.materialKeys.command(for: key, as: CatalogCommand.self) {
    case .move?:
      _ = e.materialCursor.handle(key, count: e.materials.count, page: 10)
    case .add?:
      materialIndex = nil
      flow.show(CatalogEditor.materialForm(nil), .material)
    case .edit?:
      guard e.materials.indices.contains(e.materialCursor.selected) else { return .handled }
      materialIndex = e.materialCursor.selected
      flow.show(CatalogEditor.materialForm(e.materials[e.materialCursor.selected]), .material)
    case .delete?:
      if let m = e.removeSelected() { return .toast(.info("已删除「\(m.name)」(保存草稿后生效)")) }
    case .up?: e.moveSelected(-1)
    case .down?: e.moveSelected(1)
    case .back?: e.section = .form
    default: break
    }
    return .handled
  }

  mutating func saveMaterial(_ form: Form) -> PaneResponse {
    guard var e = editor else { return .handled }
    switch e.material(from: form, replacing: materialIndex) {
    case .success(let m):
      e.save(m, at: materialIndex)
      editor = e
      flow.close()
      return .toast(.info((materialIndex == nil ? "已新增" : "已修改") + "材料「\(m.name)」"))
    case .failure(let p):
      return reopen(form, p, .material)
    }
  }

  /// The form shown again at the field in error, its message on the form's message line.
  mutating func reopen(_ form: Form, _ p: CatalogEditor.MaterialProblem, _ purpose: CatalogPurpose)
    -> PaneResponse
  {
    var form = form
    form.setError(p.key, p.message)
    form.focus(on: p.key)
    form.message = p.message
    flow.show(form, purpose)
    return .handled
  }

  /// F5: every field checked; the draft saved (a new case number, or the same draft updated).
  mutating func saveEditor(_ e: inout CatalogEditor) -> Update<CatalogEffect> {
    e.showAll = true
    let (proposal, problems) = e.build()
    e.refresh()
    guard let proposal else {
      if let first = e.form.firstError {
        e.form.focus(on: first)
        e.refresh()
      } else if let m = problems["materials"] {
        e.form.message = "申请材料: \(m)(按 F3 编辑)"
      }
      return .toast(.error("有\(problems.count)项需要修改,已在表单中标出"))
    }
    return .run(.perform(.saveDraft(proposal, existing: e.changeID)))
  }

  /// The draft was saved: the editor closes on the change's detail.
  mutating func draftSaved(_ id: String, _ message: String) -> Update<CatalogEffect> {
    editor = nil
    view = .changes
    return Update(.toast(.info(message)), [.reload(then: .open(.change(id)))])
  }

  /// The store refused the draft: the editor stays with everything typed, and the reason.
  mutating func draftRefused(_ message: String) -> Update<CatalogEffect> {
    editor?.form.message = message
    return .toast(.error(message))
  }

  /// F2 in 清单调整: record that a list was adjusted (第十条).
  mutating func startAdjustment(_ context: AppContext) -> PaneResponse {
    if let r = Permission.check(context.staff, .recordListAdjustment) ?? districtRefusal(context) {
      return .toast(.error(r.description))
    }
    let defaultOrg = organisations.first { $0.kind == .district }?.name
    var form = Form(
      title: "登记清单调整(\(ListAdjustmentRules.article): 调整后10个工作日内更新事项库)",
      fields: [
        .choice("list", "调整的清单", AdjustedList.allCases.map(\.title)),
        .text("adjustedOn", "调整日期", value: context.today.iso, max: 10, required: true),
        .text("document", "调整依据", max: 60, required: true, placeholder: "文件名称或文号"),
        .area("items", "涉及事项", max: 1000, lines: 2, required: true),
        .choice("organisation", "责任单位", organisations.map(\.name), value: defaultOrg),
        .area("description", "调整内容", max: 500, lines: 3),
      ])
    form.update("items") { $0.note = "事项编码,逗号或顿号分隔" }
    flow.show(form, .adjustment)
    return .handled
  }

  mutating func recordAdjustment(_ form: Form, _ context: AppContext) -> Update<CatalogEffect> {
    var form = form
    guard let date = CivilDate(iso: form["adjustedOn"]) else {
      form.setError("adjustedOn", "格式应为 YYYY-MM-DD")
      form.focus(on: "adjustedOn")
      flow.show(form, .adjustment)
      return .handled
    }
    let record = ListAdjustmentRecord.adjustment(
      of: AdjustedList(title: form["list"]) ?? .other, on: date,
      document: form["document"], description: form["description"],
      organisation: organisations.first { $0.name == form["organisation"] }?.code ?? "",
      codes: ListAdjustmentRules.parseCodes(form["items"]))
    return begin(.recordAdjustment(record))
  }
}
