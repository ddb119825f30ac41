import Domain

/// How an application's events read in the timeline (办理过程).
enum ApplicationWording {
  static func describe(_ e: Event) -> String? {
    guard e.type.family == "application" else { return nil }
    do {
      guard let change = try ApplicationChange.decode(e) else { return nil }
      return text(change)
    } catch {
      return "办件事件(内容无法解析)"
    }
  }

  static func text(_ change: ApplicationChange) -> String {
    func with(_ base: String, _ extra: String) -> String {
      extra.isEmpty ? base : "\(base): \(extra)"
    }
    switch change {
    case .registered(let p):
      let source = p.platform.map { ",省平台推送 \($0.number)" } ?? ""
      return "登记申请(\(p.channel.title)\(source)) \(p.item.name) 第\(p.item.version)版"
    case .materialsChecked(let p): return "核对材料," + tally(p.materials)
    case .preReviewPassed(let p): return with("网上预审通过", p.text)
    case .accepted(let p): return "受理,出具受理通知书 \(p.notice)"
    case .deemedAccepted(let p):
      return "预审时限(至\(p.limitEndedOn.iso))届满未预审,依法视为受理(行政许可法第三十二条)"
    case .supplementRequested(let p):
      return "出具一次性告知书 \(p.notice),列明\(p.items.count)项需补正的材料"
    case .supplemented(let p): return "补正收件,重新起算受理时限," + tally(p.materials)
    case .notAccepted(let p): return "不予受理,出具决定书 \(p.notice): \(p.reason)"
    case .reviewStarted(let p): return with("开始审查", p.text)
    case .clockStopped(let p):
      return "启动特别程序「\(p.kind.title)」\(p.days)个工作日,计时暂停,告知书 \(p.notice)"
    case .clockResumed(let p): return with("特别程序结束,恢复计时", p.text)
    case .decided(let p): return with("决定: \(p.decision.title)", p.reason)
    case .concluded(let p):
      var s = "办结,出具 \(p.notice)"
      if !p.certificateName.isEmpty { s += ",《\(p.certificateName)》\(p.certificateNumber)" }
      s += ",\(p.delivery.title)"
      if !p.trackingNumber.isEmpty { s += " \(p.trackingNumber)" }
      return s
    case .withdrawn(let p): return "申请人撤回: \(p.text)"
    case .limitExtended(let p):
      return "批准延长审批期限\(p.days)个工作日,出具延长审批告知书 \(p.notice): \(p.reason)"
    case .rated(let p):
      var s = "申请人评价「\(p.level)」(\(p.realName ? "实名" : "匿名"))"
      if let id = p.ratingID { s += ",评价 \(id)" }
      if let r = p.rectificationID { s += ",转差评整改 \(r)" }
      return with(s, p.comment)
    }
  }

  /// `已收3项、缺1项`
  static func tally(_ m: [MaterialStatus]) -> String {
    MaterialStatus.allCases.compactMap { s in
      let n = m.filter { $0 == s }.count
      return n == 0 ? nil : "\(s.title)\(n)项"
    }.joined(separator: "、")
  }
}
