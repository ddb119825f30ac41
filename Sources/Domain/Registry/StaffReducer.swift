/// Payload of `staff.rolesChanged`.
public struct StaffRoles: EventPayload {
  public var roles: Set<Role>

  // Sorted so the canonical payload does not depend on Set order.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(roles.sorted(), forKey: .roles)
  }
}

/// Empty payload.
public struct NoPayload: EventPayload { public init() {} }

/// 工作人员 stream `staff/LOGIN`.
public enum StaffReducer: RecordReducer {
  public typealias State = Staff
  public static let streamKind = "staff"
  public static let noun = "工作人员"

  public static func next(_ state: Staff?, _ event: Event, _ context: FoldContext) throws -> Staff?
  {
    switch event.type {
    case .staffAdded:
      guard state == nil else { throw Refusal("工作人员已存在") }
      return try event.decode(Staff.self)
    case .staffRolesChanged:
      var s = try existing(state)
      s.roles = try event.decode(StaffRoles.self).roles
      return s
    case .staffDisabled, .staffEnabled:
      var s = try existing(state)
      s.disabled = event.type == .staffDisabled
      return s
    default:
      return nil
    }
  }

  /// A Linux login name: what `getpwuid` reports for the clerk's SSH account.
  public static func checkLogin(_ login: String) -> Refusal? {
    let chars = Array(login.unicodeScalars)
    guard (1...32).contains(chars.count), let first = chars.first,
      first == "_" || ("a"..."z").contains(first),
      chars.allSatisfy({
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "."
      })
    else {
      return Refusal(
        "登录名「\(FieldText.sanitizeForDisplay(login))」无效:应为小写字母开头,由小写字母、数字、_ - . 组成,不超过32位")
    }
    return nil
  }

  /// Checks a new staff member before `staff.added`.
  public static func checkNew(_ s: Staff, existing: Staff?, orgExists: Bool) -> Refusal? {
    if let r = checkLogin(s.login) { return r }
    if existing != nil { return Refusal("登录名「\(s.login)」已是工作人员") }
    if let p = FieldText.checkPersonName(s.name, field: "姓名", maxLength: 20) {
      return Refusal(p.message)
    }
    if !orgExists { return Refusal("单位「\(s.org)」不存在,可用 zwfw org list 查看单位代码,zwfw org add 添加单位") }
    if s.roles.isEmpty { return Refusal("至少要有一个角色") }
    return nil
  }
}
