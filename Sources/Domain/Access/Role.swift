/// 角色 — what a staff member is for. A login holds any number of them.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
  /// 窗口工作人员 — registers walk-in applications (第十八条).
  case counter
  /// 经办人 — works an organisation's complaints, reviews and applications.
  case handler
  /// 督办/好差评管理员 — dispatches, approves, supervises, calls back.
  case supervisor
  /// 事项管理员 — keeps the service-item catalog.
  case catalog
  /// 系统管理员 — node, staff, calendar, sync, audit.
  case admin
  /// 单位负责人 — the organisation's lead: assigns its cases to its handlers (指派), as a
  /// supervisor does, inside their own organisation only. An admin designates them by role.
  case lead

  public var title: String {
    switch self {
    case .counter: return "窗口"
    case .handler: return "经办"
    case .supervisor: return "督办"
    case .catalog: return "事项管理"
    case .admin: return "系统管理"
    case .lead: return "负责人"
    }
  }

  public static func < (a: Role, b: Role) -> Bool {
    (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
  }

  /// Parses `counter,handler`; nil names the first unknown code.
  public static func parseList(_ text: String) -> Result<Set<Role>, Refusal> {
    var roles: Set<Role> = []
    for part in text.split(separator: ",") {
      let code = part.trimmingSpaces()
      guard let role = Role(rawValue: code) else {
        return .failure(
          Refusal(
            "未知角色「\(code)」,可用: counter(窗口) handler(经办) supervisor(督办) catalog(事项管理) admin(系统管理) lead(负责人)"
          ))
      }
      roles.insert(role)
    }
    guard !roles.isEmpty else { return .failure(Refusal("至少要有一个角色")) }
    return .success(roles)
  }
}

/// 工作人员 — a login mapped to a person, an organisation and roles.
public struct Staff: Codable, Equatable, Sendable {
  public var login: String
  public var name: String
  /// Organisation code (see `Organisation`).
  public var org: String
  public var roles: Set<Role>
  public var disabled: Bool

  public init(login: String, name: String, org: String, roles: Set<Role>, disabled: Bool = false) {
    self.login = login
    self.name = name
    self.org = org
    self.roles = roles
    self.disabled = disabled
  }

  // Roles sorted so the canonical payload does not depend on Set order.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(login, forKey: .login)
    try c.encode(name, forKey: .name)
    try c.encode(org, forKey: .org)
    try c.encode(roles.sorted(), forKey: .roles)
    try c.encode(disabled, forKey: .disabled)
  }

  public func has(_ role: Role) -> Bool { !disabled && roles.contains(role) }

  /// `counter,handler` in the fixed role order.
  public var roleCodes: String { roles.sorted().map(\.rawValue).joined(separator: ",") }
  /// `窗口/经办` for the status line.
  public var roleTitles: String { roles.sorted().map(\.title).joined(separator: "/") }
}
