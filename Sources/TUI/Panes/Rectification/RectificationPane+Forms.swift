import Domain
import Foundation

extension RectificationPane {
  static let contactChoices: [ContactMethod] = [.phone, .sms, .inPerson, .visit, .unreachable]

  /// 核实结论 — what the handler found, in one choice (第三十七条(二)(三)).
  enum Conclusion: CaseIterable {
    case immediate, complex, untrue, mistaken, malicious

    var title: String {
      switch self {
      case .immediate: return "情况属实,立行立改"
      case .complex: return "情况属实,情况复杂(5个工作日)"
      case .untrue: return "不实评价,申请认定无效差评"
      case .mistaken: return "误评,申请认定无效差评"
      case .malicious: return "恶意差评,申请认定无效差评"
      }
    }

    var claim: InvalidityKind? {
      switch self {
      case .untrue: return .untrue
      case .mistaken: return .mistaken
      case .malicious: return .malicious
      default: return nil
      }
    }

    var track: RectificationTrack? {
      switch self {
      case .immediate: return .immediate
      case .complex: return .complex
      default: return nil
      }
    }
  }

  static let reviewRefuse = "不通过,转入整改"
  static let reviewApprove = "通过,认定为无效差评"

  /// F2 登记评价: every field of a rating; the reviewer's name and phone only when 实名.
  func registerForm(_ context: AppContext) -> Form {
    let orgs = organisationOrder.map(\.name)
    var form = Form(
      title: "登记评价(网上、掌上、自助终端、短信、电话等渠道)",
      fields: [
        .choice(
          RatingInput.Field.channel.rawValue, "评价渠道", RatingChannel.allCases.map(\.title),
          value: RatingChannel.online.title),
        .text(RatingInput.Field.serviceCaseID.rawValue, "办件编号", max: 30, placeholder: "可不填"),
        .choice(
          RatingInput.Field.organisation.rawValue, "服务单位", orgs,
          value: organisationNames[context.staff.org]),
        .text(RatingInput.Field.itemCode.rawValue, "事项编码", max: 40, placeholder: "可不填"),
        .text(RatingInput.Field.itemName.rawValue, "事项名称", max: 60, required: true),
        .deliberateChoice(
          RatingInput.Field.level.rawValue, "评价等级", RatingLevel.allCases.map(\.title)),
        .area(RatingInput.Field.comment.rawValue, "评价内容", max: 500, lines: 3),
        .choice(RatingInput.Field.realName.rawValue, "实名/匿名", ["实名", "匿名"]),
        .text(RatingInput.Field.reviewerName.rawValue, "评价人姓名", max: 20, required: true),
        .text(
          RatingInput.Field.reviewerPhone.rawValue, "联系电话", max: 20, required: true,
          placeholder: "手机或固定电话"),
        .text(
          RatingInput.Field.ratedOn.rawValue, "评价日期", value: context.today.iso, max: 10,
          required: true, placeholder: "YYYY-MM-DD"),
      ])
    form.update(RatingInput.Field.level.rawValue) { $0.note = "差评自动立案整改" }
    return form
  }

  func form(for step: RectificationStep, _ s: Rectification, _ context: AppContext) -> Form {
    let head = "\(step.title) \(s.id)  \(s.rating.itemName)"
    switch step {
    case .verify:
      var f = Form(
        title: head,
        fields: [
          .choice("contact", "联系方式", Self.contactChoices.map(\.title)),
          .area("findings", "核实情况", max: 500, lines: 3, required: true),
          .choice("conclusion", "核实结论", Conclusion.allCases.map(\.title)),
          .area("evidence", "证明材料", max: 1000, lines: 3),
        ])
      f.update("evidence") { $0.note = "申请无效时必填" }
      f.footer = [
        s.rating.realName
          ? "实名评价: 须联系评价人\(FieldText.sanitizeForDisplay(s.rating.reviewerName ?? ""))核实(第三十七条)"
          : "匿名评价: 无联系方式时联系方式选「未能联系」",
        "不实评价、误评、恶意差评须附证明材料,报督办人员复核",
      ]
      return f
    case .review:
      var f = Form(
        title: head,
        fields: [
          .choice("decision", "复核结论", [Self.reviewRefuse, Self.reviewApprove]),
          .area("opinion", "复核意见", max: 500, lines: 4, required: true),
        ])
      f.footer = wrapped(
        [
          "申请理由: \(s.claim?.title ?? "")  申请人: \(staffNames[s.claimedBy ?? ""] ?? s.claimedBy ?? "")",
          "证明材料: \(s.evidence ?? "")",
        ])
      return f
    case .classify:
      let options =
        (s.track == .immediate ? [RectificationTrack.complex] : RectificationTrack.allCases)
      return Form(
        title: head,
        fields: [
          .choice("track", "整改方式", options.map(trackTitle)),
          .text("note", "说明", max: 200),
        ])
    case .requestExtension, .decideExtension:
      return extensionForm(step, s, context)
    case .feedback:
      return Form(
        title: head,
        fields: [.area("measures", "整改措施", max: 1000, lines: 5, required: true)])
    case .callBack:
      var f = Form(
        title: head,
        fields: [
          .choice("method", "回访方式", [ContactMethod.phone, .sms, .inPerson, .visit].map(\.title)),
          .choice("response", "评价人意见", ReviewerResponse.allCases.map(\.title)),
          .area("record", "回访记录", max: 500, lines: 4, required: true),
        ])
      f.footer = wrapped(["整改措施: \(s.feedback ?? "")"])
      return f
    case .closeWithoutCallback:
      return Form(
        title: head,
        fields: [.area("reason", "不回访原因", max: 300, lines: 3, required: true)])
    }
  }

  /// Footer lines wrapped for the narrowest pane (80 columns less the pane list), at most 4.
  func wrapped(_ lines: [String]) -> [String] {
    Array(
      lines.flatMap { DisplayWidth.wrap(FieldText.sanitizeForDisplay($0), columns: 66) }.prefix(4))
  }

  func trackTitle(_ t: RectificationTrack) -> String {
    t == .immediate ? "立行立改" : "情况复杂(5个工作日内办结)"
  }

  func periodForm() -> Form {
    Form(
      title: "统计期间(按评价日期,两端都含)",
      fields: [
        .text("from", "起始日期", value: period.from?.iso ?? "", max: 10, placeholder: "YYYY-MM-DD"),
        .text(
          "through", "截止日期", value: period.through?.iso ?? "", max: 10, placeholder: "YYYY-MM-DD"),
      ])
  }

  func exportForm() -> Form {
    let home =
      ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? NSHomeDirectory()
    let name =
      "满意度统计-" + (statsByItem ? "按事项-" : "") + (period.from?.iso ?? "起") + "-"
      + (period.through?.iso ?? "今") + ".csv"
    var f = Form(
      title: "导出满意度统计(CSV,可用 WPS 或 Excel 打开)",
      fields: [.text("path", "文件路径", value: home + "/" + name, max: 300, required: true)])
    f.footer = ["统计期间: \(period.title)"]
    return f
  }
}
