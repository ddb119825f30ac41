import Domain

/// 国家标准要素 (GB/T 39046 table 4) in the draft editor (F6): the code tables of Domain/National
/// as choices, the lists (服务对象, 办理形式) typed as names from their table, checked by the same
/// rules the store applies (`NationalElements.problems`).
extension CatalogEditor {
  static let unset = "未填写"
  static let byItemType = "按事项类型"

  /// The form of the elements, filled from the draft's (empty ones when it has none).
  static func nationalForm(_ elements: NationalElements?) -> Form {
    let n = elements ?? NationalElements()
    func names<T: NationalCodeTable>(_: T.Type) -> [String] { T.allCases.map(\.name) }
    func yn(_ b: Bool) -> String { b ? yes : no }
    func list<T: NationalCodeTable>(_ values: [T]) -> String {
      values.map(\.name).joined(separator: "、")
    }
    var form = Form(
      title: "国家标准要素(GB/T 39046 表4)",
      fields: [
        .text("basicCode", "基本编码", value: n.basicCode, max: 12, placeholder: "省级赋码后填写"),
        .text("implementationCode", "实施编码", value: n.implementationCode, max: 36),
        .choice(
          "matterType", "国标事项类型", [byItemType] + names(MatterType.self),
          value: n.matterType?.name ?? byItemType),
        .choice(
          "exerciseLevel", "行使层级", [unset] + names(ExerciseLevel.self),
          value: n.exerciseLevel?.name ?? unset),
        .choice(
          "implementerNature", "实施主体性质", [unset] + names(ImplementerNature.self),
          value: n.implementerNature?.name ?? unset),
        .text(
          "serviceTargets", "服务对象", value: list(n.serviceTargets), max: 100,
          placeholder: names(ServiceTarget.self).joined(separator: "、")),
        .text(
          "handlingForms", "办理形式", value: list(n.handlingForms), max: 100,
          placeholder: names(HandlingForm.self).joined(separator: "、")),
        .choice(
          "scope", "通办范围", [unset] + names(CrossRegionScope.self),
          value: n.scope?.name ?? unset),
        .choice("charged", "是否收费", [no, yes], value: yn(n.charged)),
        .area("feeBasis", "收费依据", value: n.feeBasis, max: 1000, lines: 2),
        .text("quantityLimit", "数量限制", value: n.quantityLimit, max: 200, placeholder: "无"),
        .text("jointDepartments", "共同实施部门", value: n.jointDepartments, max: 200),
        .text("consultation", "咨询方式", value: n.consultation, max: 200),
        .text("supervisionPhone", "监督电话", value: n.supervisionPhone, max: 18),
        .choice("appointment", "支持预约办理", [no, yes], value: yn(n.appointment)),
        .choice("onlinePayment", "支持网上支付", [no, yes], value: yn(n.onlinePayment)),
        .choice("express", "支持物流快递", [no, yes], value: yn(n.express)),
        .text("onlineAddress", "网办地址", value: n.onlineAddress, max: 200),
        .area("faq", "常见问题", value: n.faq, max: 1000, lines: 3),
      ])
    form.update("serviceTargets") { $0.note = "顿号分隔" }
    form.update("handlingForms") { $0.note = "顿号分隔" }
    form.footer = ["F5 保存(随草稿保存) Esc 返回"]
    return form
  }

  /// The elements a filled form states, or the field in error and why (the names of a list
  /// against their table; the rest as the store checks them, for the item's type).
  static func national(from form: Form, type: ItemType) -> Result<
    NationalElements, MaterialProblem
  > {
    func pick<T: NationalCodeTable>(_ key: String, _: T.Type) -> T? { T.named(form[key]) }
    func list<T: NationalCodeTable>(_ key: String, _: T.Type, _ label: String) -> Result<
      [T], MaterialProblem
    > {
      var out: [T] = []
      for part in Self.aliases(form[key]) ?? [] {
        guard let v = T.named(part) else {
          return .failure(
            MaterialProblem(
              key: key,
              message: "\(label)「\(part)」不在代码表中,应为 "
                + T.allCases.map(\.name).joined(separator: "、") + " 之一"))
        }
        out.append(v)
      }
      return .success(out)
    }
    let targets: [ServiceTarget]
    let forms: [HandlingForm]
    switch (
      list("serviceTargets", ServiceTarget.self, "服务对象"),
      list("handlingForms", HandlingForm.self, "办理形式")
    ) {
    case (.failure(let p), _), (_, .failure(let p)): return .failure(p)
    case (.success(let t), .success(let f)):
      targets = t
      forms = f
    }
    let n = NationalElements(
      basicCode: form["basicCode"], implementationCode: form["implementationCode"],
      matterType: pick("matterType", MatterType.self),
      exerciseLevel: pick("exerciseLevel", ExerciseLevel.self),
      implementerNature: pick("implementerNature", ImplementerNature.self),
      serviceTargets: targets, handlingForms: forms, scope: pick("scope", CrossRegionScope.self),
      charged: form["charged"] == yes, feeBasis: form["feeBasis"],
      quantityLimit: form["quantityLimit"], jointDepartments: form["jointDepartments"],
      consultation: form["consultation"], supervisionPhone: form["supervisionPhone"],
      appointment: form["appointment"] == yes, onlinePayment: form["onlinePayment"] == yes,
      express: form["express"] == yes, onlineAddress: form["onlineAddress"], faq: form["faq"])
    if let problem = n.problems(type: type).first {
      return .failure(MaterialProblem(key: nationalKey(of: problem), message: problem))
    }
    return .success(n)
  }

  /// The form field a problem of `NationalElements.problems` is about (its message names it).
  static func nationalKey(of problem: String) -> String {
    let labels: [(String, String)] = [
      ("基本编码", "basicCode"), ("实施编码", "implementationCode"), ("国标事项类型", "matterType"),
      ("服务对象", "serviceTargets"), ("办理形式", "handlingForms"), ("收费", "feeBasis"),
      ("数量限制", "quantityLimit"), ("共同实施部门", "jointDepartments"), ("咨询方式", "consultation"),
      ("网办地址", "onlineAddress"), ("常见问题", "faq"), ("监督电话", "supervisionPhone"),
    ]
    return labels.first { problem.contains($0.0) }?.1 ?? "basicCode"
  }
}
