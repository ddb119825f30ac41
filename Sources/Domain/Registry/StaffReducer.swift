extension EventType {
  /// 添加工作人员
  public static let staffAdded: EventType = "staff.added"
  /// 调整角色
  public static let staffRolesChanged: EventType = "staff.rolesChanged"
  /// 停用账号
  public static let staffDisabled: EventType = "staff.disabled"
  /// 启用账号
  public static let staffEnabled: EventType = "staff.enabled"
}

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
public enum StaffReducer: StreamReducer {
  public typealias State = Staff
  public static let streamKind = "staff"

  public static func apply(_ state: Staff?, _ event: Event, _ context: FoldContext) -> Result<
    Staff, Refusal
  > {
    do {
      switch event.type {
      case .staffAdded:
        guard state == nil else { return .failure(Refusal("工作人员已存在")) }
        return .success(try event.decode(Staff.self))
      case .staffRolesChanged:
        guard var s = state else { return .failure(Refusal("工作人员不存在")) }
        s.roles = try event.decode(StaffRoles.self).roles
        return .success(s)
      case .staffDisabled, .staffEnabled:
        guard var s = state else { return .failure(Refusal("工作人员不存在")) }
        s.disabled = event.type == .staffDisabled
        return .success(s)
      default:
        return .failure(Refusal("未知的工作人员事件 \(event.type)"))
      }
    } catch {
      return .failure(Refusal("工作人员事件内容无法解析"))
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
