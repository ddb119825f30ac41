/// 服务对象 — GB/T 39046—2020 A.4 服务对象代码 (an item serves one or more).
public enum ServiceTarget: String, NationalCodeTable, Codable {
  case naturalPerson
  case enterprise
  case publicInstitution
  case socialOrganisation
  case administrativeOrgan
  case otherOrganisation

  public var code: String {
    switch self {
    case .naturalPerson: return "1"
    case .enterprise: return "2"
    case .publicInstitution: return "3"
    case .socialOrganisation: return "4"
    case .administrativeOrgan: return "5"
    case .otherOrganisation: return "6"
    }
  }

  public var name: String {
    switch self {
    case .naturalPerson: return "自然人"
    case .enterprise: return "企业法人"
    case .publicInstitution: return "事业法人"
    case .socialOrganisation: return "社会组织法人"
    case .administrativeOrgan: return "行政机关"
    case .otherOrganisation: return "其他组织"
    }
  }
}
