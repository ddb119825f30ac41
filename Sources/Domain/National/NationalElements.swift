/// 国家标准要素 — the elements of GB/T 39046 table 4 our own service guide did not have, kept
/// with a catalog item (`CatalogItem.national`; nil for an item catalogued before them).
///
/// 基本编码 and 实施编码 are kept as the national exchange tables hold them (12 and 36 letters and
/// digits), since codes in use (31 characters) outgrow the standard's own 10 and 24; they are
/// stored as given and never parsed. Our short 事项编码 stays the clerk's handle.
public struct NationalElements: Codable, Equatable, Sendable {
  /// 基本编码 (an..12), empty until the province assigns it.
  public var basicCode: String
  /// 实施编码 (an..36), empty until the province assigns it.
  public var implementationCode: String
  /// 事项类型 (A.1) when it says more than our type: 行政处罚、行政强制、行政检查 (catalogued as
  /// 其他行政权力). Nil: derived from the item's type.
  public var matterType: MatterType?
  public var exerciseLevel: ExerciseLevel?
  public var implementerNature: ImplementerNature?
  /// 服务对象 (A.4), one or more.
  public var serviceTargets: [ServiceTarget]
  /// 办理形式 (A.5), one or more.
  public var handlingForms: [HandlingForm]
  public var scope: CrossRegionScope?
  /// 是否收费, and 收费依据 when it charges.
  public var charged: Bool
  public var feeBasis: String
  /// 数量限制 (`无` or the limit in words).
  public var quantityLimit: String
  /// 共同实施部门 (names), empty when none.
  public var jointDepartments: String
  /// 咨询方式 (beyond the phone: a window, a website).
  public var consultation: String
  /// 监督电话 (a number that dials, an..18).
  public var supervisionPhone: String
  public var appointment: Bool
  public var onlinePayment: Bool
  public var express: Bool
  /// 网办地址 (an..50 in the standard; we allow 200, real addresses are longer).
  public var onlineAddress: String
  /// 常见问题 (..1000).
  public var faq: String

  public init(
    basicCode: String = "", implementationCode: String = "", matterType: MatterType? = nil,
    exerciseLevel: ExerciseLevel? = nil, implementerNature: ImplementerNature? = nil,
    serviceTargets: [ServiceTarget] = [], handlingForms: [HandlingForm] = [],
    scope: CrossRegionScope? = nil, charged: Bool = false, feeBasis: String = "",
    quantityLimit: String = "", jointDepartments: String = "", consultation: String = "",
    supervisionPhone: String = "", appointment: Bool = false, onlinePayment: Bool = false,
    express: Bool = false, onlineAddress: String = "", faq: String = ""
  ) {
    self.basicCode = basicCode
    self.implementationCode = implementationCode
    self.matterType = matterType
    self.exerciseLevel = exerciseLevel
    self.implementerNature = implementerNature
    self.serviceTargets = serviceTargets
    self.handlingForms = handlingForms
    self.scope = scope
    self.charged = charged
    self.feeBasis = feeBasis
    self.quantityLimit = quantityLimit
    self.jointDepartments = jointDepartments
    self.consultation = consultation
    self.supervisionPhone = supervisionPhone
    self.appointment = appointment
    self.onlinePayment = onlinePayment
    self.express = express
    self.onlineAddress = onlineAddress
    self.faq = faq
  }

  /// Every element with its label, in the standard's order, as the detail view and the diff show
  /// them. Labels are at most 6 characters: the detail view's label column is 12 cells wide.
  public var fields: [(label: String, value: String)] {
    func yes(_ b: Bool) -> String { b ? "是" : "否" }
    func list<T: NationalCodeTable>(_ values: [T]) -> String {
      values.map(\.name).joined(separator: "、")
    }
    return [
      ("基本编码", basicCode), ("实施编码", implementationCode),
      ("国标事项类型", matterType?.name ?? ""), ("行使层级", exerciseLevel?.name ?? ""),
      ("实施主体性质", implementerNature?.name ?? ""), ("服务对象", list(serviceTargets)),
      ("办理形式", list(handlingForms)), ("通办范围", scope?.name ?? ""), ("是否收费", yes(charged)),
      ("收费依据", feeBasis), ("数量限制", quantityLimit), ("共同实施部门", jointDepartments),
      ("咨询方式", consultation), ("监督电话", supervisionPhone), ("支持预约办理", yes(appointment)),
      ("支持网上支付", yes(onlinePayment)), ("支持物流快递", yes(express)),
      ("网办地址", onlineAddress), ("常见问题", faq),
    ]
  }

  /// What changed from `old` (nil: an item without them), one line per element.
  public func changes(from old: NationalElements?) -> [String] {
    let before = (old ?? NationalElements()).fields
    return zip(before, fields).compactMap { a, b in
      a.value == b.value
        ? nil
        : "\(b.label): \(a.value.isEmpty ? "无" : a.value) 改为 \(b.value.isEmpty ? "无" : b.value)"
    }
  }
}
