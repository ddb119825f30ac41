/// 投诉建议渠道 — where a complaint or suggestion came in (第二十八条).
public enum ComplaintChannel: String, Codable, Sendable, CaseIterable {
  /// 国家平台(含中国政府网), passed on by the provincial and city platforms.
  case national
  case provincial
  case city
  /// 12345 政务服务便民热线
  case hotline
  case website
  case counter
  case phone

  public var title: String {
    switch self {
    case .national: return "国家平台"
    case .provincial: return "省平台"
    case .city: return "市平台"
    case .hotline: return "12345"
    case .website: return "网站"
    case .counter: return "窗口"
    case .phone: return "电话"
    }
  }
}

/// 类型 — 咨询 / 投诉 / 建议.
public enum ComplaintType: String, Codable, Sendable, CaseIterable {
  case enquiry
  case complaint
  case suggestion

  public var title: String {
    switch self {
    case .enquiry: return "咨询"
    case .complaint: return "投诉"
    case .suggestion: return "建议"
    }
  }
}

/// 紧急程度或门户栏目 — what the limit is derived from (第三十二条(一)至(四)).
///
/// Items from the portal's columns have the column's limit instead of an urgency, so both live in
/// one list: a clerk picks exactly one.
public enum ComplaintUrgency: String, Codable, Sendable, CaseIterable {
  /// 紧急类 — 3 working days (第三十二条(一)).
  case urgent
  /// 一般紧急类 — 5 working days (第三十二条(二)).
  case fairlyUrgent
  /// 普通类 — 15 working days (第三十二条(三)).
  case ordinary
  /// “我要咨询”栏目 — 3 working days (第三十二条(四)).
  case portalEnquiry
  /// “我要投诉”栏目 — 7 working days (第三十二条(四)).
  case portalComplaint
  /// “我要建议”栏目 — 7 working days (第三十二条(四)).
  case portalSuggestion

  public var title: String {
    switch self {
    case .urgent: return "紧急"
    case .fairlyUrgent: return "一般紧急"
    case .ordinary: return "普通"
    case .portalEnquiry: return "我要咨询"
    case .portalComplaint: return "我要投诉"
    case .portalSuggestion: return "我要建议"
    }
  }

  /// The rule-table key holding this class's limit in working days.
  public var ruleKey: String { "complaint.limit.\(rawValue)" }

  public var isPortalColumn: Bool {
    switch self {
    case .portalEnquiry, .portalComplaint, .portalSuggestion: return true
    default: return false
    }
  }
}

/// 保密 — content that must stay with the handling organisation and the supervisors (第二十九条).
public enum Confidentiality: String, Codable, Sendable, CaseIterable {
  case none
  case stateSecret
  case commercialSecret
  case privacy
  /// 投诉人要求不公开
  case undisclosed

  public var title: String {
    switch self {
    case .none: return "无"
    case .stateSecret: return "国家秘密"
    case .commercialSecret: return "商业秘密"
    case .privacy: return "个人隐私"
    case .undisclosed: return "要求不公开"
    }
  }

  public var isConfidential: Bool { self != .none }
}

/// 办理状态 — where a complaint stands.
public enum ComplaintStatus: String, Codable, Sendable, CaseIterable {
  /// 待分派 — registered at the district (or returned) and waiting for a dispatcher.
  case awaitingDispatch
  /// 办理中 — with the handling organisation.
  case handling
  /// 不予受理 (第三十一条).
  case rejected
  /// 已合并 — follows its primary case (第三十三条).
  case merged
  /// 已办结, awaiting the callback.
  case concluded
  /// 无效投诉建议 (第三十二条(六)), awaiting the callback.
  case invalid
  /// 整改中 — reopened after an unsatisfied callback (第三十四条).
  case rectifying
  /// 已回访结案.
  case closed

  public var title: String {
    switch self {
    case .awaitingDispatch: return "待分派"
    case .handling: return "办理中"
    case .rejected: return "不予受理"
    case .merged: return "已合并"
    case .concluded: return "已办结"
    case .invalid: return "无效"
    case .rectifying: return "整改中"
    case .closed: return "已回访"
    }
  }

  /// The status as a list row says it: a case closed without a callback (anonymous,
  /// `complaint.notCalledBack`) was never 已回访.
  public func title(notCalledBack: Bool) -> String {
    self == .closed && notCalledBack ? "无法回访" : title
  }

  /// Statuses with a running clock of their own.
  public var isOpen: Bool {
    self == .awaitingDispatch || self == .handling || self == .rectifying
  }

  /// Concluded (resolved or invalid) and waiting for the callback.
  public var awaitsCallback: Bool { self == .concluded || self == .invalid }
}
