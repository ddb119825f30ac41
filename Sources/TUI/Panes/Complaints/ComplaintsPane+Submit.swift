import Domain
import Store

/// A form's F5: check what was typed (marking the field in error and keeping every value), then
/// ask for confirmation of a step that cannot be undone.
extension ComplaintsPane {
  mutating func submit(_ form: Form, _ purpose: ComplaintPurpose, _ ctx: AppContext)
    -> Update<ComplaintEffect>
  {
    if case .work(let p) = purpose { return submitWork(form, p, ctx) }
    var f = form
    // The callback's days count only when the complainant is not satisfied.
    let moot: Set<String> =
      purpose == .callback && f.choice("satisfaction", as: Satisfaction.self) != .unsatisfied
      ? ["days"] : []
    if let problem = f.validate(skipping: moot) {
      return Update(flow.refuse(f, purpose, problem))
    }
    switch purpose {
    case .register: return register(f, ctx)
    case .filter: return applyFilter(f, ctx)
    default: break
    }
    guard let c = detail?.complaint else { return .handled }
    let text = f["text"]
    switch purpose {
    case .returnToDistrict:
      if let p = FieldText.check(f["reason"], field: "退回理由", required: true, maxLength: 200) {
        return Update(flow.refuse(f, purpose, p.message, field: "reason"))
      }
      flow.show(f, purpose)
      flow.confirm(
        "退回", ["把 \(c.id) 退回区级平台?", "理由: \(f["reason"])", "退回后本单位不再承办,由区级平台重新分派。"],
        .complaint(.return(reason: f["reason"]), id: c.id), done: "\(c.id) 已退回区级平台")
    case .reject(let reason):
      flow.show(f, purpose)
      flow.confirm(
        "不予受理", ["\(c.id) 不予受理?", reason.title],
        .complaint(.reject(reason, note: f["note"]), id: c.id), done: "\(c.id) 已不予受理")
    case .extend:
      guard let days = f.int("days") else { return .handled }
      let newDue = ComplaintMachine.extendedDue(c, days: days, ctx.calendar)
      flow.show(f, purpose)
      flow.confirm(
        "申请延期", ["申请延期\(days)个工作日,批准后办结期限为 \(newDue?.iso ?? "-")。", "每件只能申请1次,提交后不能撤回。"],
        .complaint(.requestExtension(days: days, reason: f["reason"]), id: c.id),
        done: "已申请延期\(days)个工作日,等待督办人员审批")
    case .decide:
      let approved = f["decision"] == "批准"
      flow.show(f, purpose)
      flow.confirm(
        "审批延期", [approved ? "批准 \(c.id) 的延期申请?" : "不批准 \(c.id) 的延期申请?"],
        .complaint(.decideExtension(approved: approved, note: f["note"]), id: c.id),
        done: approved ? "已批准延期" : "已不批准延期")
    case .conclude, .invalid:
      let kind: ConclusionKind = purpose == .conclude ? .resolved : .invalid
      flow.show(f, purpose)
      flow.confirm(
        kind == .resolved ? "办结" : "认定无效",
        ["\(kind == .resolved ? "办结" : "认定为无效投诉建议") \(c.id)?"] + mergedNote(c),
        .complaint(.conclude(kind, text: text), id: c.id),
        done: "\(c.id) 已\(kind == .resolved ? "办结" : "认定无效"),待回访")
    case .callback: return submitCallback(f, c, ctx)
    case .supervise(let target): submitSupervision(f, target, ctx)
    case .reply:
      guard let s = detail?.supervisions.first(where: { $0.reply == nil }) else { return .handled }
      flow.show(f, purpose)
      flow.confirm(
        "回复督办", ["回复 \(s.number)?", "回复后不能修改。"], .reply(supervision: s.id, text: text),
        done: "已回复督办 \(s.number)")
    default: flow.close()
    }
    return .handled
  }

  mutating func submitCallback(_ f: Form, _ c: Complaint, _ ctx: AppContext)
    -> Update<ComplaintEffect>
  {
    if c.registration.isAnonymous { return submitNoCallback(f, c) }
    let method = f.choice("method", as: CallbackMethod.self) ?? .phone
    let satisfaction = f.choice("satisfaction", as: Satisfaction.self) ?? .satisfied
    var days: Int?
    var outcome = "结案"
    if satisfaction == .unsatisfied {
      guard let d = f.int("days") else {
        let range = Self.reopenDays
        return Update(
          flow.refuse(
            f, .callback, "不满意时须填写整改天数(\(range.lowerBound)至\(range.upperBound))",
            field: "days"))
      }
      days = d
      let due = ComplaintMachine.roundDue(from: ctx.today, days: d, ctx.calendar)
      outcome = "重新办理,新的办结期限 \(due.iso)"
    }
    flow.show(f, .callback)
    flow.confirm(
      "回访", ["\(c.id) 回访结果: \(satisfaction.title)(\(method.title))", "回访后: \(outcome)。"],
      .complaint(.callBack(method, satisfaction, notes: f["notes"], reopenDays: days), id: c.id),
      done: satisfaction == .unsatisfied ? "不满意,\(c.id) 已重新办理" : "已回访,\(c.id) 结案")
    return .handled
  }

  mutating func submitSupervision(_ f: Form, _ target: SupervisionTarget, _ ctx: AppContext) {
    guard let days = f.int("days") else { return }
    let method = f.choice("method", as: SupervisionMethod.self) ?? .online
    let due = SupervisionReducer.replyDue(issuedOn: ctx.today, days: days, ctx.calendar)
    flow.show(f, .supervise(target))
    flow.confirm(
      "督办", ["向\(target.orgName)发出\(method.title)通知?", "案件 \(target.caseID),回复期限 \(due.iso)。"],
      .supervise(target, method, requirement: f["requirement"], days: days),
      done: "已向\(target.orgName)发出督办通知")
  }
}
