/// 满意度 — GB/T 39046—2020 A.8 满意度代码: **1 = 非常满意 … 5 = 非常不满意**.
///
/// Our own `RatingLevel` scores the other way (5 = 非常满意), as many 好差评 interfaces do; a code
/// is therefore found by the level's name, never computed from its raw value.
public enum SatisfactionCode: String, NationalCodeTable, Codable {
  case verySatisfied
  case satisfied
  case basicallySatisfied
  case dissatisfied
  case veryDissatisfied

  public var code: String {
    switch self {
    case .verySatisfied: return "1"
    case .satisfied: return "2"
    case .basicallySatisfied: return "3"
    case .dissatisfied: return "4"
    case .veryDissatisfied: return "5"
    }
  }

  public var name: String {
    switch self {
    case .verySatisfied: return "非常满意"
    case .satisfied: return "满意"
    case .basicallySatisfied: return "基本满意"
    case .dissatisfied: return "不满意"
    case .veryDissatisfied: return "非常不满意"
    }
  }

  /// The A.8 value of one of our levels, by its name. Every level has one (a test sweeps them);
  /// nil only if a level were ever added that A.8 does not name.
  public static func of(_ level: RatingLevel) -> SatisfactionCode? {
    named(level.title)
  }
}
