import Domain
import Store

/// 新建申请 — the walk-in form: applicant, contact, channel and the item's materials checklist.
///
/// Tab/Shift-Tab move between the fields (the checklist counts as one), Enter toggles a material,
/// F5 saves. The ID number is checked as it is typed; nothing typed is ever cleared by a failed
/// save, and each field in error shows why.
public struct RegistrationEditor: Equatable, Sendable {
  public enum Field: Int, CaseIterable, Sendable {
    case kind, name, idNumber, phone, channel, note
    /// 代办和帮办 (`RegistrationEditor+Assistance`).
    case assist, agentName, agentID, relation, agentPhone, letter, group
    case materials

    var registrationField: RegistrationField? {
      switch self {
      case .kind: return .applicantKind
      case .name: return .name
      case .idNumber: return .idNumber
      case .phone: return .phone
      case .channel: return .channel
      case .note: return .note
      case .materials: return .materials
      case .assist, .agentName, .agentID, .relation, .agentPhone, .letter, .group: return nil
      }
    }
  }

  public let item: DirectoryItem
  /// 一件事: the package's members and union checklist (nil for an item applied for alone).
  public let package: PackageForm?
  public private(set) var kind = ChoiceField(options: ApplicantKind.allCases.map(\.title))
  public private(set) var name = TextField(label: "姓名", maxLength: 60)
  public private(set) var idNumber = TextField(label: "身份证号码", maxLength: 18)
  public private(set) var phone = TextField(
    label: "联系电话", maxLength: 20, placeholder: "手机或固定电话")
  public private(set) var channel = ChoiceField(options: ApplicationChannel.allCases.map(\.title))
  public private(set) var note = TextField(label: "备注", maxLength: 200)
  public private(set) var checklist: MaterialChecklist
  /// 代办人、帮办、特殊群体.
  public internal(set) var assist = AssistanceFields()
  public private(set) var focus: Field = .name
  public internal(set) var errors: [Field: String] = [:]
  /// A refusal from the store, or the first problem after F5.
  public var message: String?

  /// The day of the registration: an ID number cannot give a later birth date.
  public let today: CivilDate

  public init(item: DirectoryItem, package: PackageForm? = nil, today: CivilDate) {
    self.item = item
    self.package = package
    self.today = today
    checklist = MaterialChecklist(
      materials: package?.checklist.requirements ?? item.snapshot.materials)
  }

  public enum Outcome: Equatable, Sendable { case none, submit, cancel }

  public var applicantKind: ApplicantKind { ApplicantKind(title: kind.value) ?? .person }

  public var hasInput: Bool {
    !(name.isEmpty && idNumber.isEmpty && phone.isEmpty && note.isEmpty) || assist.hasInput
  }

  public func label(_ f: Field) -> String {
    switch f {
    case .kind: return "申请人类型"
    case .name: return applicantKind.nameLabel
    case .idNumber: return applicantKind.idLabel
    case .phone: return "联系电话"
    case .channel: return "申请渠道"
    case .note: return "备注"
    case .materials: return "申请材料"
    default: return assistanceLabel(f) ?? ""
    }
  }

  /// What would be registered.
  public var input: RegistrationInput {
    RegistrationInput(
      itemCode: item.snapshot.code,
      applicant: Applicant(
        kind: applicantKind, name: name.trimmed, idNumber: idNumber.trimmed, phone: phone.trimmed),
      channel: ApplicationChannel(title: channel.value) ?? .counter, note: note.trimmed,
      materials: checklist.statuses, assistance: assist.value)
  }

  /// A hint beside a field with no error (`还差3位`, `校验通过`).
  public var hints: [Field: String] {
    var out: [Field: String] = [:]
    let typed = idNumber.trimmed.count
    if typed > 0, errors[.idNumber] == nil {
      out[.idNumber] = typed < 18 ? "还差\(18 - typed)位" : "校验通过"
    }
    for f in [Field.name, .phone, .note] where errors[f] == nil {
      if let n = textField(f)?.limitNote { out[f] = n }
    }
    if item.snapshot.materials.isEmpty { out[.materials] = "无需材料" }
    return out
  }

