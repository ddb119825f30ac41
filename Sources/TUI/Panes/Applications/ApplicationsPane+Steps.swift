import Domain
import Store

extension ApplicationsPane {
  /// A step key on the open case: a confirmation, a form or an editor — or why not now.
  mutating func startStep(_ command: CaseCommand, _ a: Application, _ context: AppContext)
    -> PaneResponse
  {
    if command == .supplement, a.status.isIntake, SupplementEditor(a).entries.isEmpty {
      return .toast(.error("材料清单中没有缺少或有误的材料;如有问题请先按 m 核对材料"))
    }
    if let why = precheck(command, a, context) { return .toast(.error(why)) }
    switch command {
    case .accept:
      ask(
        "受理", ["受理办件 \(a.caseID)?", "承诺时限(\(a.item.promisedText))自今日起算,并出具受理通知书。"],
        .perform(.accept))
    case .supplement:
      layer = .supplement(SupplementEditor(a))
    case .refuse:
      layer = .form(Self.form(.refuse, a), .refuse)
    case .preReview:
      layer = .form(Self.form(.preReview, a), .preReview)
    case .materials:
      layer = .checklist(
        MaterialChecklist(materials: a.item.materials, statuses: a.materials), purpose: .check)
    case .resume:
      layer = .checklist(
        MaterialChecklist(materials: a.item.materials, statuses: a.materials), purpose: .supplement)
    case .review:
      layer = .form(Self.form(.review, a), .review)
    case .clock:
      let kind: StepForm = a.runningStop == nil ? .stopClock : .resumeClock
      layer = .form(Self.form(kind, a), kind)
    case .decide:
      layer = .form(Self.form(.decide, a), .decide)
    case .conclude:
      layer = .form(Self.form(.conclude, a), .conclude)
    case .rate:
      layer = .form(Self.form(.rate, a), .rate)
    case .withdraw:
      layer = .form(Self.form(.withdraw, a), .withdraw)
    case .extend:
      layer = .form(Self.form(.extendLimit, a), .extendLimit)
    case .notices:
      guard !a.notices.isEmpty else { return .toast(.info("本办件还没有文书")) }
      layer = .notices(
        Picker(
          title: "重新生成文书(保存并打印)",
          options: a.notices.map {
            Picker.Option(
              id: $0.number, label: "\($0.kind.title)  \($0.number)  \($0.issuedOn.iso)",
              keywords: $0.kind.title)
          }))
    case .scroll, .back:
      return .ignored
    }
    return .handled
  }

  mutating func ask(
    _ title: String, _ lines: [String], _ then: Followup, declined: String? = nil
  ) {
    confirm = Confirmation(
      dialog: ConfirmDialog(title: title, lines: lines, action: title), then: then,
      declined: declined)
  }

  // MARK: - Forms

  static func form(_ kind: StepForm, _ a: Application) -> Form {
    switch kind {
    case .preReview:
      return Form(
        title: "网上预审通过  \(a.caseID)", fields: [.area("opinion", "预审意见", max: 500, lines: 3)])
    case .refuse:
      return Form(
        title: "不予受理  \(a.caseID)",
        fields: [.area("reason", "不予受理理由", max: 500, lines: 4, required: true)])
    case .review:
      return Form(title: "审查  \(a.caseID)", fields: [.area("opinion", "审查意见", max: 500, lines: 3)])
    case .stopClock:
      var days = FormField.text("days", "承诺时长", value: "10", max: 3, required: true)
      days.note = "个工作日(开始当日不计)"
      return Form(
        title: "特别程序(计时暂停)  \(a.caseID)",
        fields: [
          .choice("kind", "程序", ClockStopKind.allCases.map(\.title)), days,
          .area("reason", "事由", max: 500, lines: 3, required: true),
        ])
    case .resumeClock:
      return Form(
        title: "结束特别程序「\(a.runningStop?.kind.title ?? "")」,恢复计时  \(a.caseID)",
        fields: [.area("note", "结果说明", max: 500, lines: 3)])
    case .decide:
      return Form(
        title: "决定  \(a.caseID)",
        fields: [
          .choice("decision", "决定", Decision.allCases.map(\.title)),
          .area("reason", "理由/说明", max: 500, lines: 3),
        ])
    case .conclude:
      let approved = a.decision == .approved
      var tracking = FormField.text("tracking", "邮寄单号", max: 40)
      tracking.note = "邮寄时填写"
      var fee = FormField.text("fee", "收费金额", max: 12, placeholder: "不收费请留空")
      fee.note = "元(\(a.item.fee))"
      return Form(
        title: "办结  \(a.caseID)  决定: \(a.decision?.title ?? "-")",
        fields: [
          .text("certName", "证照名称", value: approved ? a.item.result : "", max: 60),
          .text("certNumber", "证照编号", max: 60),
          .choice("delivery", "送达方式", Delivery.allCases.map(\.title)), tracking, fee,
        ])
    case .rate:
      return Form(
        title: "申请人评价  \(a.caseID)",
        fields: [
          .deliberateChoice("level", "评价", RatingPayload.levels),
          .choice("realName", "实名/匿名", ["实名", "匿名"]),
          .area("comment", "评价内容", max: 500, lines: 3),
        ])
    case .withdraw:
      return Form(
        title: "申请人撤回申请  \(a.caseID)",
        fields: [.area("reason", "撤回原因", max: 500, lines: 3, required: true)])
    case .extendLimit:
      let range = ApplicationRules.extensionDays
      var days = FormField.text(
        "days", "延长期限", value: String(range.upperBound), max: 2, required: true)
      days.note = "个工作日(\(range.lowerBound)至\(range.upperBound),只能延长一次)"
      return Form(
        title: "延长审批期限(行政许可法第四十二条)  \(a.caseID)",
        fields: [days, .area("reason", "延长理由", max: 500, lines: 3, required: true)])
    }
  }

