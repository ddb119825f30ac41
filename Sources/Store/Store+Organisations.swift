import Domain

/// What keeps an organisation from being disabled.
public struct OrganisationLoad: Equatable, Sendable {
  /// Cases with an open deadline of the organisation.
  public var openCases: Int
  /// Staff of the organisation whose accounts are enabled.
  public var activeStaff: Int
}

extension Action {
  /// 管理单位 (`zwfw org …`, 系统管理) — district administrators.
  public static let manageOrganisations = Action("org.manage", "管理单位", roles: [.admin])
}

extension Store {
  func isOrganisationDisabled(_ code: String) throws -> Bool {
    try db.hot.value(
      "disabled", of: "org", as: Bool.self, "SELECT disabled FROM org WHERE code = ?", [code])
      ?? false
  }

  public func organisationLoad(_ code: String) throws -> OrganisationLoad {
    OrganisationLoad(
      openCases: try db.hot.fetchInt(
        "SELECT count(DISTINCT stream) FROM deadline WHERE org = ?", [code]),
      activeStaff: try db.hot.fetchInt(
        "SELECT count(*) FROM staff WHERE org = ? AND disabled = 0", [code]))
  }

  /// 添加单位 — a new organisation at the end of the district's list.
  public func addOrganisation(_ new: Organisation, by admin: Staff) throws {
    try write(as: admin, .manageOrganisations, subject: "org/\(new.code)") { tx in
      try requireDistrict(for: "单位")
      try appendNewOrganisations([new], tx)
    }
  }

  /// The `org.defined` events for organisations this node lacks, checked as `org add` checks
  /// them (also for `catalog import --create-orgs`, inside its own transaction).
  func appendNewOrganisations(_ list: [Organisation], _ tx: WriteContext) throws {
    var known = Dictionary(
      try organisations().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    var position = try db.hot.fetchInt("SELECT coalesce(max(position), 0) FROM org")
    var drafts: [EventDraft] = []
    var withCodes: [Organisation] = []
    if list.contains(where: { $0.creditCode != nil }) { withCodes = try organisationRecords() }
    // No node: the district serves a new organisation until a township node is enrolled for it.
    for raw in list {
      func text(_ t: String?) -> String? {
        t.map { $0.trimmingSpacesAndNewlines() }.flatMap { $0.isEmpty ? nil : $0 }
      }
      let o = Organisation(
        code: raw.code, name: raw.name.trimmingSpacesAndNewlines(), kind: raw.kind,
        parent: raw.parent, fullName: text(raw.fullName), address: text(raw.address),
        phone: text(raw.phone))
      if let r = OrganisationReducer.check(o) { throw r }
      if let existing = known[o.code] {
        throw Refusal("单位代码「\(o.code)」已被「\(existing.name)」使用")
      }
      if let same = known.values.first(where: { $0.name == o.name }) {
        throw Refusal("单位名称「\(o.name)」已被单位 \(same.code) 使用")
      }
      if let parent = o.parent {
        guard let p = known[parent] else { throw Refusal("上级单位「\(parent)」不存在") }
        if p.disabled { throw Refusal("上级单位「\(p.name)」已停用") }
      }
      position += 1
      known[o.code] = o
      drafts.append(
        OrganisationReducer.defined(o, position: position))
      if let credit = text(raw.creditCode) {
        let draft = try creditCodeDraft(o.code, credit, others: withCodes)
        drafts.append(draft)
        var recorded = o
        recorded.creditCode = CreditCode.normalize(credit)
        withCodes.append(recorded)
      }
    }
    try tx.append(drafts)
  }

  /// 单位更名 — the code stays; cases, staff and catalog items keep pointing at it.
  public func renameOrganisation(_ code: String, to name: String, by admin: Staff) throws {
    let trimmed = name.trimmingSpacesAndNewlines()
    try write(as: admin, .manageOrganisations, subject: "org/\(code)") { tx in
      try requireDistrict(for: "单位")
      guard let o = try organisation(code) else { throw Refusal("单位「\(code)」不存在") }
      if let r = OrganisationReducer.checkName(trimmed) { throw r }
      guard trimmed != o.name else { throw Refusal("单位「\(code)」已叫「\(trimmed)」") }
      if let same = try organisations().first(where: { $0.name == trimmed }) {
        throw Refusal("单位名称「\(trimmed)」已被单位 \(same.code) 使用")
      }
      try tx.append([
        OrganisationReducer.renamed(code, to: trimmed)
      ])
    }
  }

  /// 停用/启用单位 — refused while the organisation still has open cases or active staff.
  public func setOrganisationDisabled(_ code: String, _ disabled: Bool, by admin: Staff) throws {
    try write(as: admin, .manageOrganisations, subject: "org/\(code)") { tx in
      try requireDistrict(for: "单位")
      guard let o = try organisation(code) else { throw Refusal("单位「\(code)」不存在") }
      guard o.disabled != disabled else {
        throw Refusal(disabled ? "单位「\(o.name)」已是停用状态" : "单位「\(o.name)」未被停用")
      }
      if disabled {
        if code == node.code { throw Refusal("不能停用本节点自己的单位「\(o.name)」") }
        let load = try organisationLoad(code)
        if load.openCases > 0 || load.activeStaff > 0 {
          throw Refusal(
            "单位「\(o.name)」还有 \(load.openCases) 件办理中的案件、\(load.activeStaff) 名在用账号,"
              + "办结或移交案件并停用账号后才能停用")
        }
        let children = try organisations().filter { $0.parent == code && !$0.disabled }
        if let child = children.first {
          throw Refusal("单位「\(o.name)」还有 \(children.count) 个下属单位在用(如「\(child.name)」),请先停用")
        }
      }
      try tx.append([
        EventDraft(
          stream: OrganisationReducer.stream(code), type: disabled ? .orgDisabled : .orgEnabled,
          body: NoPayload())
      ])
    }
  }
}
