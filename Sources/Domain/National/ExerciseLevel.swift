/// 行使层级 — GB/T 39046—2020 A.2 行使层级代码: at which level of government an item is exercised.
public enum ExerciseLevel: String, NationalCodeTable, Codable {
  case national
  case provincial
  case municipal
  case county
  case township
  case village
  case tiered

  public var code: String {
    switch self {
    case .national: return "1"
    case .provincial: return "2"
    case .municipal: return "3"
    case .county: return "4"
    case .township: return "5"
    case .village: return "6"
    case .tiered: return "7"
    }
  }

  public var name: String {
    switch self {
    case .national: return "国家级"
    case .provincial: return "省级"
    case .municipal: return "市级"
    case .county: return "县级"
    case .township: return "镇(乡、街道)级"
    case .village: return "村(社区)级"
    case .tiered: return "分级管理"
    }
  }

  /// The level an organisation of ours exercises at, until the catalog records it per item: a
  /// district organisation (中心、部门) is 县级, a township or street office 镇(乡、街道)级.
  public init(_ kind: Organisation.Kind) {
    switch kind {
    case .district, .department: self = .county
    case .township, .street: self = .township
    }
  }
}
