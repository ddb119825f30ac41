/// 受理规则 — the checks shared by the state machine and the forms.
public enum ApplicationRules {
  /// 网上预审时限 the law sets (行政许可法 第三十二条: 五日内一次告知); the district may change it
  /// as data (setting `application.preReviewDays`).
  public static let defaultPreReviewDays = 5
  /// Accepted range of the pre-review limit setting.
  public static let preReviewDayRange = 1...20
  /// 延长审批 — at most ten days (行政许可法 第四十二条: 可以延长十日), counted in working days as
  /// every limit of ours is.
  public static let extensionDays = 1...10
  /// A clock stop's own promised duration, in working days.
  public static let clockStopDays = 1...120
  /// 收费 at most ¥1,000,000 (in fen).
  public static let maximumFeeFen = 100_000_000

  /// A clerk's free text: required or not, at most `max` characters, no control characters.
  public static func checkText(_ text: String, _ field: String, required: Bool, max: Int = 500)
    -> Refusal?
  {
    FieldText.check(text, field: field, required: required, maxLength: max, multiline: true)
      .map { Refusal($0.message) }
  }

  /// The checklist has one status per material, and 免提交 only where sharing can supply it.
  public static func checkChecklist(_ m: [MaterialStatus], _ item: ItemSnapshot) -> Refusal? {
    guard m.count == item.materials.count else {
      return Refusal("材料清单与事项「\(item.name)」第\(item.version)版的材料不一致")
    }
    for (status, req) in zip(m, item.materials) where status == .exempt && !req.shareable {
      return Refusal("「\(req.name)」不能通过数据共享获取,不能标为免提交", article: "第二十六条")
    }
    return nil
  }

  /// Everything a registration event must satisfy, whoever wrote it.
  public static func checkRegistration(_ p: ApplicationRegistered, on day: CivilDate) -> Refusal? {
    if let first = p.applicant.problems(today: day).first { return Refusal(first.message) }
    if let first = p.assistance?.problems(today: day).first { return Refusal(first.message) }
    if let r = checkChecklist(p.materials, p.item) { return r }
    if let r = checkText(p.note, "备注", required: false, max: 200) { return r }
    guard p.item.promisedDays >= 0, preReviewDayRange.contains(p.preReviewDays) else {
      return Refusal("事项时限数据无效")
    }
    return nil
  }

  /// Why the case cannot pass pre-review or be accepted with its materials as they are.
  static func incompleteRefusal(_ s: Application, _ what: String) -> Refusal? {
    let missing = s.unsatisfiedRequired
    guard let first = missing.first else { return nil }
    let more = missing.count > 1 ? "等\(missing.count)项材料" : ""
    return Refusal(
      "「\(s.item.materials[first].name)」\(more)缺少或有误,不能\(what);请出具一次性告知书",
      article: "行政许可法第三十二条")
  }

  /// The default line for a material in a one-time notice.
  public static func defaultNote(_ m: MaterialRequirement, _ status: MaterialStatus) -> String {
    status == .missing ? "请提交\(m.requirement)" : ""
  }

  /// 补正期限 — working days the one-time notice gives the applicant to supply what is missing,
  /// counted from the day after the notice (the district's practice; the case stays open after
  /// it, and the notice says so by naming the day).
  public static let supplementDays = 20

  /// `1. 营业执照申请书(原件1份,须在有效期内):未提交,请提交原件1份` — one line per material: the
  /// catalog's requirement and note, what is wrong, and the clerk's words.
  public static func deficiencyText(
    _ items: [MaterialDeficiency], _ materials: [MaterialRequirement]
  ) -> String {
    items.enumerated().map { i, d in
      let m =
        materials.indices.contains(d.index) ? materials[d.index] : MaterialRequirement(name: "?")
      let what = d.status == .missing ? "未提交" : "不符合要求"
      let requirement = m.note.isEmpty ? m.requirement : "\(m.requirement),\(m.note)"
      var note = d.note.trimmingSpacesAndNewlines()
      // Notes written before the default changed repeat what the status already says.
      if note.hasPrefix("未提交,") { note.removeFirst("未提交,".count) }
      return "\(i + 1). \(m.name)(\(requirement)):\(what)\(note.isEmpty ? "" : ",\(note)")"
    }.joined(separator: "\n")
  }

