import Domain
import Store

/// Everything the 系统管理 pane shows: organisations, staff, peers, rule parameters.
public struct AdminOverview: Equatable, Sendable {
  public var organisations: [Organisation]
  public var staff: [Staff]
  public var peers: [PeerSyncStatus]
  public var rules: [RuleRow]
  /// 常用语 in use, by scope, kind and place.
  public var phrases: [PhraseTemplate] = []
}

/// What the 系统管理 pane may ask of the store: the same calls the `org`, `staff` and `rules`
/// commands make, so the pane and the command line refuse the same things with the same words.
public protocol AdminService {
  func overview() throws -> AdminOverview
  func addOrganisation(_ o: Organisation, by admin: Staff) throws
  func renameOrganisation(_ code: String, to name: String, by admin: Staff) throws
  func setOrganisationDisabled(_ code: String, _ disabled: Bool, by admin: Staff) throws
  func addStaff(_ s: Staff, by admin: Staff) throws
  func changeRoles(login: String, to roles: Set<Role>, by admin: Staff) throws
  func setStaffDisabled(login: String, _ disabled: Bool, by admin: Staff) throws
  /// Returns the value now in force.
  func setRule(key: String, value: String, note: String, by admin: Staff) throws -> Int
  // 常用语, as `zwfw templates …`.
  func addPhrase(kind: PhraseKind, org: String?, text: String, by admin: Staff) throws
  func editPhrase(_ id: String, kind: PhraseKind, text: String, by admin: Staff) throws
  func retirePhrase(_ id: String, by admin: Staff) throws
  func movePhrase(_ id: String, up: Bool, by admin: Staff) throws
}

/// The store behind the 系统管理 pane.
public struct StoreAdminService: AdminService {
  let store: Store

  public init(store: Store) { self.store = store }

  public func overview() throws -> AdminOverview {
    AdminOverview(
      organisations: try store.organisations(), staff: try store.allStaff(),
      peers: try store.syncOverview().peers, rules: try store.ruleRows(),
      phrases: try store.phrases())
  }

  public func addPhrase(kind: PhraseKind, org: String?, text: String, by admin: Staff) throws {
    try store.addPhrase(kind: kind, org: org, text: text, by: admin)
  }

  public func editPhrase(_ id: String, kind: PhraseKind, text: String, by admin: Staff) throws {
    try store.editPhrase(id, kind: kind, text: text, by: admin)
  }

  public func retirePhrase(_ id: String, by admin: Staff) throws {
    try store.retirePhrase(id, by: admin)
  }

  public func movePhrase(_ id: String, up: Bool, by admin: Staff) throws {
    try store.movePhrase(id, up: up, by: admin)
  }

  public func addOrganisation(_ o: Organisation, by admin: Staff) throws {
    try store.addOrganisation(o, by: admin)
  }

  public func renameOrganisation(_ code: String, to name: String, by admin: Staff) throws {
    try store.renameOrganisation(code, to: name, by: admin)
  }

  public func setOrganisationDisabled(_ code: String, _ disabled: Bool, by admin: Staff) throws {
    try store.setOrganisationDisabled(code, disabled, by: admin)
  }

  public func addStaff(_ s: Staff, by admin: Staff) throws { try store.addStaff(s, by: admin) }

  public func changeRoles(login: String, to roles: Set<Role>, by admin: Staff) throws {
    try store.changeRoles(login: login, to: roles, by: admin)
  }

  public func setStaffDisabled(login: String, _ disabled: Bool, by admin: Staff) throws {
    try store.setDisabled(login: login, disabled, by: admin)
  }

  public func setRule(key: String, value: String, note: String, by admin: Staff) throws -> Int {
    try store.setRule(key: key, value: value, note: note, by: admin)
  }
}
