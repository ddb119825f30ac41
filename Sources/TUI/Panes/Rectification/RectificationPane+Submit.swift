import Domain
import Foundation

extension RectificationPane {
  /// Keeps the register form's reviewer fields in step with 实名/匿名.
  func formEdited(_ form: inout Form, field: String, purpose: RectificationPurpose) {
    form.message = nil
    guard purpose == .register, field == RatingInput.Field.realName.rawValue else {
      return
    }
    let anonymous = form[field] == "匿名"
    for key in [RatingInput.Field.reviewerName.rawValue, RatingInput.Field.reviewerPhone.rawValue] {
      form.update(key) {
        $0.hidden = anonymous
        $0.error = nil
      }
    }
  }

  mutating func submit(_ form: Form, purpose: RectificationPurpose, _ context: AppContext)
    -> Update<RectificationEffect>
  {
    if case .work(let p) = purpose { return submitWork(form, p, context) }
    var form = form
    form.clearErrors()
    guard form.checkRequired() else {
      return Update(refuse(form, purpose, "请填写标记为必填的项目"))
    }
    switch purpose {
    case .register: return submitRating(form, context)
    case .period: return submitPeriod(form, context)
    case .export: return .run(.export(path: form["path"], period, byItem: statsByItem))
    case .find, .work: return .handled
    case .step(let step):
      guard let s = current else {
        flow.close()
        return .handled
      }
      let command: RectificationCommand
      switch makeCommand(step, form) {
      case .success(let c): command = c
      case .failure(let problem): return Update(refuse(form, purpose, problem.message))
      }
      let work = RectificationWork(id: s.id, command: command)
      guard let question = confirmation(command, s) else {
        // F5 is enough: the step runs with its form kept to give back on refusal.
        flow.show(form, purpose)
        flow.begin(work, done: "")
        return .run(.perform(work))
      }
      flow.show(form, purpose)
      flow.confirm(question.title, question.lines, work, done: "")
      return .handled
    }
  }

  /// Puts the form back with its message (every value kept) and says why in the toast.
  mutating func refuse(_ form: Form, _ purpose: RectificationPurpose, _ message: String)
    -> PaneResponse
  {
    var form = form
    // A refusal that names a field (「证明材料」不能为空) marks that field too.
    for f in form.fields where f.error == nil && message.contains("「\(f.label)」") {
      form.setError(f.key, "请检查")
    }
    return flow.refuse(form, purpose, message)
  }

  mutating func submitRating(_ form: Form, _ context: AppContext) -> Update<RectificationEffect> {
    var form = form
    let f = RatingInput.Field.self
    let orgCode = organisationOrder.first { $0.name == form[f.organisation.rawValue] }?.code ?? ""
    // Every field's problem is marked at once: the date's format here, the rest by Domain.
    var messages: [String] = []
    let ratedOn = CivilDate(iso: form[f.ratedOn.rawValue])
    if ratedOn == nil {
      form.setError(f.ratedOn.rawValue, "应为 YYYY-MM-DD")
      messages.append("评价日期格式应为 YYYY-MM-DD,例如 \(context.today.iso)")
    }
    let realName = form[f.realName.rawValue] == "实名"
    let input = RatingInput(
      channel: RatingChannel(rawValue: form[f.channel.rawValue]) ?? .online,
      serviceCaseID: form[f.serviceCaseID.rawValue], itemCode: form[f.itemCode.rawValue],
      itemName: form[f.itemName.rawValue], organisation: orgCode,
      level: RatingLevel(title: form[f.level.rawValue]) ?? .satisfied,
      comment: form[f.comment.rawValue], realName: realName,
      reviewerName: realName ? form[f.reviewerName.rawValue] : nil,
      reviewerPhone: realName ? form[f.reviewerPhone.rawValue] : nil, ratedOn: ratedOn)
    for p in input.problems(today: context.today) {
      form.setError(p.field.rawValue, p.message)
      messages.append(p.message)
    }
    if let first = messages.first {
      let more = messages.count > 1 ? "(共\(messages.count)处需修改)" : ""
      return Update(refuse(form, .register, first + more))
    }
    return .run(.register(input))
  }

