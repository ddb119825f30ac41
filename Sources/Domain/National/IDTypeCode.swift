/// 证件类型代码 — the identity-document codes the national platform's data sets use (三位).
public enum IDTypeCode: String, NationalCodeTable, Codable {
  case residentID
  case creditCode
  case passport
  case hongKongMacaoPermit

  public var code: String {
    switch self {
    case .residentID: return "111"
    case .creditCode: return "001"
    case .passport: return "414"
    case .hongKongMacaoPermit: return "516"
    }
  }

  public var name: String {
    switch self {
    case .residentID: return "居民身份证"
    case .creditCode: return "统一社会信用代码"
    case .passport: return "普通护照"
    case .hongKongMacaoPermit: return "港澳居民来往内地通行证"
    }
  }

  /// A person is identified by a resident ID, an organisation by its credit code (the only two
  /// documents our counter takes today).
  public init(_ kind: ApplicantKind) {
    self = kind == .person ? .residentID : .creditCode
  }
}
