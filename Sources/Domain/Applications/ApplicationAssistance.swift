/// 代办人 — someone applying on the applicant's behalf (第十五条): who they are, how they are
/// related, how to reach them, and the 授权委托书 they bring.
public struct ApplicationAgent: Codable, Equatable, Sendable {
  public var name: String
  /// Resident ID number, normalized.
  public var idNumber: String
  /// 与申请人关系 (亲属、同事、委托代理人 …)
  public var relation: String
  public var phone: String
  /// 授权委托书 received with the registration: a required material when an agent acts.
  public var letterReceived: Bool

  /// An agent as the form gives them (`normalized` is what is stored).
  public static func agent(
    name: String, idNumber: String, relation: String, phone: String, letterReceived: Bool
  ) -> Self {
    Self(
      name: name, idNumber: idNumber, relation: relation, phone: phone,
      letterReceived: letterReceived)
  }

  /// Trimmed and normalized: the value that is stored.
  public var normalized: ApplicationAgent {
    ApplicationAgent(
      name: name.trimmingSpacesAndNewlines(), idNumber: ResidentID.normalize(idNumber),
      relation: relation.trimmingSpacesAndNewlines(), phone: phone.trimmingSpacesAndNewlines(),
      letterReceived: letterReceived)
  }
}

/// 特殊群体 — applicants the centre serves with 帮办代办 and priority (第十五条), counted apart.
public enum SpecialGroup: String, Codable, CaseIterable, Sendable {
  case elderly
  case disabled
  case pregnant
  case military
  case other

  public var title: String {
    switch self {
    case .elderly: return "老年人"
    case .disabled: return "残疾人"
    case .pregnant: return "孕产妇"
    case .military: return "军人军属"
    case .other: return "其他困难群众"
    }
  }
}

/// 代办和帮办 on a registration: the agent (if any), whether staff helped (帮办), and the
/// special groups the applicant belongs to.
public struct ApplicationAssistance: Codable, Equatable, Sendable {
  public var agent: ApplicationAgent?
  /// 帮办 — a member of staff filled in or gathered the application for the applicant.
  public var helped: Bool
  public var groups: [SpecialGroup]

  public init(agent: ApplicationAgent? = nil, helped: Bool = false, groups: [SpecialGroup] = []) {
    self.agent = agent
    self.helped = helped
    self.groups = groups
  }

  /// Nothing to record: the registration carries no assistance at all.
  public var isEmpty: Bool { agent == nil && !helped && groups.isEmpty }

  /// The 授权委托书 is a required material when an agent acts (第十五条).
  public static let letter = "授权委托书"

  /// Problems of the agent's fields by key (agentName, agentID, relation, agentPhone, letter),
  /// in form order, as of `today`.
  public func problems(today: CivilDate) -> [(field: String, message: String)] {
    guard let a = agent else { return [] }
    var out: [(String, String)] = []
    if let p = FieldText.checkPersonName(a.name, field: "代办人姓名", maxLength: 60) {
      out.append(("agentName", p.message))
    }
    if a.idNumber.trimmingSpaces().isEmpty {
      out.append(("agentID", "「代办人身份证号码」不能为空"))
    } else if let p = ResidentID.validate(a.idNumber, today: today) {
      out.append(("agentID", "代办人" + p.message))
    }
    if let p = FieldText.check(a.relation, field: "与申请人关系", required: true, maxLength: 20) {
      out.append(("relation", p.message))
    }
    if a.phone.trimmingSpaces().isEmpty {
      out.append(("agentPhone", "「代办人联系电话」不能为空"))
    } else if let p = PhoneNumber.validateContact(a.phone) {
      out.append(("agentPhone", "代办人" + p.message))
    }
    if !a.letterReceived {
      out.append(("letter", "由代办人办理的,须收取申请人签署的\(Self.letter)(第十五条)"))
    }
    return out
  }
}
