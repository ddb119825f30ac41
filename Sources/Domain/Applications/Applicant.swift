/// 申请渠道 — how the application reached us.
public enum ApplicationChannel: String, Codable, Titled {
  /// 窗口 — a walk-in, typed by the counter clerk on the applicant's behalf (第十八条).
  case counter
  /// 网上 — the web portal.
  case online
  /// 掌上 — the mobile app.
  case mobile
  /// 自助 — a self-service terminal.
  case kiosk

  public var title: String {
    switch self {
    case .counter: return "窗口"
    case .online: return "网上"
    case .mobile: return "掌上"
    case .kiosk: return "自助"
    }
  }

  /// Submitted by the applicant through the platform rather than typed at a counter: such an
  /// application first gets a 网上预审 opinion, and is deemed accepted if it gets none in time
  /// (行政许可法 第三十二条).
  public var isSelfSubmitted: Bool { self != .counter }
}

/// 申请人类型
public enum ApplicantKind: String, Codable, Titled {
  /// 个人 — identified by a resident ID number.
  case person
  /// 单位 — identified by a unified social credit code.
  case organisation

  public var title: String { self == .person ? "个人" : "单位" }

  /// `姓名` or `单位名称`.
  public var nameLabel: String { self == .person ? "姓名" : "单位名称" }
  /// `身份证号码` or `统一社会信用代码`.
  public var idLabel: String { self == .person ? "身份证号码" : "统一社会信用代码" }
}

/// 申请人 — who applies, and how to reach them.
public struct Applicant: Codable, Equatable, Sendable {
  public var kind: ApplicantKind
  public var name: String
  /// Resident ID or credit code, normalized (upper case, trimmed).
  public var idNumber: String
  /// 联系电话
  public var phone: String

  public init(kind: ApplicantKind, name: String, idNumber: String, phone: String) {
    self.kind = kind
    self.name = name
    self.idNumber = idNumber
    self.phone = phone
  }

  /// 脱敏 — for lists; the detail view shows the whole number.
  public var maskedID: String {
    kind == .person ? ResidentID.mask(idNumber) : CreditCode.mask(idNumber)
  }

  public var maskedPhone: String { PhoneNumber.mask(phone) }

  /// Problems of each field, in form order (empty when the applicant can be recorded on
  /// `today`: a person's ID number cannot give a later birth date).
  public func problems(today: CivilDate) -> [(field: RegistrationField, message: String)] {
    var out: [(RegistrationField, String)] = []
    let nameProblem =
      kind == .person
      ? FieldText.checkPersonName(name, field: kind.nameLabel, maxLength: 60)
      : FieldText.check(name, field: kind.nameLabel, required: true, maxLength: 60)
    if let p = nameProblem { out.append((.name, p.message)) }
    let idProblem =
      kind == .person
      ? ResidentID.validate(idNumber, today: today) : CreditCode.validate(idNumber)
    if idNumber.trimmingSpaces().isEmpty {
      out.append((.idNumber, "「\(kind.idLabel)」不能为空"))
    } else if let p = idProblem {
      out.append((.idNumber, p.message))
    }
    if phone.trimmingSpaces().isEmpty {
      out.append((.phone, "「联系电话」不能为空"))
    } else if let p = PhoneNumber.validateContact(phone) {
      out.append((.phone, p.message))
    }
    return out
  }

  /// Trimmed and normalized: the value that is stored.
  public var normalized: Applicant {
    Applicant(
      kind: kind, name: name.trimmingSpacesAndNewlines(),
      idNumber: kind == .person ? ResidentID.normalize(idNumber) : CreditCode.normalize(idNumber),
      phone: phone.trimmingSpacesAndNewlines())
  }
}

/// The registration form's fields, by the keys problems are reported under.
public enum RegistrationField: String, CaseIterable, Sendable {
  case item, applicantKind, name, idNumber, phone, channel, note, materials
}

/// 材料核对状态 — one line of the checklist.
public enum MaterialStatus: String, Codable, CaseIterable, Sendable {
  /// 已收
  case received
  /// 免提交 — obtainable by data sharing (第二十六条); only for shareable materials.
  case exempt
  /// 缺
  case missing
  /// 有误 — handed over, but wrong (expired, unsigned, illegible …).
  case defective

  public var title: String {
    switch self {
    case .received: return "已收"
    case .exempt: return "免提交"
    case .missing: return "缺"
    case .defective: return "有误"
    }
  }

  /// Counts as in hand for acceptance.
  public var isSatisfied: Bool { self == .received || self == .exempt }

  /// What Enter makes of it: 已收 → 缺 → 有误 → (免提交, when shareable) → 已收.
  public func toggled(shareable: Bool) -> MaterialStatus {
    switch self {
    case .received: return .missing
    case .missing: return .defective
    case .defective: return shareable ? .exempt : .received
    case .exempt: return .received
    }
  }

  /// The checklist's starting value: shareable materials need not be brought, the rest are
  /// usually handed over; an optional one is not asked for.
  public static func initial(for m: MaterialRequirement) -> MaterialStatus {
    if m.shareable { return .exempt }
    return m.required ? .received : .missing
  }
}
