/// 事项类型 — GB/T 39046—2020 A.1 事项类型代码.
///
/// 00 and 20 are the two families (权力事项, 公共服务事项); 01–10 the kinds of power. The standard
/// lets a province extend with 11…, 21…; we write only the codes below.
public enum MatterType: String, NationalCodeTable, Codable {
  case power
  case licensing
  case penalty
  case enforcement
  case levy
  case benefit
  case inspection
  case confirmation
  case reward
  case adjudication
  case otherCategory
  case publicService

  public var code: String {
    switch self {
    case .power: return "00"
    case .licensing: return "01"
    case .penalty: return "02"
    case .enforcement: return "03"
    case .levy: return "04"
    case .benefit: return "05"
    case .inspection: return "06"
    case .confirmation: return "07"
    case .reward: return "08"
    case .adjudication: return "09"
    case .otherCategory: return "10"
    case .publicService: return "20"
    }
  }

  public var name: String {
    switch self {
    case .power: return "行政权力事项"
    case .licensing: return "行政许可"
    case .penalty: return "行政处罚"
    case .enforcement: return "行政强制"
    case .levy: return "行政征收"
    case .benefit: return "行政给付"
    case .inspection: return "行政检查"
    case .confirmation: return "行政确认"
    case .reward: return "行政奖励"
    case .adjudication: return "行政裁决"
    case .otherCategory: return "其他类别事项"
    case .publicService: return "公共服务事项"
    }
  }

  /// 行政处罚、行政强制、行政检查 are done to a party, not asked for: they can be catalogued, but
  /// no counter application is ever registered for them.
  public var takesApplications: Bool {
    switch self {
    case .penalty, .enforcement, .inspection, .power: return false
    default: return true
    }
  }

  /// The national type of one of our catalog's types. 其他行政权力 is A.1's 10 其他类别事项 (the
  /// reference explains why not 00, which names the whole family).
  public init(_ type: ItemType) {
    switch type {
    case .licensing: self = .licensing
    case .confirmation: self = .confirmation
    case .benefit: self = .benefit
    case .adjudication: self = .adjudication
    case .reward: self = .reward
    case .levy: self = .levy
    case .otherPower: self = .otherCategory
    case .publicService: self = .publicService
    }
  }
}