  public mutating func handle(_ key: Key, page: Int) -> Outcome {
    if key == .function(5) { return validate() ? .submit : .none }
    if key == .escape { return .cancel }
    if let step = key.fieldStep {
      move(step)
      return .none
    }
    if focus == .materials {
      switch checklist.handle(key, page: page) {
      case .leftTop: move(-1)
      case .changed: errors[.materials] = nil
      default: break
      }
      return .none
    }
    if key == .enter || key == .down {
      move(1)
      return .none
    }
    if key == .up {
      move(-1)
      return .none
    }
    edit(key)
    return .none
  }

  mutating func edit(_ key: Key) {
    var handled = false
    switch focus {
    case .kind:
      handled = kind.handle(key)
      if handled {
        idNumber.label = applicantKind.idLabel
        checkID(final: false)
      }
    case .name: handled = name.handle(key)
    case .idNumber:
      handled = idNumber.handle(key)
      if handled { checkID(final: false) }
    case .phone: handled = phone.handle(key)
    case .channel: handled = channel.handle(key)
    case .note: handled = note.handle(key)
    case .materials: break
    default: handled = editAssistance(focus, key) ?? false
    }
    if let full = textField(focus), full.refusedAtLimit {
      errors[focus] = FieldLimit.refusal(max: full.maxLength)
      return
    }
    if handled, focus != .idNumber, focus != .kind, focus != .agentID {
      errors[focus] = nil
      message = nil
    }
  }

  func textField(_ f: Field) -> TextField? {
    switch f {
    case .name: return name
    case .idNumber: return idNumber
    case .phone: return phone
    case .note: return note
    case .kind, .channel, .materials: return nil
    default: return assistanceText(f)
    }
  }

  /// Checked as typed: a wrong check digit shows the moment the 18th character is in.
  mutating func checkID(final: Bool) {
    let text = idNumber.trimmed
    guard !text.isEmpty else {
      errors[.idNumber] = nil
      return
    }
    if text.count < 18 && !final {
      errors[.idNumber] = nil
      return
    }
    let p =
      applicantKind == .person
      ? ResidentID.validate(text, today: today) : CreditCode.validate(text)
    errors[.idNumber] = p?.message
  }

  mutating func move(_ step: Int) {
    let leaving = focus
    let all = Field.allCases
    var i = all.firstIndex(of: focus) ?? 0
    repeat {
      i = (i + step + all.count) % all.count
    } while isHidden(all[i])
    focus = all[i]
    if focus == .materials { checklist.focusFirst() }
    // Leaving a filled field checks it, so the clerk hears about a typo before F5.
    if leaving == .phone, !phone.isEmpty {
      errors[.phone] = PhoneNumber.validateContact(phone.trimmed)?.message
    }
    if leaving == .idNumber { checkID(final: true) }
    if leaving == .agentID { checkAgentID(final: true) }
    if leaving == .agentPhone, !assist.agentPhone.isEmpty {
      errors[.agentPhone] = PhoneNumber.validateContact(assist.agentPhone.trimmed).map {
        "代办人" + $0.message
      }
    }
  }

  public mutating func focus(on f: Field) { focus = f }

  /// The clerk answered 「全部材料已收齐?」 yes: every unchecked line takes what it showed.
  mutating func checkAllMaterials() { checklist.checkAll() }

  /// Marks every field in error; true when the form can be saved.
  public mutating func validate() -> Bool {
    errors = [:]
    let i = input
    for p in i.applicant.problems(today: today) {
      if let f = Field.allCases.first(where: { $0.registrationField == p.field }), errors[f] == nil
      {
        errors[f] = p.message
      }
    }
    if let p = FieldText.check(note.text, field: "备注", required: false, maxLength: 200) {
      errors[.note] = p.message
    }
    validateAssistance()
    guard let first = Field.allCases.first(where: { errors[$0] != nil }) else {
      message = nil
      return true
    }
    message = "请更正: \(errors[first] ?? "")"
    focus = first
    return false
  }

  /// Shows a refusal from the store against the field it concerns, keeping every value.
  public mutating func refused(_ text: String) {
    message = text
    if text.contains("身份证") || text.contains("信用代码") {
      errors[.idNumber] = text
      focus = .idNumber
    } else if text.contains("电话") {
      errors[.phone] = text
      focus = .phone
    } else if text.contains("免提交") || text.contains("材料") {
      errors[.materials] = text
    }
  }
}
