import Domain

/// 变更编辑器 — the form a catalog manager fills to draft a change, and its materials list.
///
/// Every keystroke re-checks the guide with the same rules the store applies (`problems`), so a
/// mistake shows beside its field while typing; nothing typed is ever lost by a check.
struct CatalogEditor: Equatable {
  enum Section: Equatable { case form, materials }

  let kind: ChangeKind
  /// The version in effect (nil for 开通).
  let base: CatalogItem?
  /// Set when editing a saved draft.
  let changeID: String?
  let baseVersion: Int?
  let organisations: [Organisation]
  /// 国家标准要素 as the draft carries them (the form has no fields for them yet): kept, so a
  /// 变更 of other elements never drops them.
  var national: NationalElements?
  var form: Form
  var materials: [Material]
  var materialCursor = ListCursor()
  var section: Section = .form
  /// Fields the clerk has been in: only these show errors until a save is tried.
  var touched: Set<String> = []
  var showAll = false
  var dirty = false

  static let yes = "是"
  static let no = "否"
  static let urgentYes = "是(立即生效,事后报备)"

  /// A new draft, or the saved draft `change` opened again.
  init(
    kind: ChangeKind, base: CatalogItem?, change: CatalogChange? = nil,
    organisations: [Organisation], defaultOrganisation: String
  ) {
    self.kind = kind
    self.base = base
    self.changeID = change?.id
    self.baseVersion = change.map { $0.baseVersion } ?? base?.version
    self.organisations = organisations
    let item = change?.proposed ?? base
    materials = item?.materials ?? []
    national = item?.national
    let reason = change?.reason ?? ""
    let urgent = change?.urgent ?? false
    let name = base.map { "\($0.name)(\($0.code))" } ?? change?.proposed.name ?? "新事项"
    let title =
      (change == nil ? "起草" : "修改草稿 \(change?.id ?? ""): ") + "\(kind.title) " + name
    var fields: [FormField] = []
    if kind == .open || kind == .modify {
      fields = Self.contentFields(
        item, isNew: kind == .open, organisations: organisations,
        defaultOrganisation: defaultOrganisation)
    }
    fields += [
      .area("reason", "变更说明", value: reason, max: 500, lines: 2, required: true),
      .choice(
        "urgent", "应急处置", [Self.no, Self.urgentYes], value: urgent ? Self.urgentYes : Self.no),
    ]
    form = Form(title: title, fields: fields)
    refresh()
  }

  var hasContent: Bool { kind == .open || kind == .modify }

  static func contentFields(
    _ i: CatalogItem?, isNew: Bool, organisations: [Organisation], defaultOrganisation: String
  ) -> [FormField] {
    let orgCode = i?.organisation ?? defaultOrganisation
    let orgName = organisations.first { $0.code == orgCode }?.name
    var f: [FormField] = []
    if isNew {
      f.append(
        .text(
          "code", "事项编码", value: i?.code ?? "", max: 24, required: true,
          placeholder: "如 SCJG-XK-009"))
    }
    f += [
      .text("name", "事项名称", value: i?.name ?? "", max: 60, required: true),
      .text(
        "aliases", "别名", value: (i?.aliases ?? []).joined(separator: "、"), max: 200,
        placeholder: "俗称,用顿号分隔,如 低保"),
      // 一件事 (第十九条): members and shared materials; empty for an item of one organisation.
      .text(
        "packageMembers", "一件事成员", value: (i?.package?.members ?? []).joined(separator: "、"),
        max: 300, placeholder: "成员事项编码,顿号分隔;普通事项留空"),
      .text(
        "packageShared", "共享材料",
        value: (i?.package?.sharedMaterials ?? []).joined(separator: "、"), max: 300,
        placeholder: "一件事的成员共同要求的材料名称"),
      .choice("type", "事项类型", ItemType.allCases.map(\.title), value: i?.type.title),
      .choice("organisation", "实施主体", organisations.map(\.name), value: orgName),
      .area("legalBasis", "设定依据", value: i?.legalBasis ?? "", max: 2000, lines: 2, required: true),
      .area("conditions", "受理条件", value: i?.conditions ?? "", max: 2000, lines: 2, required: true),
      .text("intermediaries", "中介服务", value: i?.intermediaries ?? "", max: 500, placeholder: "无"),
      .area("steps", "办理流程", value: i?.steps ?? "", max: 2000, lines: 2, required: true),
      .text(
        "legalDays", "法定时限", value: i.map { String($0.legalDays) } ?? "", max: 3, required: true),
      .text(
        "promisedDays", "承诺时限", value: i.map { String($0.promisedDays) } ?? "", max: 3,
        required: true),
      .text("fee", "收费标准", value: i?.fee ?? "不收费", max: 200, required: true),
      .text("result", "办理结果", value: i?.result ?? "", max: 60, required: true),
      .text("place", "办理地点", value: i?.place ?? "", max: 200, required: true),
      .text(
        "hours", "办理时间", value: i?.hours ?? "工作日 8:30-12:00, 14:30-18:00", max: 100,
        required: true),
      .text("phone", "咨询电话", value: i?.phone ?? "", max: 20, required: true),
      .choice(
        "fullyOnline", "全程网办", [no, yes], value: (i?.isFullyOnline ?? false) ? yes : no),
    ]
    return f
  }

