/// 事项类型 — the kind of power or service an item is (第九条: 明确事项实施主体 … 等要素).
public enum ItemType: String, Codable, Titled {
  /// 行政许可
  case licensing
  /// 行政确认
  case confirmation
  /// 行政给付
  case benefit
  /// 行政裁决
  case adjudication
  /// 行政奖励
  case reward
  /// 行政征收
  case levy
  /// 其他行政权力
  case otherPower
  /// 公共服务
  case publicService

  public var title: String {
    switch self {
    case .licensing: return "行政许可"
    case .confirmation: return "行政确认"
    case .benefit: return "行政给付"
    case .adjudication: return "行政裁决"
    case .reward: return "行政奖励"
    case .levy: return "行政征收"
    case .otherPower: return "其他行政权力"
    case .publicService: return "公共服务"
    }
  }

}

/// 事项状态 — only an item 在用 takes new applications.
public enum ItemStatus: String, Codable, Titled {
  /// 在用
  case active
  /// 暂停
  case suspended
  /// 已终止 — final: a terminated item is never changed again.
  case terminated

  public var title: String {
    switch self {
    case .active: return "在用"
    case .suspended: return "暂停"
    case .terminated: return "已终止"
    }
  }

}

/// 材料形式 — what the applicant hands over.
public enum MaterialForm: String, Codable, Titled {
  /// 原件
  case original
  /// 复印件
  case copy
  /// 原件和复印件 (the original is checked and returned, the copy kept)
  case originalAndCopy

  public var title: String {
    switch self {
    case .original: return "原件"
    case .copy: return "复印件"
    case .originalAndCopy: return "原件和复印件"
    }
  }

}

/// 申请材料 — one line of an item's materials list.
public struct Material: Codable, Equatable, Sendable {
  public var name: String
  public var form: MaterialForm
  /// 份数
  public var copies: Int
  /// 必要 (true) or 非必要 — an optional material applies to some applicants only.
  public var required: Bool
  /// 免提交 — obtainable by data sharing, so the applicant need not bring it (第二十六条).
  public var shared: Bool
  /// 备注 (e.g. 须在有效期内), may be empty.
  public var note: String
  /// 出具机构 (GB/T 39046 table 4) — who issues the material (`公安机关`); nil when not recorded,
  /// and then left out of the payload, so materials recorded before it keep their bytes.
  public var issuer: String?

  public init(
    name: String, form: MaterialForm = .original, copies: Int = 1, required: Bool = true,
    shared: Bool = false, note: String = "", issuer: String? = nil
  ) {
    self.name = name
    self.form = form
    self.copies = copies
    self.required = required
    self.shared = shared
    self.note = note
    self.issuer = issuer
  }

  /// 原件份数 and 复印件份数 as the standard counts them, from our form and count (原件和复印件:
  /// as many of each).
  public var originalsAndCopies: (originals: Int, copies: Int) {
    (form == .copy ? 0 : copies, form == .original ? 0 : copies)
  }

  /// `原件 1份 必要 免提交` — one line of the detail view and the checklist.
  public var summary: String {
    var parts = [form.title, "\(copies)份", required ? "必要" : "非必要"]
    if shared { parts.append("免提交(共享获取)") }
    if !note.isEmpty { parts.append(note) }
    if let issuer, !issuer.isEmpty { parts.append("出具机构:\(issuer)") }
    return parts.joined(separator: " ")
  }
}

/// 政务服务事项 — one item of the catalog with every element of its service guide (第九条), as in
/// effect from one version on.
///
/// Applications are registered against a version and keep it: `Store.catalogItem(code:version:)`
/// gives back exactly what the applicant was told.
public struct CatalogItem: Codable, Equatable, Sendable {
  /// 事项编码, e.g. `SCJG-XK-001`.
  public var code: String
  public var name: String
  public var type: ItemType
  /// 实施主体 — an organisation code (`SCJG`).
  public var organisation: String
  /// 设定依据
  public var legalBasis: String
  /// 受理条件
  public var conditions: String
  public var materials: [Material]
  /// 中介服务 — empty when none.
  public var intermediaries: String
  /// 办理流程
  public var steps: String
  /// 法定办结时限, working days.
  public var legalDays: Int
  /// 承诺办结时限, working days; 0 = 即办. Never above the legal limit.
  public var promisedDays: Int
  /// 收费标准 (`不收费`).
  public var fee: String
  /// 办理结果 — the certificate or decision issued.
  public var result: String
  /// 办理地点
  public var place: String
  /// 办理时间
  public var hours: String
  /// 咨询电话
  public var phone: String
  /// 全程网办
  public var isFullyOnline: Bool
  public var status: ItemStatus
  /// 版本号 — 1 for the first effective version; 0 while only proposed in a change.
  public var version: Int
  /// The day this version took effect (nil while proposed).
  public var effectiveOn: CivilDate?
  /// The change case that made this version (nil while proposed).
  public var changeID: String?
  /// 国家标准要素 (GB/T 39046 table 4); nil for an item catalogued before them, and then left out
  /// of the payload, so the versions recorded before keep their bytes.
  public var national: NationalElements?
  /// 别名 — what clerks and applicants call the item (`低保` for 最低生活保障), found by search;
  /// nil when none, and then left out of the payload, so versions recorded before keep their
  /// bytes.
  public var aliases: [String]?

  public init(
    code: String, name: String, type: ItemType, organisation: String, legalBasis: String,
    conditions: String, materials: [Material], intermediaries: String = "", steps: String,
    legalDays: Int, promisedDays: Int, fee: String = "不收费", result: String, place: String,
    hours: String, phone: String, isFullyOnline: Bool = false, status: ItemStatus = .active,
    version: Int = 0, effectiveOn: CivilDate? = nil, changeID: String? = nil,
    national: NationalElements? = nil, aliases: [String]? = nil
  ) {
    self.code = code
    self.name = name
    self.type = type
    self.organisation = organisation
    self.legalBasis = legalBasis
    self.conditions = conditions
    self.materials = materials
    self.intermediaries = intermediaries
    self.steps = steps
    self.legalDays = legalDays
    self.promisedDays = promisedDays
    self.fee = fee
    self.result = result
    self.place = place
    self.hours = hours
    self.phone = phone
    self.isFullyOnline = isFullyOnline
    self.status = status
    self.version = version
    self.effectiveOn = effectiveOn
    self.changeID = changeID
    self.national = national
    self.aliases = aliases
  }

  /// The service guide alone, without the version stamp: what a change proposes.
  public var content: CatalogItem {
    var c = self
    c.version = 0
    c.effectiveOn = nil
    c.changeID = nil
    return c
  }

  /// Whether two items say the same to an applicant (version stamps aside).
  public func sameContent(as other: CatalogItem) -> Bool { content == other.content }

  /// `即办` or `5个工作日`.
  public static func limitText(_ days: Int) -> String { days == 0 ? "即办" : "\(days)个工作日" }
}

extension CatalogItem {
  /// Only an item 在用 takes new applications; 暂停 and 已终止 items are shown but refused.
  public var acceptsApplications: Bool { status == .active }

  /// Why a new application for this item cannot be registered, or nil when it can.
  public var newApplicationRefusal: Refusal? {
    switch status {
    case .active: return nil
    case .suspended:
      return Refusal("事项「\(name)」已暂停办理,不能受理新的申请", article: "第十二条")
    case .terminated:
      return Refusal("事项「\(name)」已终止,不能受理新的申请", article: "第十二条")
    }
  }
}
