/// Payload of `org.defined`.
public struct OrganisationDefined: EventPayload {
  public var organisation: Organisation
  /// Display order in lists (the district's own order, not alphabetical).
  public var position: Int
}

/// Payload of `org.renamed`.
public struct OrganisationRenamed: EventPayload {
  public var name: String
}

/// Payload of `org.creditCodeSet`.
public struct OrganisationCreditCode: EventPayload {
  public var creditCode: String
}

/// 单位 stream `org/CODE`.
public enum OrganisationReducer: RecordReducer {
  public typealias State = OrganisationDefined
  public static let streamKind = "org"
  public static let noun = "单位"

  public static func next(_ state: State?, _ event: Event, _ context: FoldContext) throws -> State?
  {
    switch event.type {
    case .orgDefined:
      var next = try event.decode(OrganisationDefined.self)
      // A redefinition (a township node taking the organisation over) keeps it disabled or not.
      next.organisation.disabled = state?.organisation.disabled ?? false
      next.organisation.creditCode = state?.organisation.creditCode
      return next
    case .orgCreditCodeSet:
      var s = try existing(state)
      s.organisation.creditCode = try event.decode(OrganisationCreditCode.self).creditCode
      return s
    case .orgRenamed:
      var s = try existing(state)
      s.organisation.name = try event.decode(OrganisationRenamed.self).name
      return s
    case .orgDisabled, .orgEnabled:
      var s = try existing(state)
      s.organisation.disabled = event.type == .orgDisabled
      return s
    default:
      return nil
    }
  }

  /// Validates a definition before it becomes an event.
  public static func check(_ o: Organisation) -> Refusal? {
    if let r = checkCode(o.code) ?? checkName(o.name) { return r }
    if let parent = o.parent, let r = checkCode(parent) { return r }
    return checkContact(o)
  }

  /// 全称, address and phone as notices print them: one line each, a phone number that dials.
  public static func checkContact(_ o: Organisation) -> Refusal? {
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

  /// A 统一社会信用代码 as an admin records it: 18 characters, the check character right (a wrong
  /// one is named), normalised to upper case.
  public static func checkCreditCode(_ code: String) -> Result<String, Refusal> {
    if let p = CreditCode.validateOrganisation(code) { return .failure(Refusal(p.message)) }
    return .success(CreditCode.normalize(code))
  }

  public static func checkCode(_ code: String) -> Refusal? {
    guard (2...12).contains(code.count),
      code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
    else {
      return Refusal("单位代码「\(FieldText.sanitizeForDisplay(code))」无效:应为2至12位大写字母或数字")
    }
    return nil
  }

  /// A name as lists, notices and the catalog show it: one line, at most 30 characters.
  public static func checkName(_ name: String) -> Refusal? {
    if let p = FieldText.check(name, field: "单位名称", required: true, maxLength: 30) {
      return Refusal(p.message)
    }
    return nil
  }
}
