import Domain

/// 代办人、帮办、特殊群体 on the walk-in form (第十五条): one choice says who applies; the agent's
/// fields show only when an agent does, and the 授权委托书 is then a material to tick.
public struct AssistanceFields: Equatable, Sendable {
  static let modes = ["本人办理", "代办人办理", "工作人员帮办", "代办人办理并帮办"]
  static let groupNone = "无"

  public internal(set) var mode = ChoiceField(options: modes)
  public internal(set) var agentName = TextField(label: "代办人姓名", maxLength: 60)
  public internal(set) var agentID = TextField(label: "代办人身份证号码", maxLength: 18)
  public internal(set) var relation = TextField(
    label: "与申请人关系", maxLength: 20, placeholder: "亲属、同事、委托代理人等")
  public internal(set) var agentPhone = TextField(
    label: "代办人联系电话", maxLength: 20, placeholder: "手机或固定电话")
  public internal(set) var letter = ChoiceField(options: ["未收", "已收"])
  public internal(set) var group = ChoiceField(
    options: [groupNone] + SpecialGroup.allCases.map(\.title))

  public var hasAgent: Bool { mode.value == Self.modes[1] || mode.value == Self.modes[3] }
  public var helped: Bool { mode.value == Self.modes[2] || mode.value == Self.modes[3] }

  var hasInput: Bool {
    !(agentName.isEmpty && agentID.isEmpty && relation.isEmpty && agentPhone.isEmpty)
  }

  /// What the registration records.
  public var value: ApplicationAssistance {
    ApplicationAssistance(
      agent: hasAgent
        ? ApplicationAgent.agent(
          name: agentName.trimmed, idNumber: agentID.trimmed, relation: relation.trimmed,
          phone: agentPhone.trimmed, letterReceived: letter.value == "已收") : nil,
      helped: helped,
      groups: SpecialGroup.allCases.filter { $0.title == group.value })
  }
}

extension RegistrationEditor {
  /// The form's fields for 代办 and 帮办, with the problem keys `ApplicationAssistance` reports.
  static let assistanceKeys: [(Field, String)] = [
    (.agentName, "agentName"), (.agentID, "agentID"), (.relation, "relation"),
    (.agentPhone, "agentPhone"), (.letter, "letter"),
  ]

  /// The agent's fields are there only when an agent applies.
  func isHidden(_ f: Field) -> Bool {
    switch f {
    case .agentName, .agentID, .relation, .agentPhone, .letter: return !assist.hasAgent
    default: return false
    }
  }

  func assistanceLabel(_ f: Field) -> String? {
    switch f {
    case .assist: return "办理方式"
    case .agentName: return "代办人姓名"
    case .agentID: return "代办人身份证"
    case .relation: return "与申请人关系"
    case .agentPhone: return "代办人电话"
    case .letter: return AssistanceFields.letterLabel
    case .group: return "特殊群体"
    default: return nil
    }
  }

  /// A key in one of the assistance fields; nil when `f` is not one.
  mutating func editAssistance(_ f: Field, _ key: Key) -> Bool? {
    switch f {
    case .assist: return assist.mode.handle(key)
    case .agentName: return assist.agentName.handle(key)
    case .agentID:
      let handled = assist.agentID.handle(key)
      if handled { checkAgentID(final: false) }
      return handled
    case .relation: return assist.relation.handle(key)
    case .agentPhone: return assist.agentPhone.handle(key)
    case .letter: return assist.letter.handle(key)
    case .group: return assist.group.handle(key)
    default: return nil
    }
  }

  func assistanceText(_ f: Field) -> TextField? {
    switch f {
    case .agentName: return assist.agentName
    case .agentID: return assist.agentID
    case .relation: return assist.relation
    case .agentPhone: return assist.agentPhone
    default: return nil
    }
  }

  /// The agent's ID number, checked as typed like the applicant's.
  mutating func checkAgentID(final: Bool) {
    let text = assist.agentID.trimmed
    guard !text.isEmpty, text.count >= 18 || final else {
      errors[.agentID] = nil
      return
    }
    errors[.agentID] = ResidentID.validate(text, today: today).map { "代办人" + $0.message }
  }

  /// Marks the assistance fields in error.
  mutating func validateAssistance() {
    for p in assist.value.problems(today: today) {
      if let f = Self.assistanceKeys.first(where: { $0.1 == p.field })?.0, errors[f] == nil {
        errors[f] = p.message
      }
    }
  }

  func renderAssistance(
    _ f: Field, into frame: inout Frame, x: Int, y: Int, width: Int, focused: Bool
  ) {
    switch f {
    case .assist: assist.mode.render(into: &frame, x: x, y: y, width: width, focused: focused)
    case .letter: assist.letter.render(into: &frame, x: x, y: y, width: width, focused: focused)
    case .group: assist.group.render(into: &frame, x: x, y: y, width: width, focused: focused)
    default:
      assistanceText(f)?.render(into: &frame, x: x, y: y, width: width, focused: focused)
    }
  }
}

extension AssistanceFields {
  static let letterLabel = "授权委托书"
}

extension ApplicationsPane {
  /// The case view's lines of 代办 and 帮办 (第十五条).
  static func assistanceLines(_ assistance: ApplicationAssistance?) -> [DetailLine] {
    guard let s = assistance else { return [] }
    var out: [DetailLine] = []
    if let a = s.agent {
      out.append(.field("代办人", "\(a.name)(\(a.relation))  \(a.idNumber)  \(a.phone)"))
      out.append(
        .field(AssistanceFields.letterLabel, a.letterReceived ? "已收(第十五条)" : "未收"))
    }
    if s.helped { out.append(.field("帮办", "工作人员帮办")) }
    if !s.groups.isEmpty {
      out.append(.field("特殊群体", s.groups.map(\.title).joined(separator: "、")))
    }
    return out
  }
}
