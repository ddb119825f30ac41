import Domain
import Store

extension AdminPane {
  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch mode {
    case .browse: return handleBrowse(key, context)
    case .form(let edit): return handleForm(key, edit, context)
    case .confirm(let disable): return handleConfirm(key, disable: disable, context)
    }
  }

  mutating func handleBrowse(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch Self.browseKeys.command(for: key, as: BrowseCommand.self) {
    case .organisations?: return show(.organisations)
    case .staff?: return show(.staff)
    case .peers?: return show(.peers)
    case .rules?: return show(.rules)
    case .select?:
      _ = cursor.handle(key, count: rowCount, page: 10)
      return .handled
    case .add?: return startAdd()
    case .edit?: return startEdit()
    case .toggle?: return startToggle()
    case .refresh?:
      reload()
      return .toast(.info("已刷新"))
    default:
      return .ignored
    }
  }

  mutating func show(_ v: View) -> PaneResponse {
    view = v
    cursor = ListCursor()
    cursor.clamp(count: rowCount, page: 10)
    return .handled
  }

  mutating func startAdd() -> PaneResponse {
    switch view {
    case .organisations:
      form = Form(
        title: "添加单位",
        fields: [
          .text("code", "单位代码", max: 12, required: true, placeholder: "如 SCJG"),
          .text("name", "单位名称", max: 30, required: true),
          .choice("kind", "类别", ["部门", "乡镇", "街道", "中心"]),
          .text("parent", "上级单位代码", max: 12),
        ])
      mode = .form(.addOrganisation)
    case .staff:
      form = Form(
        title: "添加工作人员",
        fields: [
          .text("login", "登录名", max: 32, required: true, placeholder: "操作系统账号"),
          .text("name", "姓名", max: 20, required: true),
          .text("org", "单位代码", max: 12, required: true),
          .text("roles", "角色", max: 60, required: true, placeholder: "如 counter,handler"),
        ])
      mode = .form(.addStaff)
    case .peers:
      return .toast(.info("登记乡镇节点要写出登记文件: zwfw node add --code 代码 --name 名称 --out 文件"))
    case .rules:
      return .toast(.info("规则参数不能新增,按 e 修改所选参数"))
    }
    return .toast(.info("填写后按 F5 保存,Esc 取消"))
  }

  mutating func startEdit() -> PaneResponse {
    switch view {
    case .organisations:
      guard let o = organisations[safe: cursor.selected] else { return .handled }
      form = Form(
        title: "单位更名: \(o.code)",
        fields: [.text("name", "新名称", value: o.name, max: 30, required: true)])
      mode = .form(.renameOrganisation(o.code))
    case .staff:
      guard let s = staff[safe: cursor.selected] else { return .handled }
      form = Form(
        title: "调整角色: \(s.login) \(s.name)",
        fields: [.text("roles", "角色", value: s.roleCodes, max: 60, required: true)])
      form.footer = ["角色: counter 窗口, handler 经办, supervisor 督办, catalog 事项管理, admin 系统管理"]
      mode = .form(.roles(s.login))
    case .peers:
      return .toast(.info("节点之间交换同步文件在「同步」窗格"))
    case .rules:
      guard let r = rules[safe: cursor.selected] else { return .handled }
      form = Form(
        title: "修改规则参数: \(r.title)",
        fields: [
          .text("value", "参数值", value: String(r.value), max: 6, required: true),
          .text("note", "修改理由", max: 100),
        ])
      form.footer = ["之后登记的案件按新值计算,已登记的案件不受影响。"]
      mode = .form(.rule(r.key))
    }
    return .toast(.info("修改后按 F5 保存,Esc 取消"))
  }

  mutating func startToggle() -> PaneResponse {
    switch view {
    case .organisations:
      guard let o = organisations[safe: cursor.selected] else { return .handled }
      mode = .confirm(disable: !o.disabled)
    case .staff:
      guard let s = staff[safe: cursor.selected] else { return .handled }
      mode = .confirm(disable: !s.disabled)
    case .peers, .rules:
      return .toast(.info("节点和规则参数没有停用"))
    }
    return .handled
  }

  mutating func handleForm(_ key: Key, _ edit: Edit, _ context: AppContext) -> PaneResponse {
    switch form.handle(key) {
    case .cancel:
      mode = .browse
      return .toast(.info("已取消,未保存"))
    case .submit:
      guard form.checkRequired() else {
        form.message = "请填写必填项"
        if let first = form.firstError { form.focus(on: first) }
        return .handled
      }
      do {
        let done = try save(edit, context)
        mode = .browse
        reload()
        return .toast(.info(done))
      } catch {
        // Everything typed stays; the store's refusal is shown as the command line shows it.
        form.message = CLI.message(for: error)
        return .toast(.error(CLI.message(for: error)))
      }
    case .none, .edited:
      return .handled
    }
  }

  /// Performs the edit through the service; returns the report.
  func save(_ edit: Edit, _ context: AppContext) throws -> String {
    let me = context.staff
    switch edit {
    case .addOrganisation:
      guard let kind = Organisation.Kind(title: form["kind"]) else {
        throw Refusal("单位类别应为 部门、乡镇、街道 或 中心")
      }
      let parent = form["parent"].isEmpty ? nil : form["parent"]
      try service.addOrganisation(
        Organisation(code: form["code"], name: form["name"], kind: kind, parent: parent), by: me)
      return "已添加单位 \(form["code"]) \(form["name"])"
    case .renameOrganisation(let code):
      try service.renameOrganisation(code, to: form["name"], by: me)
      return "已将单位 \(code) 更名为 \(form["name"])"
    case .addStaff:
      let roles = try Role.parseList(form["roles"]).get()
      try service.addStaff(
        Staff(login: form["login"], name: form["name"], org: form["org"], roles: roles), by: me)
      return "已添加工作人员 \(form["login"]) \(form["name"])"
    case .roles(let login):
      let roles = try Role.parseList(form["roles"]).get()
      try service.changeRoles(login: login, to: roles, by: me)
      return "已将 \(login) 的角色调整为 \(roles.sorted().map(\.title).joined(separator: "、"))"
    case .rule(let key):
      let n = try service.setRule(key: key, value: form["value"], note: form["note"], by: me)
      return "已将 \(key) 设为 \(n),之后登记的案件按新值计算"
    }
  }

  mutating func handleConfirm(_ key: Key, disable: Bool, _ context: AppContext) -> PaneResponse {
    switch Self.confirmKeys.command(for: key, as: ConfirmCommand.self) {
    case .confirm?:
      mode = .browse
      let verb = disable ? "停用" : "启用"
      do {
        switch view {
        case .organisations:
          guard let o = organisations[safe: cursor.selected] else { return .handled }
          try service.setOrganisationDisabled(o.code, disable, by: context.staff)
          reload()
          return .toast(.info("已\(verb)单位 \(o.code) \(o.name)"))
        case .staff:
          guard let s = staff[safe: cursor.selected] else { return .handled }
          try service.setStaffDisabled(login: s.login, disable, by: context.staff)
          reload()
          return .toast(.info("已\(verb)账号 \(s.login) \(s.name)"))
        case .peers, .rules:
          return .handled
        }
      } catch {
        reload()
        return .toast(.error(CLI.message(for: error)))
      }
    case .cancel?:
      mode = .browse
      return .toast(.info("未改动"))
    default:
      return .handled
    }
  }
}

extension Array {
  subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
