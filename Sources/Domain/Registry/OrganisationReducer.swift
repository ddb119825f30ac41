extension EventType {
  /// 单位登记或更新 (district only).
  public static let orgDefined: EventType = "org.defined"
}

/// Payload of `org.defined`.
public struct OrganisationDefined: Codable, Equatable, Sendable {
  public var organisation: Organisation
  /// Display order in lists (the district's own order, not alphabetical).
  public var position: Int

  public init(organisation: Organisation, position: Int) {
    self.organisation = organisation
    self.position = position
  }
}

/// 单位 stream `org/CODE`.
public enum OrganisationReducer: StreamReducer {
  public typealias State = OrganisationDefined
  public static let streamKind = "org"

  public static func apply(_ state: State?, _ event: Event, _ context: FoldContext) -> Result<
    State, Refusal
  > {
    guard event.type == .orgDefined else { return .failure(Refusal("未知的单位事件 \(event.type)")) }
    do {
      return .success(try event.decode(OrganisationDefined.self))
    } catch {
      return .failure(Refusal("单位事件内容无法解析"))
    }
  }

  /// Validates a definition before it becomes an event.
  public static func check(_ o: Organisation) -> Refusal? {
    let code = o.code
    guard (2...12).contains(code.count),
      code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
    else { return Refusal("单位代码应为2至12位大写字母或数字") }
    if let p = FieldText.check(o.name, field: "单位名称", required: true, maxLength: 30) {
      return Refusal(p.message)
    }
    if let p = FieldText.check(o.fullName ?? "", field: "单位全称", required: false, maxLength: 40) {
      return Refusal(p.message)
    }
    if let p = FieldText.check(o.address ?? "", field: "办公地址", required: false, maxLength: 60) {
      return Refusal(p.message)
    }
    if let phone = o.phone, !phone.isEmpty, let p = PhoneNumber.validateContact(phone) {
      return Refusal(p.message)
    }
    return nil
  }
}
