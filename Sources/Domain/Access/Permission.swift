/// 操作 — something an operator may try, and which roles may do it.
///
/// Each feature declares its actions beside its rules (`extension Action { static let … }`), so
/// the permission check below stays one function.
public struct Action: Hashable, Sendable {
  public let code: String
  /// What was tried, as the clerk would say it: `添加工作人员`.
  public let title: String
  public let roles: Set<Role>
  /// Only staff of the case's own organisation may do it — or supervisors, where supervising is
  /// one of the roles the action names (a supervisor who is also a handler decides as a handler).
  public let ownOrganisationOnly: Bool

  public init(_ code: String, _ title: String, roles: Set<Role>, ownOrganisationOnly: Bool = false)
  {
    self.code = code
    self.title = title
    self.roles = roles
    self.ownOrganisationOnly = ownOrganisationOnly
  }
}

extension Action {
  public static let manageStaff = Action("staff.manage", "管理工作人员", roles: [.admin])
  public static let importCalendar = Action("calendar.import", "导入节假日安排", roles: [.admin])
  public static let verifyAudit = Action("audit.verify", "校验审计链", roles: [.admin, .supervisor])
  public static let rebuildProjections = Action("projection.rebuild", "重建数据视图", roles: [.admin])
}

/// 权限 — one pure function decides what an operator may do; every refusal says why.
public enum Permission {
  /// - Parameter organisation: the organisation the case belongs to, for org-bound actions.
  public static func check(
    _ staff: Staff, _ action: Action, organisation: String? = nil, organisationName: String? = nil
  ) -> Refusal? {
    if staff.disabled {
      return Refusal("账号「\(staff.login)」已停用,不能\(action.title)")
    }
    guard !staff.roles.isDisjoint(with: action.roles) else {
      let needed = action.roles.sorted().map(\.title).joined(separator: "或")
      return Refusal("\(staff.name)没有\(needed)角色,不能\(action.title)")
    }
    // The supervisor's reach across organisations comes with the supervisor role only: an action
    // of handlers alone (审查, 决定, 办结投诉) stays with the case's organisation for everyone.
    let supervising = action.roles.contains(.supervisor) && staff.roles.contains(.supervisor)
    if action.ownOrganisationOnly, let organisation, organisation != staff.org, !supervising {
      return Refusal("只有\(organisationName ?? organisation)的工作人员可以\(action.title)")
    }
    return nil
  }
}