  /// The command a submitted form asks for, or nil after marking what is wrong on the form.
  static func command(from form: inout Form, _ kind: StepForm) -> ApplicationCommand? {
    form.clearErrors()
    guard form.checkRequired() else {
      form.message = "请填写标 * 的必填项"
      return nil
    }
    switch kind {
    case .preReview: return .passPreReview(opinion: form["opinion"])
    case .refuse: return .refuse(reason: form["reason"])
    case .review: return .startReview(opinion: form["opinion"])
    case .stopClock:
      guard let days = workingDays(&form, ApplicationRules.clockStopDays, "承诺时长") else {
        return nil
      }
      return .stopClock(
        ClockStopKind(title: form["kind"]) ?? .siteInspection, days: days, reason: form["reason"])
    case .resumeClock: return .resumeClock(note: form["note"])
    case .decide:
      let d = Decision(title: form["decision"]) ?? .approved
      if d == .denied, form["reason"].isEmpty {
        return form.refuse("reason", "必填", "不予准予须说明理由")
      }
      return .decide(d, reason: form["reason"])
    case .conclude:
      let delivery = Delivery(title: form["delivery"]) ?? .counter
      if delivery == .post, form["tracking"].isEmpty {
        return form.refuse("tracking", "必填", "邮寄送达须填写邮寄单号")
      }
      if ApplicationRules.parseFee(form["fee"]) == nil {
        return form.refuse("fee", "如 12.50", "收费金额应为元,最多两位小数;不收费请留空")
      }
      return .conclude(
        ConclusionInput(
          certificateName: form["certName"], certificateNumber: form["certNumber"],
          delivery: delivery, trackingNumber: delivery == .post ? form["tracking"] : "",
          fee: form["fee"]))
    case .rate:
      return .rate(
        level: form["level"], realName: form["realName"] == "实名", comment: form["comment"])
    case .withdraw: return .withdraw(reason: form["reason"])
    case .extendLimit:
      guard let days = workingDays(&form, ApplicationRules.extensionDays, "延长期限") else {
        return nil
      }
      return .extendLimit(days: days, reason: form["reason"])
    }
  }

  /// The form's working days when in the Domain's `range`, else nil with the form refused there.
  static func workingDays(_ form: inout Form, _ range: ClosedRange<Int>, _ what: String) -> Int? {
    if let days = Int(form["days"]), range.contains(days) { return days }
    let span = "\(range.lowerBound)至\(range.upperBound)"
    return form.refuse("days", "应为" + span, "\(what)应为\(span)个工作日")
  }

  /// The question asked before a form's step is taken (nil: taken at once).
  static func confirmation(for command: ApplicationCommand, _ a: Application) -> (String, [String])?
  {
    switch command {
    case .passPreReview: return ("网上预审", ["预审通过办件 \(a.caseID)?", "通过后待受理。"])
    case .refuse:
      return ("不予受理", ["对办件 \(a.caseID) 作出不予受理决定?", "将出具不予受理决定书,告知申请人申请行政复议或提起行政诉讼的权利。"])
    case .stopClock(let kind, let days, _):
      return ("特别程序", ["启动「\(kind.title)」,承诺\(days)个工作日?", "办理时限暂停计算,并出具特别程序告知书。"])
    case .resumeClock: return ("恢复计时", ["结束特别程序,恢复计算办理时限?"])
    case .decide(let d, _): return ("决定", ["对办件 \(a.caseID) 作出「\(d.title)」决定?", "决定后不能更改。"])
    case .conclude:
      return (
        "办结", ["办结 \(a.caseID)?", "将出具\(a.decision == .denied ? "不予许可决定书" : "办结通知书"),办结后不能撤回。"]
      )
    case .rate(let level, _, _): return ("评价", ["录入申请人评价「\(level)」?", "评价提交后不能修改。"])
    case .withdraw: return ("撤回", ["登记申请人撤回办件 \(a.caseID)?", "撤回后办件终止办理。"])
    case .extendLimit(let days, _):
      return (
        "延长审批", ["批准办件 \(a.caseID) 的审批期限延长\(days)个工作日?", "只能延长一次,并出具延长审批告知书。"]
      )
    case .requestSupplement(let items, _):
      return ("一次性告知", ["出具一次性告知书,列明\(items.count)项需补正的材料?", "办件转为待补正,补正后沿用原办件编号。"])
    default: return nil
    }
  }
}
