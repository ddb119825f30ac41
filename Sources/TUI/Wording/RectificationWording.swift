import Domain

/// 办理过程 wording for ratings and rectification cases.
enum RectificationWording {
  static func describe(_ e: Event) throws -> String? {
    switch e.type {
    case .ratingRecorded:
      let r = try e.decode(RatingRecorded.self)
      return
        "记录评价: \(r.rating.level.title)(\(r.rating.channel.title),\(r.rating.realName ? "实名" : "匿名"))"
    case .ratingRectificationOpened:
      let id = try e.decode(RatingRectificationLink.self).rectificationID
      return "差评自动生成整改案件 \(id)"
    case .ratingInvalidated: return "评价标记为无效差评,不计入满意度"
    case .rectificationOpened: return "生成差评整改案件,待核实"
    case .rectificationVerified:
      let v = try e.decode(RectificationVerified.self)
      let conclusion =
        v.claim.map { "认定为\($0.title),申请复核" } ?? v.track.map { "情况属实,\($0.title)" } ?? ""
      return "核实(\(v.contact.title)): \(conclusion)。\(v.findings)"
    case .rectificationReviewed:
      let r = try e.decode(RectificationReviewed.self)
      return (r.approved ? "复核通过,标记为无效差评。" : "复核不通过,转入整改。") + "意见: \(r.opinion)"
    case .rectificationClassified:
      let c = try e.decode(RectificationClassified.self)
      return "确定整改方式: \(c.track.title)" + (c.note.isEmpty ? "" : "。\(c.note)")
    case .rectificationExtended:
      let x = try e.decode(RectificationExtended.self)
      let told = x.toldVia == .unreachable ? "无法告知评价人" : "已\(x.toldVia.title)告知评价人"
      return "延期至 \(x.newDue.iso),\(told)。理由: \(x.reason)"
    case .rectificationExtensionRequested:
      let x = try e.decode(RectificationExtensionRequested.self)
      let told = x.toldVia == .unreachable ? "无法告知评价人" : "已\(x.toldVia.title)告知评价人"
      return "申请延期\(x.days)个工作日,\(told)。理由: \(x.reason)"
    case .rectificationExtensionDecided:
      let d = try e.decode(RectificationExtensionDecided.self)
      let result = d.approved ? "批准延期" + (d.newDue.map { ",延至 \($0.iso)" } ?? "") : "不予批准延期"
      return "\(result)。意见: \(d.opinion)"
    case .rectificationFeedback:
      let m = try e.decode(RectificationFeedback.self).measures
      return "整改反馈: \(m)"
    case .rectificationCalledBack:
      let c = try e.decode(RectificationCalledBack.self)
      return
        "回访(\(c.method.title)): 评价人\(c.response == .unreachable ? "未能联系" : c.response.title)。\(c.record)"
    case .rectificationClosedWithoutCallback:
      let r = try e.decode(RectificationClosedWithoutCallback.self).reason
      return "匿名差评不回访办结。原因: \(r)"
    default: return nil
    }
  }
}
