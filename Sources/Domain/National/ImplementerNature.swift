/// 实施主体性质 — GB/T 39046—2020 A.3 实施主体性质代码.
public enum ImplementerNature: String, NationalCodeTable, Codable {
  case statutoryAuthority
  case authorisedOrganisation
  case entrustedOrganisation
  case other

  public var code: String {
    switch self {
    case .statutoryAuthority: return "1"
    case .authorisedOrganisation: return "2"
    case .entrustedOrganisation: return "3"
    case .other: return "9"
    }
  }

  public var name: String {
    switch self {
    case .statutoryAuthority: return "法定机关"
    case .authorisedOrganisation: return "授权组织"
    case .entrustedOrganisation: return "受委托组织"
    case .other: return "其他"
    }
  }
}
