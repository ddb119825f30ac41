/// 通办范围 — how far an item can be done away from where the applicant belongs (GB/T 39046 table
/// 4, 通办范围代码 n1). The standard lists the four without numbering them; we number them in its
/// order, widest first, and say so in the reference.
public enum CrossRegionScope: String, NationalCodeTable, Codable {
  case nationwide
  case crossProvince
  case crossCity
  case crossCounty

  public var code: String {
    switch self {
    case .nationwide: return "1"
    case .crossProvince: return "2"
    case .crossCity: return "3"
    case .crossCounty: return "4"
    }
  }

  public var name: String {
    switch self {
    case .nationwide: return "全国"
    case .crossProvince: return "跨省"
    case .crossCity: return "跨市"
    case .crossCounty: return "跨县"
    }
  }
}
