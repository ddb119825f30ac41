import Domain

/// 延期 (第三十七条(三)): the handler applies with the days and the reason told to the reviewer;
/// a district supervisor approves or refuses. Until then the deadline in force stands.
extension RectificationPane {
  static let approveExtension = "批准延期"
  static let refuseExtension = "不予批准"

  func extensionForm(_ step: RectificationStep, _ s: Rectification, _ context: AppContext)
    -> Form
  {
    let head = "\(step.title) \(s.id)  \(s.rating.itemName)"
    let due = s.due(context.calendar) ?? context.today
    let most = RectificationLimits.standard.maxExtensionDays
    if step == .requestExtension {
      var f = Form(
        title: head,
        fields: [
          .text("days", "延期天数", value: String(most), max: 2, required: true, placeholder: "工作日"),
          .area("reason", "延期理由", max: 300, lines: 3, required: true),
          .choice("toldVia", "告知评价人", Self.contactChoices.map(\.title)),
        ])
      f.footer = [
        "现截止日期 \(due.iso);每次延期不超过\(most)个工作日,经区级督办人员审批后生效,审批前仍按现期限",
        "延期理由须向评价人说明(第三十七条),并记录告知方式",
      ]
      return f
    }
    var f = Form(
      title: head,
      fields: [
        .choice("decision", "审批结论", [Self.approveExtension, Self.refuseExtension]),
        .area("opinion", "审批意见", max: 300, lines: 3, required: true),
      ])
    if let request = s.extensionRequest {
      let newDue = RectificationMachine.extendedDue(s, request, context.calendar)
      f.footer = wrapped([
        "申请人 \(staffNames[request.requestedBy] ?? request.requestedBy)  延期\(request.days)个工作日:"
          + "现截止 \(due.iso),批准后延至 \(newDue?.iso ?? "-")",
        "理由: \(request.reason)(\(request.toldVia.title)告知评价人)",
      ])
    }
    return f
  }

  func extensionCommand(
    _ step: RectificationStep, _ form: Form, contact: (String) -> ContactMethod
  ) -> Result<RectificationCommand, Refusal> {
    if step == .decideExtension {
      return .success(
        .decideExtension(
          approved: form["decision"] == Self.approveExtension, opinion: form["opinion"]))
    }
    guard let days = Int(form["days"].trimmingSpaces()) else {
      return .failure(Refusal("「延期天数」应为整数(工作日)"))
    }
    return .success(
      .requestExtension(days: days, reason: form["reason"], toldVia: contact("toldVia")))
  }

  /// The case view's lines for the latest application and its decision.
  func extensionLines(_ s: Rectification) -> [DetailLine] {
    guard let x = s.extensionRequest else { return [] }
    let who = { (login: String) in staffNames[login] ?? login }
    var lines: [DetailLine] = [
      .styled(
        "延期申请",
        "\(x.days)个工作日  \(x.requestedOn.iso) \(who(x.requestedBy))  \(x.stateTitle)",
        x.isPending ? .warning : .bold),
      .field("延期理由", FieldText.sanitizeForDisplay(x.reason)),
    ]
    if let by = x.decidedBy {
      lines.append(
        .field("审批意见", "\(who(by)): " + FieldText.sanitizeForDisplay(x.opinion ?? "")))
    }
    return lines
  }
}
