/// 单位 — a township, street or department: whom cases are assigned to.
public struct Organisation: Codable, Equatable, Sendable {
  public enum Kind: String, Codable, Sendable, CaseIterable {
    /// 区级(政务服务中心、区直部门)
    case district
    /// 镇/乡
    case township
    /// 街道
    case street
    /// 区直部门
    case department

    public var title: String {
      switch self {
      case .district: return "区级"
      case .township: return "乡镇"
      case .street: return "街道"
      case .department: return "部门"
      }
    }

    /// The kind a district admin types (`--kind 部门|乡镇|街道|中心`); 中心 and 区级 name the
    /// district's own level (the service centre and the offices directly under the district).
    public init?(title: String) {
      switch title {
      case "部门", "department": self = .department
      case "乡镇", "镇", "乡", "township": self = .township
      case "街道", "street": self = .street
      case "中心", "区级", "district": self = .district
      default: return nil
      }
    }
  }

  public var code: String
  public var name: String
  public var kind: Kind
  /// The node that serves this organisation (a township's own node), nil if the district's.
  public var node: String?
  /// The organisation this one belongs to (a 中心's 窗口, a 局's 所), if any.
  public var parent: String?
  /// 已停用: kept for history, given no new staff. Folded from `org.disabled`, never in a payload.
  public var disabled = false
  /// 全称 with the district, as notices are issued (`白银区市场监督管理局`); nil: the name.
  public var fullName: String?
  /// 办公地址 and 咨询电话, printed on notices so an applicant can ask; nil when not recorded.
  public var address: String?
  public var phone: String?
  /// 统一社会信用代码 (GB 32100), nil until recorded. Folded from `org.creditCodeSet`, never in an
  /// `org.defined` payload, so the definitions synced before it existed keep their exact bytes.
  public var creditCode: String?

  // `disabled` is state, not definition; the optional fields are omitted when nil, so the
  // payloads written before they existed keep their exact bytes.
  enum CodingKeys: String, CodingKey {
    case code, name, kind, node, parent, fullName, address, phone
  }

  public init(
    code: String, name: String, kind: Kind, node: String? = nil, parent: String? = nil,
    disabled: Bool = false, fullName: String? = nil, address: String? = nil, phone: String? = nil,
    creditCode: String? = nil
  ) {
    self.code = code
    self.name = name
    self.kind = kind
    self.node = node
    self.parent = parent
    self.disabled = disabled
    self.fullName = fullName
    self.address = address
    self.phone = phone
    self.creditCode = creditCode
  }
}

/// 节点 — one installation: the district, or one township.
public struct NodeIdentity: Codable, Equatable, Sendable {
  public var code: String
  public var name: String
  /// District code every node of the deployment shares (`BYQ` for 白银区).
  public var district: String
  public var isDistrict: Bool
  /// Bumped when a node is restored from a backup, so its origin changes.
  public var epoch: Int
  /// A demo or training database: `--as` is accepted only here.
  public var training: Bool
  /// 行政区划代码 (GB/T 2260): 6 digits for the district, 9 for a township; nil on a node created
  /// before it was recorded. Omitted from the genesis payload when nil, so older geneses keep
  /// their bytes.
  public var region: String?

  public init(
    code: String, name: String, district: String, isDistrict: Bool, epoch: Int = 1,
    training: Bool = false, region: String? = nil
  ) {
    self.code = code
    self.name = name
    self.district = district
    self.isDistrict = isDistrict
    self.epoch = epoch
    self.training = training
    self.region = region
  }

  /// Origin of this node's events: node code and epoch.
  public var origin: String { "\(code).\(epoch)" }
}
