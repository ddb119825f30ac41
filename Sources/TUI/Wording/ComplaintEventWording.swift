import Domain

/// Timeline wording for complaint, 督办, 抽查 and rule events. Never the complaint's content: a
/// timeline is shown to whoever may open the case, confidential or not.
enum ComplaintEventWording {
  static func describe(_ e: Event) throws -> String? {
    if let change = ComplaintChange.decode(e) { return describe(change) }
    switch e.type {
    case .supervisionIssued:
      let n = try e.decode(SupervisionNotice.self)
      return "\(n.method.title) \(n.number),\(n.replyDays)个工作日内回复: \(n.requirement)"
    case .supervisionReplied:
      return "回复督办: " + (try e.decode(ComplaintText.self).text)
    case .spotCheckDrawn:
      let d = try e.decode(SpotCheckDraw.self)
      return "抽查 \(d.from.iso) 至 \(d.to.iso) 办结的\(d.population)件中的\(d.cases.count)件(种子 \(d.seed))"
    case .spotCheckVerdict:
      let v = try e.decode(SpotCheckVerdictPayload.self)
      return "抽查结论 \(v.caseID): \(v.verdict.title)" + (v.note.isEmpty ? "" : ",\(v.note)")
    case .ruleSet:
      let v = try e.decode(RuleValue.self)
      let key = String(splitStream(e.stream).id)
      return "规则参数 \(RuleTable.definition(key)?.title ?? key) = \(v.value)(\(v.note))"
    default: return nil
    }
  }

  static func describe(_ change: ComplaintChange) -> String {
    switch change {
    case .registered(let r):
      return
        "登记(\(r.channel.title),\(r.type.title),\(r.urgency.title) \(r.limitDays)个工作日,\(r.registeringOrgName))"
    case .rejected(let b):
      return "不予受理: \(b.reason.title)" + (b.note.isEmpty ? "" : ";\(b.note)")
    case .dispatched(let b): return "分派至\(b.orgName)"
    case .returned(let b): return "退回区级平台: \(b.text)"
    case .merged(let primary, _, _): return "并入主件 \(primary)"
    case .mergeAccepted(let source): return "\(source) 并入本件"
    case .split(let primary): return "从 \(primary) 拆分,恢复独立办理"
    case .mergeReleased(let source): return "\(source) 拆分出本件"
    case .extensionRequested(let b): return "申请延期\(b.days)个工作日: \(b.reason)"
    case .extensionDecided(let b):
      return (b.approved ? "批准延期" : "不批准延期") + (b.note.isEmpty ? "" : ": \(b.note)")
    case .concluded(let b):
      let via = b.viaPrimary.map { "(随主件 \($0) 办结)" } ?? ""
      return (b.kind == .resolved ? "办结" : "认定无效投诉建议") + via + ": \(b.text)"
    case .calledBack(let b):
      let reopen = b.reopenDays.map { ",重新办理 \($0)个工作日" } ?? ""
      return "\(b.method.title)回访: \(b.satisfaction.title)\(reopen);\(b.notes)"
    case .notCalledBack(let b): return "无法回访(匿名投诉),结案: \(b.reason)"
    case .contentViewed: return "查看保密内容"
    }
  }
}
