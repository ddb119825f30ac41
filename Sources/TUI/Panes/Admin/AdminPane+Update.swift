import Domain
import Store

extension AdminPane {
  /// A key: the new state, and the reads and changes to run (never run here).
  mutating func update(_ key: Key, _ context: AppContext) -> Update<AdminEffect> {
    if let disable = toggling { return handleConfirm(key, disable: disable) }
    if flow.isOpen { return handleForm(key) }
    return handleBrowse(key)
  }

  mutating func handleBrowse(_ key: Key) -> Update<AdminEffect> {
    switch Self.browseKeys.command(for: key, as: BrowseCommand.self) {
    case .organisations?: return show(.organisations)
    case .staff?: return show(.staff)
    case .peers?: return show(.peers)
    case .rules?: return show(.rules)
    case .phrases?: return show(.phrases)
    case .moveUp?: return movePhrase(up: true)
    case .moveDown?: return movePhrase(up: false)
    case .select?:
      _ = cursor.handle(key, count: rowCount, page: 10)
      return .handled
    case .add?: return Update(startAdd())
    case .edit?: return Update(startEdit())
    case .toggle?: return Update(startToggle())
    case .refresh?: return .run(.reload(then: .info("已刷新")))
    default:
      return .ignored
    }
  }

  mutating func show(_ v: View) -> Update<AdminEffect> {
    view = v
    cursor = ListCursor()
    cursor.clamp(count: rowCount, page: 10)
    return .handled
  }

  mutating func startAdd() -> PaneResponse {
    switch view {
    case .organisations:
      flow.show(
        Form(
          title: "添加单位",
          fields: [
            .text("code", "单位代码", max: 12, required: true, placeholder: "如 SCJG"),
            .text("name", "单位名称", max: 30, required: true),
            .choice("kind", "类别", ["部门", "乡镇", "街道", "中心"]),
            .text("parent", "上级单位代码", max: 12),
          ]), .addOrganisation)
    case .staff:
      flow.show(
        Form(
          title: "添加工作人员",
          fields: [
            .text("login", "登录名", max: 32, required: true, placeholder: "操作系统账号"),
            .text("name", "姓名", max: 20, required: true),
            .text("org", "单位代码", max: 12, required: true),
            .text("roles", "角色", max: 60, required: true, placeholder: "如 counter,handler"),
          ]), .addStaff)
    case .peers:
      return .toast(.info("登记乡镇节点要写出登记文件: zwfw node add --code 代码 --name 名称 --out 文件"))
    case .rules:
      return .toast(.info("规则参数不能新增,按 e 修改所选参数"))
    case .phrases:
      flow.show(Self.phraseForm(nil), .addPhrase)
    }
    return .toast(.info("填写后按 F5 保存,Esc 取消"))
  }

  mutating func startEdit() -> PaneResponse {
    switch view {
    case .organisations:
      guard let o = organisations[safe: cursor.selected] else { return .handled }
      flow.show(
        Form(
          title: "单位更名: \(o.code)",
          fields: [.text("name", "新名称", value: o.name, max: 30, required: true)]),
        .renameOrganisation(o.code))
    case .staff:
      guard let s = staff[safe: cursor.selected] else { return .handled }
      var form = Form(
        title: "调整角色: \(s.login) \(s.name)",
        fields: [.text("roles", "角色", value: s.roleCodes, max: 60, required: true)])
      form.footer = ["角色: counter 窗口, handler 经办, supervisor 督办, catalog 事项管理, admin 系统管理"]
      flow.show(form, .roles(s.login))
    case .peers:
      return .toast(.info("节点之间交换同步文件在「同步」窗格"))
    case .rules:
      guard let r = rules[safe: cursor.selected] else { return .handled }
      var form = Form(
        title: "修改规则参数: \(r.title)",
        fields: [
          .text("value", "参数值", value: String(r.value), max: 6, required: true),
          .text("note", "修改理由", max: 100),
        ])
      form.footer = ["之后登记的案件按新值计算,已登记的案件不受影响。"]
      flow.show(form, .rule(r.key))
    case .phrases:
      guard let p = phrases[safe: cursor.selected] else { return .handled }
      flow.show(Self.phraseForm(p), .editPhrase(p.id))
    }
    return .toast(.info("修改后按 F5 保存,Esc 取消"))
  }

  mutating func startToggle() -> PaneResponse {
    switch view {
    case .organisations:
      guard let o = organisations[safe: cursor.selected] else { return .handled }
      toggling = !o.disabled
    case .staff:
      guard let s = staff[safe: cursor.selected] else { return .handled }
      toggling = !s.disabled
    case .peers, .rules:
      return .toast(.info("节点和规则参数没有停用"))
    case .phrases:
      guard phrases[safe: cursor.selected] != nil else { return .handled }
      toggling = true
    }
    return .handled
  }

  mutating func handleForm(_ key: Key) -> Update<AdminEffect> {
    switch flow.handle(key) {
    case .cancelled(let toast): return Update(toast.map { .toast($0) } ?? .handled)
    case .submitted(var form, let edit):
      guard form.checkRequired() else {
        form.message = "请填写必填项"
        if let first = form.firstError { form.focus(on: first) }
        flow.show(form, edit)
        return .handled
      }
      switch work(edit, form) {
      case .failure(let refusal): return Update(flow.refuse(form, edit, refusal.message))
      case .success(let work):
        flow.begin(work, done: "")
        return .run(.perform(work))
      }
    default:
      return .handled
    }
  }

  /// The change a filled form asks for, or why it cannot be asked (the store checks the rest).
  func work(_ edit: Edit, _ form: Form) -> Result<AdminWork, Refusal> {
    switch edit {
    case .addOrganisation:
      guard let kind = Organisation.Kind(title: form["kind"]) else {
        return .failure(Refusal("单位类别应为 部门、乡镇、街道 或 中心"))
      }
      let parent = form["parent"].isEmpty ? nil : form["parent"]
      return .success(
        .addOrganisation(
          Organisation(code: form["code"], name: form["name"], kind: kind, parent: parent)))
    case .renameOrganisation(let code):
      return .success(.renameOrganisation(code, to: form["name"]))
    case .addStaff:
      return Role.parseList(form["roles"]).map {
        .addStaff(Staff(login: form["login"], name: form["name"], org: form["org"], roles: $0))
      }
    case .roles(let login):
      return Role.parseList(form["roles"]).map { .roles(login: login, $0) }
    case .rule(let key):
      return .success(.rule(key: key, value: form["value"], note: form["note"]))
    case .addPhrase, .editPhrase:
      return phraseWork(edit, form)
    }
  }

  mutating func handleConfirm(_ key: Key, disable: Bool) -> Update<AdminEffect> {
    switch Self.confirmKeys.command(for: key, as: ConfirmCommand.self) {
    case .confirm?:
      toggling = nil
      switch view {
      case .organisations:
        guard let o = organisations[safe: cursor.selected] else { return .handled }
        return .run(.perform(.organisationDisabled(o, disable)))
      case .staff:
        guard let s = staff[safe: cursor.selected] else { return .handled }
        return .run(.perform(.staffDisabled(s, disable)))
      case .peers, .rules:
        return .handled
      case .phrases:
        guard let p = phrases[safe: cursor.selected] else { return .handled }
        return .run(.perform(.retirePhrase(p)))
      }
    case .cancel?:
      toggling = nil
      return .toast(.info("未改动"))
    default:
      return .handled
    }
  }
}

extension Array {
  subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