  // MARK: - Conclusion

  /// A 准予 conclusion of an item that issues a certificate names it and its number. Checked
  /// when the clerk concludes (`ApplicationMachine.decide`), not at fold.
  public static func checkCertificate(
    _ p: ConclusionPayload, decision: Decision, item: ItemSnapshot
  ) -> Refusal? {
    guard decision == .approved, item.issuesCertificate else { return nil }
    if p.certificateName.trimmingSpaces().isEmpty || p.certificateNumber.trimmingSpaces().isEmpty {
      return Refusal("准予办结须填写所核发证照(\(item.result))的名称和编号")
    }
    return nil
  }

  public static func checkConclusion(_ p: ConclusionPayload, decision: Decision) -> Refusal? {
    if let r = checkText(p.certificateName, "证照名称", required: false, max: 60) { return r }
    if let r = checkText(p.certificateNumber, "证照编号", required: false, max: 60) { return r }
    if decision == .denied, !(p.certificateName.isEmpty && p.certificateNumber.isEmpty) {
      return Refusal("不予准予的办件不核发证照")
    }
    if !p.certificateNumber.isEmpty, p.certificateName.isEmpty {
      return Refusal("填写了证照编号,请同时填写证照名称")
    }
    switch p.delivery {
    case .post:
      if p.trackingNumber.isEmpty { return Refusal("邮寄送达须填写邮寄单号") }
      guard p.trackingNumber.count <= 40,
        p.trackingNumber.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
      else { return Refusal("邮寄单号应为不超过40位的字母、数字") }
    case .counter:
      if !p.trackingNumber.isEmpty { return Refusal("窗口领取不需要邮寄单号") }
    }
    guard (0...maximumFeeFen).contains(p.feeFen) else {
      return Refusal("收费金额应在0至1000000元之间")
    }
    return nil
  }

  /// The particular values of the 办结通知书 / 不予许可决定书.
  static func conclusionValues(_ s: Application, _ p: ConclusionPayload, _ day: CivilDate)
    -> [String: String]
  {
    let approved = s.decision == .approved
    var result = approved ? "准予" : "不予准予"
    if !p.certificateName.isEmpty {
      result += ",核发《\(p.certificateName)》"
      if !p.certificateNumber.isEmpty { result += "(编号 \(p.certificateNumber))" }
    }
    let delivery =
      p.delivery == .post ? "邮寄送达(邮寄单号 \(p.trackingNumber))" : "窗口领取"
    return [
      "办结日期": NoticeTemplate.chineseDate(day),
      "受理日期": s.acceptedOn.map(NoticeTemplate.chineseDate) ?? "",
      "办理结果": result,
      "证照名称": p.certificateName.isEmpty ? "无" : p.certificateName,
      "证照编号": p.certificateNumber.isEmpty ? "无" : p.certificateNumber,
      "送达方式": delivery,
      "收费情况": p.feeFen == 0 ? "未收取费用" : "收取费用\(feeText(p.feeFen))元",
      "不予准予理由": s.decisionRecord?.text ?? "",
    ]
  }

  // MARK: - Money

  /// `12.50` for 1250 fen.
  public static func feeText(_ fen: Int) -> String {
    let cents = fen % 100
    return "\(fen / 100).\(cents < 10 ? "0" : "")\(cents)"
  }

  /// Parses `12`, `12.5`, `12.50` (yuan) into fen; empty is 0; nil when not an amount.
  public static func parseFee(_ text: String) -> Int? {
    let t = text.trimmingSpaces()
    if t.isEmpty { return 0 }
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let yuanPart = parts.first, !yuanPart.isEmpty,
      yuanPart.count <= 7, yuanPart.allSatisfy({ $0.isASCII && $0.isNumber }),
      let yuan = Int(yuanPart)
    else { return nil }
    var fen = 0
    if parts.count == 2 {
      let f = parts[1]
      guard (1...2).contains(f.count), f.allSatisfy({ $0.isASCII && $0.isNumber }),
        let v = Int(f)
      else { return nil }
      fen = f.count == 1 ? v * 10 : v
    }
    let total = yuan * 100 + fen
    return total <= maximumFeeFen ? total : nil
  }
}
