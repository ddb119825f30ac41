import Foundation

/// 评价等级 — the five levels of 好差评; the raw value is the score (5 = 非常满意).
public enum RatingLevel: Int, Codable, Titled, Comparable {
  case verySatisfied = 5
  case satisfied = 4
  case basicallySatisfied = 3
  case dissatisfied = 2
  case veryDissatisfied = 1

  public var title: String {
    switch self {
    case .verySatisfied: return "非常满意"
    case .satisfied: return "满意"
    case .basicallySatisfied: return "基本满意"
    case .dissatisfied: return "不满意"
    case .veryDissatisfied: return "非常不满意"
    }
  }

  /// 差评 — 不满意 and 非常不满意 open a rectification case (第三十七条).
  public var isBad: Bool { rawValue <= 2 }

  public static func < (a: RatingLevel, b: RatingLevel) -> Bool { a.rawValue < b.rawValue }
}

/// 评价渠道 — where the rating was given (第三十五条: 线上线下评价渠道全覆盖).
public enum RatingChannel: String, Codable, CaseIterable, Sendable {
  case counter = "窗口"
  case online = "网上"
  case mobile = "掌上"
  case kiosk = "自助终端"
  case sms = "短信"
  case phone = "电话"

  public var title: String { rawValue }
}

/// 评价 — what a rating says, as the counter takes it at conclusion or a clerk registers it by hand.
public struct RatingInput: Codable, Equatable, Sendable {
  public var channel: RatingChannel
  /// 办件编号 — the application the rating is about, when there is one.
  public var serviceCaseID: String?
  /// 事项编码 (may be empty when the reviewer did not name the item precisely).
  public var itemCode: String
  /// 事项名称
  public var itemName: String
  /// The organisation that served the applicant: it owns any rectification (谁办理、谁负责).
  public var organisation: String
  public var level: RatingLevel
  /// 评价内容 (may be empty).
  public var comment: String
  /// 实名评价 — the reviewer gave a name and a contact; such bad reviews must be called back.
  public var realName: Bool
  public var reviewerName: String?
  public var reviewerPhone: String?
  /// 评价日期 — the day the reviewer rated (statistics count by it); nil means today.
  public var ratedOn: CivilDate?

  public init(
    channel: RatingChannel, serviceCaseID: String? = nil, itemCode: String, itemName: String,
    organisation: String, level: RatingLevel, comment: String = "", realName: Bool,
    reviewerName: String? = nil, reviewerPhone: String? = nil, ratedOn: CivilDate? = nil
  ) {
    self.channel = channel
    self.serviceCaseID = serviceCaseID
    self.itemCode = itemCode
    self.itemName = itemName
    self.organisation = organisation
    self.level = level
    self.comment = comment
    self.realName = realName
    self.reviewerName = reviewerName
    self.reviewerPhone = reviewerPhone
    self.ratedOn = ratedOn
  }

  /// The fields a form shows, by the keys problems are reported under.
  public enum Field: String, CaseIterable, Sendable {
    case channel, serviceCaseID, itemCode, itemName, organisation, level, comment, realName,
      reviewerName, reviewerPhone, ratedOn
  }

  /// Trimmed text, empty optionals as nil, the rating date filled in: the value that is stored.
  public func normalized(today: CivilDate) -> RatingInput {
    func clean(_ s: String?) -> String? {
      guard let t = s?.trimmingSpacesAndNewlines(), !t.isEmpty else {
        return nil
      }
      return t
    }
    var r = self
    r.serviceCaseID = clean(serviceCaseID)
    r.itemCode = clean(itemCode) ?? ""
    r.itemName = clean(itemName) ?? ""
    r.organisation = clean(organisation) ?? ""
    r.comment = clean(comment) ?? ""
    r.reviewerName = clean(reviewerName)
    r.reviewerPhone = clean(reviewerPhone)
    r.ratedOn = ratedOn ?? today
    return r
  }

  /// Every problem, in form order; empty when the rating can be recorded.
  public func problems(today: CivilDate) -> [(field: Field, message: String)] {
    var out: [(Field, String)] = []
    func text(_ f: Field, _ value: String?, _ label: String, required: Bool, max: Int) {
      if let p = FieldText.check(
        value ?? "", field: label, required: required, maxLength: max, multiline: f == .comment)
      {
        out.append((f, p.message))
      }
    }
    text(.serviceCaseID, serviceCaseID, "办件编号", required: false, max: 30)
    text(.itemCode, itemCode, "事项编码", required: false, max: 40)
    text(.itemName, itemName, "事项名称", required: true, max: 60)
    text(.organisation, organisation, "服务单位", required: true, max: 12)
    text(.comment, comment, "评价内容", required: false, max: 500)
    if realName {
      if let p = FieldText.checkPersonName(reviewerName ?? "", field: "评价人姓名", maxLength: 20) {
        out.append((.reviewerName, p.message))
      }
      if let phone = reviewerPhone, !phone.trimmingSpaces().isEmpty {
        if let p = PhoneNumber.validateContact(phone) { out.append((.reviewerPhone, p.message)) }
      } else {
        out.append((.reviewerPhone, "实名评价须留联系电话,以便核实和回访"))
      }
    } else {
      let named = !(reviewerName ?? "").trimmingSpaces().isEmpty
      let phoned = !(reviewerPhone ?? "").trimmingSpaces().isEmpty
      if named || phoned {
        out.append((named ? .reviewerName : .reviewerPhone, "匿名评价不记录评价人姓名和联系电话"))
      }
    }
    if let d = ratedOn, d > today {
      out.append((.ratedOn, "评价日期不能晚于今天"))
    }
    return out
  }

  /// The first problem as a refusal, or nil.
  public func check(today: CivilDate) -> Refusal? {
    problems(today: today).first.map { Refusal($0.message) }
  }
}
