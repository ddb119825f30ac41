import Domain
import Store

/// A form's F5: check what was typed (marking the field in error and keeping every value), then
/// ask for confirmation of a step that cannot be undone.
extension ComplaintsPane {
  mutating func submit(_ form: Form, _ purpose: String, _ ctx: AppContext) -> PaneResponse {
    var f = form
    f.clearErrors()
    guard f.checkRequired() else { return refuse(f, purpose, "请填写标记为必填的项目") }
    if purpose == "register" { return register(f, ctx) }
    if purpose == "filter" { return applyFilter(f, ctx) }
    guard let c = detail?.complaint else { return .handled }
    let text = f["text"]
    switch purpose {
    case "return":
      if let p = FieldText.check(f["reason"], field: "退回理由", required: true, maxLength: 200) {
        return fieldError(f, purpose, "reason", p.message)
      }
      overlay = .form(f, purpose: purpose)
      confirm(
        "退回", ["把 \(c.id) 退回区级平台?", "理由: \(f["reason"])", "退回后本单位不再承办,由区级平台重新分派。"],
        .complaint(.return(reason: f["reason"]), id: c.id), done: "\(c.id) 已退回区级平台")
    case "reject":
      guard let reason = pendingReason else { return .handled }
      overlay = .form(f, purpose: purpose)
      confirm(
        "不予受理", ["\(c.id) 不予受理?", reason.title],
        .complaint(.reject(reason, note: f["note"]), id: c.id), done: "\(c.id) 已不予受理")
    case "extend":
      let limit = c.registration.limitDays
      guard let days = Int(f["days"]), (1...limit).contains(days) else {
        return fieldError(f, purpose, "days", "应为1至\(limit)的整数(第三十二条(五))")
      }
      let newDue = c.due.map { ctx.calendar.deadline(receivedAt: $0, workingDays: days) }
      overlay = .form(f, purpose: purpose)
      confirm(
        "申请延期", ["申请延期\(days)个工作日,批准后办结期限为 \(newDue?.iso ?? "-")。", "每件只能申请1次,提交后不能撤回。"],
        .complaint(.requestExtension(days: days, reason: f["reason"]), id: c.id),
        done: "已申请延期\(days)个工作日,等待督办人员审批")
    case "decide":
      let approved = f["decision"] == "批准"
      overlay = .form(f, purpose: purpose)
      confirm(
        "审批延期", [approved ? "批准 \(c.id) 的延期申请?" : "不批准 \(c.id) 的延期申请?"],
        .complaint(.decideExtension(approved: approved, note: f["note"]), id: c.id),
        done: approved ? "已批准延期" : "已不批准延期")
    case "conclude", "invalid":
      let kind: ConclusionKind = purpose == "conclude" ? .resolved : .invalid
      overlay = .form(f, purpose: purpose)
      confirm(
        kind == .resolved ? "办结" : "认定无效",
        ["\(kind == .resolved ? "办结" : "认定为无效投诉建议") \(c.id)?"] + mergedNote(c),
        .complaint(.conclude(kind, text: text), id: c.id),
        done: "\(c.id) 已\(kind == .resolved ? "办结" : "认定无效"),待回访")
    case "callback": return submitCallback(f, c, ctx)
    case "supervise": return submitSupervision(f, ctx)
    case "reply":
      guard let s = detail?.supervisions.first(where: { $0.reply == nil }) else { return .handled }
      overlay = .form(f, purpose: purpose)
      confirm(
        "回复督办", ["回复 \(s.number)?", "回复后不能修改。"], .reply(supervision: s.id, text: text),
        done: "已回复督办 \(s.number)")
    default: overlay = nil
    }
    return .handled
  }

  mutating func submitCallback(_ f: Form, _ c: Complaint, _ ctx: AppContext) -> PaneResponse {
    let method = CallbackMethod.allCases.first { $0.title == f["method"] } ?? .phone
    let satisfaction = Satisfaction.allCases.first { $0.title == f["satisfaction"] } ?? .satisfied
    var days: Int?
    var outcome = "结案"
    if satisfaction == .unsatisfied {
      guard let d = Int(f["days"]), (1...60).contains(d) else {
        return fieldError(f, "callback", "days", "不满意时须填写整改天数(1至60)")
      }
      days = d
      let due = ctx.calendar.deadline(receivedAt: ctx.today, workingDays: d)
      outcome = "重新办理,新的办结期限 \(due.iso)"
    }
    overlay = .form(f, purpose: "callback")
    confirm(
      "回访", ["\(c.id) 回访结果: \(satisfaction.title)(\(method.title))", "回访后: \(outcome)。"],
      .complaint(.callBack(method, satisfaction, notes: f["notes"], reopenDays: days), id: c.id),
      done: satisfaction == .unsatisfied ? "不满意,\(c.id) 已重新办理" : "已回访,\(c.id) 结案")
    return .handled
  }

  mutating func submitSupervision(_ f: Form, _ ctx: AppContext) -> PaneResponse {
    guard let target = pendingTarget else { return .handled }
    guard let days = Int(f["days"]), (1...30).contains(days) else {
      return fieldError(f, "supervise", "days", "应为1至30的整数")
    }
    let method = SupervisionMethod.allCases.first { $0.title == f["method"] } ?? .online
    let due = ctx.calendar.deadline(receivedAt: ctx.today, workingDays: days)
    overlay = .form(f, purpose: "supervise")
    confirm(
      "督办", ["向\(target.orgName)发出\(method.title)通知?", "案件 \(target.caseID),回复期限 \(due.iso)。"],
      .supervise(target, method, requirement: f["requirement"], days: days),
      done: "已向\(target.orgName)发出督办通知")
    return .handled
  }

  mutating func refuse(_ f: Form, _ purpose: String, _ message: String) -> PaneResponse {
    var form = f
    form.message = message
    if let first = form.firstError { form.focus(on: first) }
    overlay = .form(form, purpose: purpose)
    return .toast(.error(message))
  }

  mutating func fieldError(_ f: Form, _ purpose: String, _ key: String, _ message: String)
    -> PaneResponse
  {
    var form = f
    form.setError(key, message)
    return refuse(form, purpose, message)
  }
}
