/// 办理形式 — GB/T 39046—2020 A.5 办理形式代码; also the 申报来源代码 of an application.
public enum HandlingForm: String, NationalCodeTable, Codable {
  case counter
  case web
  case mobile
  case post
  case other

  public var code: String {
    switch self {
    case .counter: return "1"
    case .web: return "2"
    case .mobile: return "3"
    case .post: return "4"
    case .other: return "9"
    }
  }

  public var name: String {
    switch self {
    case .counter: return "窗口办理"
    case .web: return "电脑端网上办理"
    case .mobile: return "移动端网上申请"
    case .post: return "快递申请"
    case .other: return "其他"
    }
  }

  /// 申报来源 of an application by the channel it came in: 窗口 1, 网上 2, 掌上 3; a self-service
  /// terminal in the hall is none of A.5's named forms, so 9 其他.
  public init(_ channel: ApplicationChannel) {
    switch channel {
    case .counter: self = .counter
    case .online: self = .web
    case .mobile: self = .mobile
    case .kiosk: self = .other
    }
  }

  /// The channel an imported application came in by; nil for a form we take no applications by
  /// (快递 and 其他 are not channels of ours).
  public var channel: ApplicationChannel? {
    switch self {
    case .counter: return .counter
    case .web: return .online
    case .mobile: return .mobile
    case .post, .other: return nil
    }
  }
}
