import Domain

extension Store {
  public func staff(login: String) throws -> Staff? {
    try db.hot.fetchOne(
      Staff.self, "SELECT login, name, org, roles, disabled FROM staff WHERE login = ?", [login])
  }

  public func allStaff() throws -> [Staff] {
    try db.hot.fetchAll(
      Staff.self,
      """
      SELECT s.login, s.name, s.org, s.roles, s.disabled FROM staff s
      JOIN org o ON o.code = s.org ORDER BY o.position, s.login
      """)
  }

  public func organisations() throws -> [Organisation] {
    try db.hot.fetchAll(Organisation.self, Self.organisationsSQL)
  }

  static let organisationsSQL =
    "SELECT code, name, kind, node, parent, disabled FROM org ORDER BY position, code"

  public func organisation(_ code: String) throws -> Organisation? {
    try db.hot.fetchOne(
      Organisation.self, "SELECT code, name, kind, node, parent, disabled FROM org WHERE code = ?",
      [code])
  }

  public func organisationName(_ code: String) throws -> String? {
    try db.hot.value(
      "name", of: "org", as: String.self, "SELECT name FROM org WHERE code = ?", [code])
  }

  /// Logins of enabled admins, for the "ask …" message shown to an unknown login.
  public func adminLogins() throws -> [String] {
    try allStaff().filter { $0.has(.admin) }.map(\.login)
  }

  /// Who the operator is: the OS login, checked against the staff table.
  public func resolveOperator(login: String) throws -> Staff {
    guard let s = try staff(login: login) else {
      throw StoreError.notStaff(login: login, admins: try adminLogins())
    }
    if s.disabled { throw StoreError.disabled(login: login) }
    return s
  }

  // MARK: - Commands (district admins only: staff come only from the district)

  public func addStaff(_ new: Staff, by admin: Staff) throws {
    try write(as: admin, .manageStaff, subject: "staff/\(new.login)") { tx in
      try requireDistrict(for: "工作人员")
      let existing = try staff(login: new.login)
      let orgExists = try organisationName(new.org) != nil
      if let r = StaffReducer.checkNew(new, existing: existing, orgExists: orgExists) { throw r }
      if try isOrganisationDisabled(new.org) {
        throw Refusal("单位「\(new.org)」已停用,不能添加工作人员")
      }
      var s = new
      s.disabled = false
      try tx.append([EventDraft(stream: StaffReducer.stream(s.login), type: .staffAdded, body: s)])
    }
  }

  public func changeRoles(login: String, to roles: Set<Role>, by admin: Staff) throws {
    try write(as: admin, .manageStaff, subject: "staff/\(login)") { tx in
      try requireDistrict(for: "工作人员")
      guard try staff(login: login) != nil else { throw Refusal("登录名「\(login)」不是工作人员") }
      guard !roles.isEmpty else { throw Refusal("至少要有一个角色") }
      if login == admin.login, !roles.contains(.admin), try adminLogins().count <= 1 {
        throw Refusal("不能取消最后一名系统管理员的管理角色")
      }
      try tx.append([
        StaffReducer.rolesChanged(login, to: roles)
      ])
    }
  }

  public func setDisabled(login: String, _ disabled: Bool, by admin: Staff) throws {
    try write(as: admin, .manageStaff, subject: "staff/\(login)") { tx in
      try requireDistrict(for: "工作人员")
      guard let s = try staff(login: login) else { throw Refusal("登录名「\(login)」不是工作人员") }
      if disabled, login == admin.login { throw Refusal("不能停用自己的账号") }
      guard s.disabled != disabled else {
        throw Refusal(disabled ? "账号「\(login)」已是停用状态" : "账号「\(login)」未被停用")
      }
      try tx.append([
        EventDraft(
          stream: StaffReducer.stream(login), type: disabled ? .staffDisabled : .staffEnabled,
          body: NoPayload())
      ])
    }
  }

  public func defineOrganisation(_ o: Organisation, position: Int, actor: String) throws {
    if let r = OrganisationReducer.check(o) { throw r }
    try write(actor: actor) { tx in
      try tx.append([
        OrganisationReducer.defined(o, position: position)
      ])
    }
  }

  /// Shared data (catalog, calendar, rules, staff) has one author: the district (数据同源).
  public func requireDistrict(for what: String) throws {
    guard node.isDistrict else {
      throw Refusal("\(what)由区级节点统一维护,本节点(\(node.name))通过同步接收", article: "第十三条")
    }
  }
}
