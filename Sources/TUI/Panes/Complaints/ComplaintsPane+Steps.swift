import Domain
import Store

/// The case view's keys: each opens the form, picker or confirmation of its step.
extension ComplaintsPane {
  mutating func startStep(_ command: CaseCommand, _ c: Complaint, _ ctx: AppContext)
    -> Update<ComplaintEffect>
  {
    switch command {
    case .dispatch:
      var options = organisations.map {
        Picker.Option(id: $0.code, label: "\($0.name)  \($0.kind.title)", keywords: $0.code)
      }
      if let i = options.firstIndex(where: { $0.id == c.registration.concernedOrg }) {
        options.insert(options.remove(at: i), at: 0)
      }
      flow.pick(Picker(title: "分派 \(c.id) 至", options: options), .dispatch)
    case .reject:
      let options = RejectionReason.allCases.map { Picker.Option(id: $0.rawValue, label: $0.title) }
      flow.pick(Picker(title: "不予受理情形(第三十一条)", options: options), .rejectReason)
    case .merge:
      let view: ComplaintView = ctx.visibility.seesEveryOrganisation ? .all : .organisation
      return .run(.readMergeCandidates(c, scope(ctx), view))
    case .split:
      let own = c.currentRound.due
      flow.confirm(
        "拆分", ["把 \(c.id) 从主件 \(c.mergedInto ?? "") 拆分出来,恢复独立办理?", "本件恢复自己的办结期限 \(own.iso)。"],
        .complaint(.split, id: c.id), done: "\(c.id) 已拆分,恢复独立办理")
    case .reveal:
      flow.confirm(
        "查看保密内容",
        ["本件涉及「\(c.registration.confidentiality.title)」(第二十九条)。", "查看内容将记入办理过程: 谁、何时、在哪个节点。确定查看?"],
        .complaint(.viewContent, id: c.id), done: "已显示保密内容,查看已记录")
    case .supervise: return .run(.readSupervisionTarget(c))
    default:
      guard let (form, purpose) = stepForm(command, c, ctx) else { return .ignored }
      flow.show(form, purpose)
    }
    return .handled
  }

  /// The form of a step that needs words from the clerk.
  func stepForm(_ command: CaseCommand, _ c: Complaint, _ ctx: AppContext)
    -> (Form, ComplaintPurpose)?
  {
    let limit = ComplaintMachine.extensionLimit(c)
    switch command {
    case .returnToDistrict:
      var f = Form(
        title: "退回 \(c.id)(收到后1个工作日内,第三十三条)",
        fields: [.area("reason", "退回理由", max: 200, lines: 3, required: true)])
      f.footer = ["退回后由区级平台重新分派;期限 \(c.returnUntil?.iso ?? "-") 当日结束。"]
      return (f, .returnToDistrict)
    case .extend:
      var days = FormField.int(
        "days", "延期天数", range: Self.extensionDays(c), message: "应为1至\(limit)的整数(第三十二条(五))")
      days.note = "不超过\(limit)个工作日"
      var f = Form(
        title: "申请延期 \(c.id)(只能申请1次,第三十二条(五))",
        fields: [days, .area("reason", "延期理由", max: 200, lines: 3, required: true)])
      f.footer = ["当前办结期限 \(c.due?.iso ?? "-"),由督办人员审批。"]
      return (f, .extend)
    case .decide:
      guard let x = c.extensionRequest, let due = c.due else { return nil }
      let extended = ComplaintMachine.extended(due, by: x.days, ctx.calendar)
      var f = Form(
        title: "审批延期 \(c.id)",
        fields: [
          .choice("decision", "审批", ["批准", "不批准"]),
          .area("note", "意见", max: 200, lines: 2),
        ])
      f.footer = [
        "\(name(x.requestedBy))申请延期\(x.days)个工作日: \(x.reason)",
        "批准后办结期限由 \(due.iso) 改为 \(extended.iso) 星期\(extended.weekdayName)。",
      ]
      return (f, .decide)
    case .conclude:
      var f = Form(
        title: "办结 \(c.id)",
        fields: [.area("text", "办理结果", max: 1000, lines: 5, required: true)])
      f.footer = mergedNote(c)
      return (f, .conclude)
    case .invalid:
      var f = Form(
        title: "认定无效投诉建议 \(c.id)",
        fields: [.area("text", "认定依据", max: 1000, lines: 5, required: true)])
      f.footer = ["第三十二条(六): 确实无法调查核实具体内容,或经调查情况不属实。"] + mergedNote(c)
      return (f, .invalid)
    case .callback where c.registration.isAnonymous:
      return (Self.noCallbackForm(c), .callback)
    case .callback:
      let range = Self.reopenDays
      var days = FormField.int(
        "days", "整改天数", range: range, value: limit, required: false,
        message: "不满意时须填写整改天数(\(range.lowerBound)至\(range.upperBound))")
      days.note = "不满意时重新办理"
      let f = Form(
        title: "回访 \(c.id)(第三十四条)",
        fields: [
          .choice("method", "回访方式", CallbackMethod.self),
          .choice("satisfaction", "满意度", Satisfaction.self),
          .area("notes", "回访记录", max: 500, lines: 3, required: true), days,
        ])
      return (f, .callback)
    case .reply:
      guard let s = detail?.supervisions.first(where: { $0.reply == nil }) else { return nil }
      var f = Form(
        title: "回复督办 \(s.number)",
        fields: [.area("text", "回复内容", max: 1000, lines: 4, required: true)])
      f.footer = ["督办要求: \(s.requirement)", "回复期限: \(s.replyDue.iso)"]
      return (f, .reply)
    default: return nil
    }
  }

  /// The working days a callback may give a new round (the Domain's rule for 不满意).
  static var reopenDays: ClosedRange<Int> { ComplaintMachine.reopenDayRange }

  /// 延期 may ask for at most the case's own limit (第三十二条(五)).
  static func extensionDays(_ c: Complaint) -> ClosedRange<Int> {
    1...max(1, ComplaintMachine.extensionLimit(c))
  }

  func mergedNote(_ c: Complaint) -> [String] {
    c.mergedSources.isEmpty
      ? ["办结后进入待回访。"]
      : ["并入本件的 \(c.mergedSources.joined(separator: "、")) 同时办结,各自单独答复和回访。"]
  }

  static func supervisionForm(_ t: SupervisionTarget, days: Int) -> Form {
    var f = Form(
      title: "督办 \(t.caseID)(第三十条)",
      fields: [
        .choice("method", "督办方式", SupervisionMethod.self),
        .area("requirement", "督办要求", max: 500, lines: 3, required: true),
        .int("days", "回复期限", range: SupervisionReducer.replyDayRange, value: days),
      ])
    f.update("days") { $0.note = "个工作日" }
    f.footer = ["对象: \(CaseKindWording.title(t.kind)) \(t.caseID) \(t.orgName)", t.title]
    return f
  }
}