  // MARK: - Building and checking

  /// What the form says, as a proposal, with every problem by field key (`materials` for the
  /// materials list, which is not a form field).
  func build() -> (proposal: ChangeProposal?, problems: [String: String]) {
    var problems: [String: String] = [:]
    let reason = form["reason"]
    if let p = FieldText.check(
      reason, field: "变更说明", required: true, maxLength: 500, multiline: true)
    {
      problems["reason"] = CatalogItem.stripField(p.message, "变更说明")
    }
    let urgent = form["urgent"] == Self.urgentYes
    guard hasContent else {
      guard let base else { return (nil, problems) }
      let p = CatalogChangeMachine.statusProposal(
        kind, current: base, reason: reason, urgent: urgent)
      return (problems.isEmpty ? p : nil, problems)
    }
    let item = self.item()
    for problem in item.problems(organisations: Set(organisations.map(\.code))).reversed() {
      problems[problem.field.rawValue] = problem.message
    }
    // The package element's problems show beside the members field.
    if let p = problems.removeValue(forKey: CatalogField.package.rawValue) {
      problems["packageMembers"] = p
    }
    if item.package == nil, !form["packageShared"].trimmingSpaces().isEmpty {
      problems["packageShared"] = "只有一件事(填写了成员事项)才有共享材料"
    }
    for key in ["legalDays", "promisedDays"] where Int(form[key]) == nil {
      problems[key] = form[key].isEmpty ? "不能为空" : "应为整数(工作日数)"
    }
    guard problems.isEmpty else { return (nil, problems) }
    return (
      ChangeProposal(kind, proposing: item, base: baseVersion, reason: reason, urgent: urgent),
      problems
    )
  }

  /// The guide as typed (numbers that do not parse become -1, which the limits check refuses).
  func item() -> CatalogItem {
    let org = organisations.first { $0.name == form["organisation"] }?.code ?? ""
    var i = CatalogItem(
      code: kind == .open ? form["code"].uppercased() : (base?.code ?? ""), name: form["name"],
      type: ItemType(title: form["type"]) ?? .licensing, organisation: org,
      legalBasis: form["legalBasis"], conditions: form["conditions"], materials: materials,
      intermediaries: form["intermediaries"], steps: form["steps"],
      legalDays: Int(form["legalDays"]) ?? -1, promisedDays: Int(form["promisedDays"]) ?? -1,
      fee: form["fee"], result: form["result"], place: form["place"], hours: form["hours"],
      phone: form["phone"], isFullyOnline: form["fullyOnline"] == Self.yes,
      status: base?.status ?? .active, national: national,
      aliases: Self.aliases(form["aliases"]),
      package: Self.package(form["packageMembers"], shared: form["packageShared"]))
    i = i.trimmed
    return i
  }

  /// Re-checks after an edit: errors beside the fields touched so far (all after a save was
  /// tried), the focused field's whole message on the form's message line, the materials summary
  /// in the footer.
  mutating func refresh() {
    let problems = build().problems
    for i in form.fields.indices {
      let key = form.fields[i].key
      let visible = showAll || touched.contains(key)
      form.fields[i].error = visible ? problems[key] : nil
    }
    form.update("legalDays") { $0.note = "个工作日" }
    form.update("promisedDays") { $0.note = "个工作日,0为即办" }
    let focused = form.focusedKey
    if let e = problems[focused], showAll || touched.contains(focused) {
      form.message = "「\(form.field(focused)?.label ?? "")」\(e)"
    } else if showAll, let first = form.firstError, let e = problems[first] {
      form.message = "「\(form.field(first)?.label ?? "")」\(e)"
    } else {
      form.message = nil
    }
    guard hasContent else {
      form.footer = []
      return
    }
    let names = materials.map(\.name).joined(separator: "、")
    var footer = [
      "申请材料 \(materials.count) 项(F3 编辑): " + (names.isEmpty ? "无" : names),
      "国家标准要素(F6 编辑): " + (national == nil ? "未填写" : "已填写"),
    ]
    if let m = problems["materials"], showAll || touched.contains("materials") || !materials.isEmpty
    {
      footer.append("申请材料: \(m)")
    }
    form.footer = footer
  }
}

extension CatalogItem {
  /// FieldText messages start with the field in 「」; beside the field that is noise.
  static func stripField(_ message: String, _ label: String) -> String {
    let prefix = "「\(label)」"
    return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
  }
}

extension CatalogEditor {
  /// 一件事 as typed: member codes (upper-cased) and shared material names, separated by 、 or
  /// commas; nil when no member is given (an item of one organisation).
  static func package(_ members: String, shared: String) -> ItemPackage? {
    guard let codes = aliases(members) else { return nil }
    return ItemPackage(
      members: codes.map { $0.uppercased() }, sharedMaterials: aliases(shared) ?? [])
  }

  /// 别名 as typed: separated by 、 or commas; nil when none.
  static func aliases(_ text: String) -> [String]? {
    let list = text.split(whereSeparator: { "、,,;;".contains($0) }).map {
      String($0).trimmingSpaces()
    }.filter { !$0.isEmpty }
    return list.isEmpty ? nil : list
  }
}
