/// 不予受理情形 — the eight exceptions of 第三十一条, in the article's own words.
public enum RejectionReason: String, Codable, Sendable, CaseIterable {
  case notOnlineService
  case endangersSecurity
  case noClearRespondent
  case alreadyHandling
  case alreadyConcluded
  case harassment
  case otherProcedure
  case otherUnlawful

  /// The article's wording, item number included.
  public var title: String {
    switch self {
    case .notOnlineService: return "(一)不涉及网上政务服务的"
    case .endangersSecurity:
      return "(二)危害国家安全、破坏民族团结、煽动非法集会、扰乱社会秩序、宣扬封建迷信的"
    case .noClearRespondent: return "(三)没有明确被投诉人或者投诉请求,缺少具体内容的"
    case .alreadyHandling: return "(四)已经受理或者正在处理解决的"
    case .alreadyConcluded: return "(五)已经办结,无新证明材料对同一事项重复投诉"
    case .harassment: return "(六)无理纠缠、侮辱谩骂,宣泄个人情绪的"
    case .otherProcedure: return "(七)涉及仲裁、信访、纪检监察、行政复议、法律诉讼、信息公开等的"
    case .otherUnlawful: return "(八)其他违反国家法律法规和有关规定的"
    }
  }
}

/// 满意度 — what the complainant said on the callback (第三十四条).
public enum Satisfaction: String, Codable, Sendable, CaseIterable {
  case satisfied
  case basicallySatisfied
  case unsatisfied

  public var title: String {
    switch self {
    case .satisfied: return "满意"
    case .basicallySatisfied: return "基本满意"
    case .unsatisfied: return "不满意"
    }
  }
}

/// 回访方式 — by phone or SMS (第三十四条).
public enum CallbackMethod: String, Codable, Sendable, CaseIterable {
  case phone
  case sms

  public var title: String {
    switch self {
    case .phone: return "电话"
    case .sms: return "短信"
    }
  }
}

/// 办结方式 — resolved with a result, or found invalid after investigation (第三十二条(六)).
public enum ConclusionKind: String, Codable, Sendable, CaseIterable {
  case resolved
  case invalid

  public var title: String {
    switch self {
    case .resolved: return "办结"
    case .invalid: return "无效投诉建议"
    }
  }
}

/// 延期申请状态.
public enum ExtensionState: String, Codable, Sendable, CaseIterable {
  case pending
  case approved
  case refused
  /// The case was concluded while the request waited: nothing left to decide.
  case withdrawn

  public var title: String {
    switch self {
    case .pending: return "待审批"
    case .approved: return "已批准"
    case .refused: return "未批准"
    case .withdrawn: return "已撤回"
    }
  }
}
