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
  }

  public var code: String
  public var name: String
  public var kind: Kind
  /// The node that serves this organisation (a township's own node), nil if the district's.
  public var node: String?
  /// 全称 with the district, as notices are issued (`白银区市场监督管理局`); nil: the name.
  public var fullName: String?
  /// 办公地址 and 咨询电话, printed on notices so an applicant can ask; nil when not recorded.
  public var address: String?
  public var phone: String?

  public init(
    code: String, name: String, kind: Kind, node: String? = nil, fullName: String? = nil,
    address: String? = nil, phone: String? = nil
  ) {
    self.code = code
    self.name = name
    self.kind = kind
    self.node = node
    self.fullName = fullName
    self.address = address
    self.phone = phone
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

  public init(
    code: String, name: String, district: String, isDistrict: Bool, epoch: Int = 1,
    training: Bool = false
  ) {
    self.code = code
    self.name = name
    self.district = district
    self.isDistrict = isDistrict
    self.epoch = epoch
    self.training = training
  }

  /// Origin of this node's events: node code and epoch.
  public var origin: String { "\(code).\(epoch)" }
}
