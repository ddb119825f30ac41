/// 差评整改处理单 — a rectification case on one sheet: the rating, 核实, 无效差评 claim and its
/// 复核, 整改 and 回访, from the case's state.
extension CaseSheet {
  public static func values(_ s: Rectification, organisationName: String, _ p: Printing)
    -> [String: String]
  {
    let r = s.rating
    var v = common(p, number: s.id)
    v["服务单位"] = organisationName
    v["事项"] = r.itemName
    v["评价"] =
      "\(r.level.title)(\(r.channel.title)\(r.ratedOn.map { " \($0.iso)" } ?? ""))"
    v["评价人"] =
      r.realName
      ? "评价人:\(r.reviewerName ?? "") \(r.reviewerPhone ?? "")" : "评价人:匿名"
    v["评价内容"] = r.comment.isEmpty ? "(未填写)" : r.comment
    v["状态"] = s.stateTitle
    v["办理过程"] = numbered(progress(s, p))
    return v
  }

  static func progress(_ s: Rectification, _ p: Printing) -> [String] {
    var out = ["\(s.openedOn.iso) 生成差评整改案件"]
    if let by = s.verifiedBy {
      let how = s.contact.map { "(\($0.title))" } ?? ""
      out.append("\(p.who(by)) 核实\(how):\(s.findings ?? "")")
    }
    if let claim = s.claim, let by = s.claimedBy {
      out.append("\(p.who(by)) 申请认定\(claim.title):\(s.evidence ?? "")")
    }
    if let approved = s.reviewApproved, let by = s.reviewedBy {
      out.append("\(p.who(by)) 复核:\(approved ? "认定无效差评" : "不予认定,转整改")")
    }
    if let track = s.track { out.append("整改方式:\(track.title)") }
    if let f = s.feedback { out.append("整改情况:\(f)") }
    if s.rounds > 1 { out.append("评价人不满意,整改第\(s.rounds)轮") }
    if s.callbackAttempts > 0 {
      let reached = s.lastResponse.map { ",\($0.title)" } ?? ""
      out.append("回访\(s.callbackAttempts)次\(reached)")
    }
    if let why = s.noCallbackReason { out.append("未回访:\(why)") }
    if let day = s.closedOn, let outcome = s.outcome {
      out.append("\(day.iso) 办结:\(outcome.title)")
    }
    return out
  }
}