  mutating func submitPeriod(_ form: Form, _ context: AppContext) -> Update<RectificationEffect> {
    var form = form
    var dates: [CivilDate?] = []
    for key in ["from", "through"] {
      let text = form[key]
      if text.isEmpty {
        dates.append(nil)
      } else if let d = CivilDate(iso: text) {
        dates.append(d)
      } else {
        form.setError(key, "应为 YYYY-MM-DD")
        return Update(refuse(form, .period, "日期格式应为 YYYY-MM-DD,例如 \(context.today.iso)"))
      }
    }
    if let a = dates[0], let b = dates[1], a > b {
      form.setError("through", "早于起始日期")
      return Update(refuse(form, .period, "截止日期不能早于起始日期"))
    }
    period = StatisticsPeriod(from: dates[0], through: dates[1])
    flow.close()
    return .run(.reload(then: .nothing))
  }

  /// The command a step's form describes, or what is missing from it.
  func makeCommand(_ step: RectificationStep, _ form: Form) -> Result<
    RectificationCommand, Refusal
  > {
    func contact(_ key: String) -> ContactMethod {
      form.choice(key, as: ContactMethod.self) ?? .phone
    }
    switch step {
    case .verify:
      let conclusion = Conclusion.allCases.first { $0.title == form["conclusion"] } ?? .immediate
      return .success(
        .verify(
          contact: contact("contact"), findings: form["findings"], claim: conclusion.claim,
          evidence: conclusion.claim == nil ? nil : form["evidence"], track: conclusion.track))
    case .review:
      return .success(
        .review(
          approved: form["decision"] == Self.reviewApprove, opinion: form["opinion"]))
    case .classify:
      let track = RectificationTrack.allCases.first { trackTitle($0) == form["track"] } ?? .complex
      return .success(.classify(track: track, note: form["note"]))
    case .requestExtension, .decideExtension:
      return extensionCommand(step, form, contact: contact)
    case .feedback:
      return .success(.feedback(measures: form["measures"]))
    case .callBack:
      let response = form.choice("response", as: ReviewerResponse.self) ?? .satisfied
      return .success(
        .callBack(
          method: contact("method"), response: response, record: form["record"]))
    case .closeWithoutCallback:
      return .success(
        .closeWithoutCallback(reason: form["reason"]))
    }
  }

  /// The question before a step that cannot be undone, or nil when the form's F5 is enough.
  func confirmation(_ command: RectificationCommand, _ s: Rectification) -> ConfirmDialog? {
    switch command {
    case .review(let approved, _):
      return ConfirmDialog(
        title: "确认复核结论",
        lines: approved
          ? ["认定 \(s.id) 为无效差评:案件办结,该差评不计入满意度统计。", "此操作不能撤销。"]
          : ["复核不通过:案件 \(s.id) 转入整改阶段,由\(organisationNames[s.organisation] ?? s.organisation)整改。"],
        action: RectificationStep.review.rawValue)
    case .callBack(_, let response, _):
      let effect: String
      switch response {
      case .satisfied, .basicallySatisfied: effect = "评价人\(response.title),案件 \(s.id) 将办结。"
      case .dissatisfied: effect = "评价人不满意,案件 \(s.id) 将退回整改(第\(s.rounds + 1)轮)。"
      case .unreachable: effect = "记录一次未能联系的回访,案件仍待回访。"
      }
      return ConfirmDialog(
        title: "确认回访结果", lines: [effect, "此操作不能撤销。"], action: RectificationStep.callBack.rawValue)
    case .closeWithoutCallback:
      return ConfirmDialog(
        title: "确认不回访办结",
        lines: ["匿名差评 \(s.id) 不回访直接办结,原因将记入办理过程。", "此操作不能撤销。"],
        action: RectificationStep.closeWithoutCallback.rawValue)
    default:
      return nil
    }
  }
}
