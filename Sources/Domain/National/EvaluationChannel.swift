/// 评价渠道 — the seven channels of GB/T 39046—2020 table 9 (no codes: the name is written).
public enum EvaluationChannel: String, NationalCodeTable, Codable {
  case pc
  case mobile
  case qrCode
  case hallTablet
  case hallOtherTerminal
  case phone
  case sms

  /// The table names the channels without codes; the name is the code written.
  public var code: String { name }

  public var name: String {
    switch self {
    case .pc: return "PC端"
    case .mobile: return "移动服务端"
    case .qrCode: return "二维码"
    case .hallTablet: return "政务大厅平板电脑"
    case .hallOtherTerminal: return "政务大厅其他终端"
    case .phone: return "电话"
    case .sms: return "短信"
    }
  }

  /// Our channels mapped: 窗口 ratings are given on the evaluation pad at each window (政务大厅平板
  /// 电脑), 自助终端 is another hall terminal, 网上 the PC portal, 掌上 the mobile app.
  public init(_ channel: RatingChannel) {
    switch channel {
    case .counter: self = .hallTablet
    case .kiosk: self = .hallOtherTerminal
    case .online: self = .pc
    case .mobile: self = .mobile
    case .phone: self = .phone
    case .sms: self = .sms
    }
  }
}
