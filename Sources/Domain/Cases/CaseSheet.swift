/// 办件单 / 投诉建议处理单 / 差评整改处理单 — a case on one A4 sheet (`p` in a case view), laid out by the notice
/// layout from a template in `share/zwfw/notices/`.
///
/// Built from the case's state, never from its journal: the sheet shows the registration, the
/// steps the workflow records and the result, and nothing else a case may hold (internal notes
/// are not workflow steps, so they can never reach paper). A complaint is printed as the operator
/// reads it (`VisibleComplaint`: masked as their role says).
public enum CaseSheet {
  public enum Kind: String, Sendable {
    case application, complaint, rectification

    public var title: String {
      switch self {
      case .application: return "办件单"
      case .complaint: return "投诉建议处理单"
      case .rectification: return "差评整改处理单"
      }
    }
    public var templateFile: String { "notices/sheet-\(rawValue).txt" }
  }

  /// Who printed it and when, and the names the case's codes and logins stand for.
  public struct Printing: Sendable {
    public var on: CivilDate
    public var by: String
    public var organisationName: String
    public var names: [String: String]

    public init(on: CivilDate, by: String, organisationName: String, names: [String: String]) {
      self.on = on
      self.by = by
      self.organisationName = organisationName
      self.names = names
    }

    func who(_ login: String) -> String { names[login] ?? login }
  }

  /// `2026-11-30 周强`: a step's day and who took it.
  static func step(_ on: CivilDate, _ by: String, _ p: Printing) -> String {
    "\(on.iso) \(p.who(by))"
  }

  static func common(_ p: Printing, number: String) -> [String: String] {
    ["单位": p.organisationName, "编号": number, "打印人": p.who(p.by), "打印日期": p.on.iso]
  }

  /// `1. …` lines (a numbered item hangs under its text), or a word when there are none.
  static func numbered(_ lines: [String]) -> String {
    guard !lines.isEmpty else { return "(尚无)" }
    return lines.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n")
  }

  // MARK: - 办件单

  public static func values(_ a: Application, _ p: Printing) -> [String: String] {
    var v = common(p, number: a.caseID)
    v["事项"] = "\(a.item.name)(\(a.item.code) 第\(a.item.version)版)"
    v["实施机关"] = a.item.organisationName
    v["申请人"] = "\(a.applicant.name)(\(a.applicant.kind.title))"
    v["证件"] = "\(a.applicant.kind.idLabel):\(a.applicant.idNumber)"
    v["联系电话"] = a.applicant.phone
    v["登记"] = "\(step(a.registeredOn, a.registeredBy, p))(\(a.channel.title))"
    v["状态"] = a.status.title
    v["期限"] = a.acceptedOn.map { "受理日期:\($0.iso),承诺时限\(a.item.promisedDays)个工作日" } ?? ""
    v["材料"] = zip(a.item.materials, a.materials).enumerated().map { i, pair in
      "\(i + 1). \(pair.0.name):\(pair.1.title)"
    }.joined(separator: "\n")
    v["办理过程"] = numbered(progress(a, p))
    v["办理结果"] = result(a, p)
    return v
  }

  static func progress(_ a: Application, _ p: Printing) -> [String] {
    var out: [String] = []
    if let r = a.preReview { out.append("\(step(r.on, r.by, p)) 预审通过") }
    for s in a.supplementRequests { out.append("\(s.on.iso) 一次性告知补正(\(s.notice))") }
    if let r = a.acceptance { out.append("\(step(r.on, r.by, p)) 受理") }
    if let d = a.deemedOn { out.append("\(d.iso) 视为受理") }
    for s in a.stops {
      let end = s.endedOn.map { ",\($0.iso) 恢复计时" } ?? ""
      out.append("\(step(s.startedOn, s.startedBy, p)) \(s.kind.title)(\(s.notice))\(end)")
    }
    if let r = a.review { out.append("\(step(r.on, r.by, p)) 审查") }
    if let r = a.decisionRecord, let d = a.decision {
      out.append("\(step(r.on, r.by, p)) 决定:\(d.title)")
    }
    if let r = a.refusal { out.append("\(step(r.on, r.by, p)) 不予受理:\(r.text)") }
    if let r = a.withdrawal { out.append("\(step(r.on, r.by, p)) 申请人撤回") }
    return out
  }

  static func result(_ a: Application, _ p: Printing) -> String {
    guard let c = a.conclusion else { return a.status.isOpen ? "办理中" : a.status.title }
    var s = "\(step(c.on, c.by, p)) 办结,\(c.delivery.title)"
    if !c.certificateName.isEmpty { s += ";\(c.certificateName) \(c.certificateNumber)" }
    return s
  }

  // MARK: - 投诉建议处理单

  public static func values(_ visible: VisibleComplaint, _ p: Printing) -> [String: String] {
    let k = visible.complaint
    let r = k.registration
    var v = common(p, number: k.id)
    v["类型"] = "\(r.type.title) \(r.urgency.title) \(r.channel.title)"
    v["标题"] = visible.content == .hidden ? "(保密案件,内容不予打印)" : r.subject
    v["内容"] = visible.content == .full ? r.content : "(保密内容,不予打印)"
    v["投诉人"] =
      visible.content != .full
      ? ""
      : r.isAnonymous
        ? "投诉人:匿名(无法回访:\(r.anonymousReason ?? ""))"
        : "投诉人:\(r.complainant) \(r.contact)"
    v["工单号"] = r.ticketNumber.map { "上级工单号:\($0)" } ?? ""
    v["涉及单位"] = r.concernedOrgName
    v["承办单位"] = k.handlingOrgName
    v["登记"] = "\(step(k.registeredOn, k.registeredBy, p))(\(r.registeringOrgName))"
    v["状态"] = k.status.title
    v["期限"] = k.due.map { "办理期限:\($0.iso)前(\(r.limitDays)个工作日)" } ?? ""
    v["办理过程"] = numbered(progress(k, p))
    return v
  }

  static func progress(_ k: Complaint, _ p: Printing) -> [String] {
    var out: [String] = []
    if let d = k.dispatchedOn, let by = k.dispatcher {
      out.append("\(step(d, by, p)) 分派至\(k.handlingOrgName)")
    }
    for r in k.returns { out.append("\(step(r.on, r.by, p)) \(r.orgName)退回:\(r.reason)") }
    if let r = k.rejection { out.append("\(step(r.on, r.by, p)) 不予受理:\(r.reason.title)") }
    for round in k.rounds {
      if let c = round.conclusion {
        out.append("\(step(c.on, c.by, p)) 第\(round.number)轮\(c.kind.title):\(c.text)")
      }
      if let c = round.callback {
        let notes = c.notes.isEmpty ? "" : ":\(c.notes)"
        out.append("\(step(c.on, c.by, p)) 回访(\(c.method.title)),\(c.satisfaction.title)\(notes)")
      }
      if let n = round.noCallback { out.append("\(step(n.on, n.by, p)) 无法回访,结案:\(n.reason)") }
    }
    if let m = k.mergedInto { out.append("已合并至 \(m)") }
    return out
  }
}
