/// 办件类型 — GB/T 39046—2020 A.6 办件类型代码.
public enum CaseType: String, NationalCodeTable, Codable {
  case immediate
  case promised
  case other

  public var code: String {
    switch self {
    case .immediate: return "1"
    case .promised: return "2"
    case .other: return "9"
    }
  }

  public var name: String {
    switch self {
    case .immediate: return "即办件"
    case .promised: return "承诺件"
    case .other: return "其他"
    }
  }

  /// The one place 办件类型 is derived: 承诺时限 0 working days is 即办件, any other 承诺件.
  public static func of(promisedDays: Int) -> CaseType {
    promisedDays == 0 ? .immediate : .promised
  }
}
