import Domain

/// 申请材料 — adding, editing, moving and removing the materials of a draft.
extension CatalogEditor {
  static let requiredTitles = ["必要", "非必要(部分申请人提交)"]
  static let sharedTitles = ["否", "是(可通过数据共享获取)"]

  /// The small form for one material (new when `material` is nil).
  static func materialForm(_ material: Material?) -> Form {
    let m = material
    var form = Form(
      title: m == nil ? "新增申请材料" : "修改申请材料「\(m?.name ?? "")」",
      fields: [
        .text("name", "材料名称", value: m?.name ?? "", max: 80, required: true),
        .choice("form", "材料形式", MaterialForm.allCases.map(\.title), value: m?.form.title),
        .text("copies", "份数", value: String(m?.copies ?? 1), max: 2, required: true),
        .choice(
          "required", "是否必要", requiredTitles,
          value: (m?.required ?? true) ? requiredTitles[0] : requiredTitles[1]),
        .choice(
          "shared", "免提交", sharedTitles,
          value: (m?.shared ?? false) ? sharedTitles[1] : sharedTitles[0]),
        .text("note", "备注", value: m?.note ?? "", max: 100, placeholder: "如: 须在有效期内"),
      ])
    form.update("shared") { $0.note = "第二十六条" }
    return form
  }

  /// The material a filled form describes, or the field in error and why. `replacing` is the
  /// index being edited (its own name is not a duplicate).
  func material(from form: Form, replacing: Int?) -> Result<Material, MaterialProblem> {
    if let p = FieldText.check(form["name"], field: "材料名称", required: true, maxLength: 80) {
      return .failure(MaterialProblem(key: "name", message: p.message))
    }
    let name = form["name"]
    if materials.enumerated().contains(where: { $0.offset != replacing && $0.element.name == name })
    {
      return .failure(MaterialProblem(key: "name", message: "已有名为「\(name)」的材料"))
    }
    let shared = form["shared"] == Self.sharedTitles[1]
    let range = Material.copies(shared: shared)
    guard let copies = Int(form["copies"]), range.contains(copies) else {
      return .failure(
        MaterialProblem(key: "copies", message: "份数应为\(range.lowerBound)至\(range.upperBound)"))
    }
    if let p = FieldText.check(form["note"], field: "备注", required: false, maxLength: 100) {
      return .failure(MaterialProblem(key: "note", message: p.message))
    }
    return .success(
      Material(
        name: name, form: MaterialForm(title: form["form"]) ?? .original, copies: copies,
        required: form["required"] == Self.requiredTitles[0], shared: shared, note: form["note"]))
  }

  struct MaterialProblem: Error, Equatable {
    let key: String
    let message: String
  }

  /// Puts a checked material in place (appended when new) and selects it.
  mutating func save(_ m: Material, at index: Int?) {
    if let index, materials.indices.contains(index) {
      materials[index] = m
    } else {
      materials.append(m)
    }
    materialCursor.select(index ?? materials.count - 1, count: materials.count, page: 10)
    touched.insert("materials")
    dirty = true
    refresh()
  }

  mutating func removeSelected() -> Material? {
    guard materials.indices.contains(materialCursor.selected) else { return nil }
    let removed = materials.remove(at: materialCursor.selected)
    materialCursor.clamp(count: materials.count, page: 10)
    touched.insert("materials")
    dirty = true
    refresh()
    return removed
  }

  /// Moves the selected material up (-1) or down (+1): the order is the checklist's order.
  mutating func moveSelected(_ step: Int) {
    let i = materialCursor.selected
    let j = i + step
    guard materials.indices.contains(i), materials.indices.contains(j) else { return }
    materials.swapAt(i, j)
    materialCursor.select(j, count: materials.count, page: 10)
    dirty = true
    refresh()
  }
}
