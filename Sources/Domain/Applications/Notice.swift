/// 文书种类 — the written notices an application produces, each numbered in its own series.
public enum NoticeKind: String, Codable, CaseIterable, Sendable {
  /// 受理通知书
  case acceptance
  /// 一次性告知书 (补正材料通知)
  case supplement
  /// 不予受理决定书
  case refusal
  /// 特别程序告知书 — a clock stop, notified in writing (第十一条).
  case clockStop
  /// 办结通知书 — concluded with approval.
  case conclusion
  /// 不予许可决定书 — concluded with a denial.
  case denial
  /// 延长审批告知书 — the decision limit extended (行政许可法 第四十二条: 将延长期限的理由告知申请人).
  case `extension`

  public var title: String {
    switch self {
    case .acceptance: return "受理通知书"
    case .supplement: return "一次性告知书"
    case .refusal: return "不予受理决定书"
    case .clockStop: return "特别程序告知书"
    case .conclusion: return "办结通知书"
    case .denial: return "不予许可决定书"
    case .extension: return "延长审批告知书"
    }
  }

  /// The character of the document number (`BYQ受〔2026〕12号`); each series counts per node and
  /// year.
  public var series: String {
    switch self {
    case .acceptance: return "受"
    case .supplement: return "补"
    case .refusal: return "不受"
    case .clockStop: return "特"
    case .conclusion: return "结"
    case .denial: return "不许"
    case .extension: return "延"
    }
  }

  /// The template file under `share/zwfw/notices/`.
  public var templateFile: String { "notices/\(rawValue).txt" }

  /// 文书编号 — `BYQ受〔2026〕12号`.
  public func number(node: String, year: Int, serial: Int) -> String {
    "\(node)\(series)〔\(year)〕\(serial)号"
  }
}

/// 已出具文书 — a notice as recorded on the case: enough to produce it again, word for word.
public struct IssuedNotice: Codable, Equatable, Sendable {
  public var kind: NoticeKind
  /// 文书编号
  public var number: String
  public var issuedOn: CivilDate
  public var issuedBy: String
  /// The values particular to this notice (`截止日期`, `补正材料` …), fixed when it was issued.
  public var values: [String: String]
}

/// 文书模板 — fills `{{字段}}` placeholders; an unknown placeholder is an error, never a blank.
public enum NoticeTemplate {
  public struct Problem: Error, Equatable, Sendable {
    public let message: String
  }

  /// `2026年11月26日`
  public static func chineseDate(_ d: CivilDate) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

  /// Every value a notice may use: the case's own and the notice's particular ones. `issuer` is
  /// the handling organisation's record (its full name, address and phone), nil when unknown.
  public static func values(
    for notice: IssuedNotice, of a: Application, names: [String: String],
    issuer: Organisation? = nil
  ) -> [String: String] {
    var v: [String: String] = [
      "文书名称": notice.kind.title,
      "文书编号": notice.number,
      "文书日期": chineseDate(notice.issuedOn),
      "经办人": names[notice.issuedBy] ?? notice.issuedBy,
      "办件编号": a.caseID,
      "事项名称": a.item.name,
      "事项编码": a.item.code,
      "事项版本": String(a.item.version),
      "实施机关": issuer?.fullName ?? a.item.organisationName,
      "联系方式": contact(issuer),
      "承诺时限": a.item.promisedText,
      "申请人": a.applicant.name,
      "称谓": a.applicant.kind == .person ? "你" : "你单位",
      "申请人类型": a.applicant.kind.title,
      "证件名称": a.applicant.kind.idLabel,
      "证件号码": a.applicant.idNumber,
      "联系电话": a.applicant.phone,
      "申请渠道": a.channel.title,
      "申请日期": chineseDate(a.registeredOn),
      "收到材料": receivedMaterials(a),
      "补正依据": LegalBasis.supplement(a.item.type),
      "程序依据": LegalBasis.clockStop(a.item.type),
    ]
    for (k, value) in notice.values { v[k] = value }
    return v
  }

  /// `办理地址:…` and `咨询电话:…` on lines of their own, or empty when the organisation recorded neither.
  static func contact(_ o: Organisation?) -> String {
    var parts: [String] = []
    if let address = o?.address, !address.isEmpty { parts.append("办理地址:\(address)") }
    if let phone = o?.phone, !phone.isEmpty { parts.append("咨询电话:\(phone)") }
    return parts.joined(separator: "\n")
  }

  /// `1. 营业执照申请书(原件1份)` — one line per material received or obtained by sharing.
  static func receivedMaterials(_ a: Application) -> String {
    var lines: [String] = []
    for (m, status) in zip(a.item.materials, a.materials) {
      switch status {
      case .received: lines.append("\(lines.count + 1). \(m.name)(\(m.requirement))")
      case .exempt: lines.append("\(lines.count + 1). \(m.name)(免提交,通过数据共享获取)")
      default: continue
      }
    }
    return lines.isEmpty ? "无" : lines.joined(separator: "\n")
  }

  /// Replaces each `{{name}}` with its value.
  public static func fill(_ template: String, _ values: [String: String]) -> Result<
    String, Problem
  > {
    var out = ""
    var rest = Substring(template)
    while let open = rest.range(of: "{{") {
      out += rest[..<open.lowerBound]
      let after = rest[open.upperBound...]
      guard let close = after.range(of: "}}") else {
        return .failure(Problem(message: "模板中的「{{」没有对应的「}}」"))
      }
      let name = after[..<close.lowerBound].trimmingSpaces()
      guard let value = values[name] else {
        return .failure(Problem(message: "模板含未知字段「{{\(name)}}」"))
      }
      out += value
      rest = after[close.upperBound...]
    }
    out += rest
    return .success(out)
  }
}
