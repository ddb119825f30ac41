import Domain
import Foundation

extension RectificationPane {
  /// Keeps the register form's reviewer fields in step with 实名/匿名.
  func formEdited(_ form: inout Form, field: String, purpose: String) {
    form.message = nil
    guard purpose == Purpose.register.rawValue, field == RatingInput.Field.realName.rawValue else {
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

  mutating func submit(_ form: Form, purpose: String, _ context: AppContext) -> PaneResponse {
    var form = form
    form.clearErrors()
    guard form.checkRequired() else {
      return reject(form, purpose, "请填写标记为必填的项目")
    }
    switch purpose {
    case Purpose.register.rawValue: return submitRating(form, context)
    case Purpose.period.rawValue: return submitPeriod(form, context)
    case Purpose.export.rawValue:
      // Never overwrite a file from here: a mistyped path must not destroy another report.
      if FileManager.default.fileExists(atPath: form["path"]) {
        form.setError("path", "文件已存在")
        return reject(form, purpose, "文件 \(form["path"]) 已存在,请换一个文件名")
      }
      do {
        let n = try service.exportSatisfaction(period, for: context.staff, to: form["path"])
        overlay = nil
        return .toast(.info("已导出 \(n) 个单位的满意度统计: \(form["path"])"))
      } catch {
        return reject(form, purpose, CLI.message(for: error))
      }
    default:
      guard let step = RectificationStep(rawValue: purpose), let s = current else {
        overlay = nil
        return .handled
      }
      let command: RectificationCommand
      switch makeCommand(step, form) {
      case .success(let c): command = c
      case .failure(let problem): return reject(form, purpose, problem.message)
      }
      guard let question = confirmation(command, s) else {
        return perform(command, form: form, purpose: purpose, context)
      }
      pending = (command, form, purpose)
      overlay = .confirm(question)
      return .handled
    }
  }

  /// Puts the form back with its message (every value kept) and says why in the toast.
  mutating func reject(_ form: Form, _ purpose: String, _ message: String) -> PaneResponse {
    var form = form
    form.message = message
    // A refusal that names a field (「证明材料」不能为空) marks that field too.
    for f in form.fields where f.error == nil && message.contains("「\(f.label)」") {
      form.setError(f.key, "请检查")
    }
    if let key = form.firstError { form.focus(on: key) }
    overlay = .form(form, purpose: purpose)
    return .toast(.error(message))
  }

  mutating func submitRating(_ form: Form, _ context: AppContext) -> PaneResponse {
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
      return reject(form, Purpose.register.rawValue, first + more)
    }
    do {
      let (ratingID, caseID) = try service.registerRating(input, by: context.staff)
      overlay = nil
      guard let caseID else {
        return refreshed(context, .info("已登记评价 \(ratingID)(\(input.level.title))"))
      }
      view = .verifying
      mode = .list
      activate(context)
      if let i = rows.firstIndex(where: { $0.id == caseID }) {
        cursor.select(i, count: rows.count, page: 10)
      }
      return .toast(
        .info(
          "已登记评价 \(ratingID);差评已生成整改案件 \(caseID),待\(input.organisation == context.staff.org ? "本单位" : (organisationNames[orgCode] ?? orgCode))核实"
        ))
    } catch {
      return reject(form, Purpose.register.rawValue, CLI.message(for: error))
    }
  }

  mutating func submitPeriod(_ form: Form, _ context: AppContext) -> PaneResponse {
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
        return reject(form, Purpose.period.rawValue, "日期格式应为 YYYY-MM-DD,例如 \(context.today.iso)")
      }
    }
    if let a = dates[0], let b = dates[1], a > b {
      form.setError("through", "早于起始日期")
      return reject(form, Purpose.period.rawValue, "截止日期不能早于起始日期")
    }
    period = StatisticsPeriod(from: dates[0], through: dates[1])
    overlay = nil
    return refreshed(context)
  }

  /// The command a step's form describes, or what is missing from it.
  func makeCommand(_ step: RectificationStep, _ form: Form) -> Result<
    RectificationCommand, Refusal
  > {
    func contact(_ key: String) -> ContactMethod {
      ContactMethod.allCases.first { $0.title == form[key] } ?? .phone
    }
    switch step {
    case .verify:
      let conclusion = Conclusion.allCases.first { $0.title == form["conclusion"] } ?? .immediate
      return .success(
        .verify(
          RectificationVerified(
            contact: contact("contact"), findings: form["findings"], claim: conclusion.claim,
            evidence: conclusion.claim == nil ? nil : form["evidence"], track: conclusion.track)))
    case .review:
      return .success(
        .review(
          RectificationReviewed(
            approved: form["decision"] == Self.reviewApprove, opinion: form["opinion"])))
    case .classify:
      let track = RectificationTrack.allCases.first { trackTitle($0) == form["track"] } ?? .complex
      return .success(.classify(RectificationClassified(track: track, note: form["note"])))
    case .extend:
      guard let due = CivilDate(iso: form["newDue"]) else {
        return .failure(Refusal("新截止日期格式应为 YYYY-MM-DD"))
      }
      return .success(
        .extend(
          RectificationExtended(newDue: due, reason: form["reason"], toldVia: contact("toldVia"))))
    case .feedback:
      return .success(.feedback(RectificationFeedback(measures: form["measures"])))
    case .callBack:
      let response = ReviewerResponse.allCases.first { $0.title == form["response"] } ?? .satisfied
      return .success(
        .callBack(
          RectificationCalledBack(
            method: contact("method"), response: response, record: form["record"])))
    case .closeWithoutCallback:
      return .success(
        .closeWithoutCallback(RectificationClosedWithoutCallback(reason: form["reason"])))
    }
  }

  /// The question before a step that cannot be undone, or nil when the form's F5 is enough.
  func confirmation(_ command: RectificationCommand, _ s: Rectification) -> ConfirmDialog? {
    switch command {
    case .review(let r):
      return ConfirmDialog(
        title: "确认复核结论",
        lines: r.approved
          ? ["认定 \(s.id) 为无效差评:案件办结,该差评不计入满意度统计。", "此操作不能撤销。"]
          : ["复核不通过:案件 \(s.id) 转入整改阶段,由\(organisationNames[s.organisation] ?? s.organisation)整改。"],
        action: RectificationStep.review.rawValue)
    case .callBack(let c):
      let effect: String
      switch c.response {
      case .satisfied, .basicallySatisfied: effect = "评价人\(c.response.title),案件 \(s.id) 将办结。"
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

  mutating func perform(
    _ command: RectificationCommand, form: Form, purpose: String, _ context: AppContext
  ) -> PaneResponse {
    guard let s = current else {
      overlay = nil
      return .handled
    }
    do {
      try service.perform(command, on: s.id, as: context.staff)
    } catch {
      // The refusal may come from a change made elsewhere: read the case again so the screen
      // shows where it stands now, and say so.
      var message = CLI.message(for: error)
      activate(context)
      if let now = current, now != s {
        message += StaleNote.text(now.stateTitle)
      }
      return reject(form, purpose, message)
    }
    overlay = nil
    activate(context)
    let now = current?.stateTitle ?? ""
    return .toast(.info("\(command.step.title)已保存,案件 \(s.id) 现为「\(now)」"))
  }
}
