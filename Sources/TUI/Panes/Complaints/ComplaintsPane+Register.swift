import Domain
import Store

/// 登记 and 筛选: the two forms of the list.
extension ComplaintsPane {
  mutating func startRegistration(_ ctx: AppContext) -> Update<ComplaintEffect> {
    if let r = Permission.check(ctx.staff, .registerComplaint) { return .toast(.error(r.message)) }
    let own = organisations.first { $0.code == ctx.staff.org }
    var f = Form(
      title: "登记投诉建议",
      fields: [
        .choice(
          "channel", "渠道", ComplaintChannel.self,
          value: ctx.staff.has(.counter) && !ctx.staff.has(.supervisor) ? .counter : .hotline),
        .choice("type", "类型", ComplaintType.self, value: .complaint),
        .choice("urgency", "时限类别", ComplaintUrgency.self, value: .ordinary),
        .text("subject", "标题", max: 80, required: true),
        .area("content", "内容", max: 2000, lines: 3, required: true),
        .text("complainant", "投诉人", max: 30, placeholder: "匿名可不填"),
        .text("contact", "联系电话", max: 20, placeholder: "手机或固定电话;匿名可不填"),
        .choice(
          "org", "涉及单位", organisations.map(\.name),
          value: own?.kind == .district ? nil : own?.name),
        .choice("secrecy", "保密", Confidentiality.self, value: Confidentiality.none),
        .text("anonymous", "匿名原因", max: 100, placeholder: "匿名不留电话时填写无法回访的原因"),
        .text("ticket", "工单号", max: 40, placeholder: "12345或省/市平台转来的工单号"),
        .text("related", "关联案件", max: 20, placeholder: "所涉办件、差评整改或投诉的编号"),
      ])
    f.footer = registrationFooter(f, ctx)
    flow.show(f, .register)
    return .handled
  }

  /// The limit the rule table gives the chosen class, shown before saving (第三十二条).
  func registrationFooter(_ f: Form, _ ctx: AppContext) -> [String] {
    let urgency = f.choice("urgency", as: ComplaintUrgency.self) ?? .ordinary
    let days = rules.limit(for: urgency)
    let due = ComplaintMachine.roundDue(from: ctx.today, days: days, ctx.calendar)
    let own = organisations.first { $0.code == ctx.staff.org }
    let concerned = organisations.first { $0.name == f["org"] }
    // Follows 涉及单位 as it is changed: a township or department handles only what concerns
    // itself; anything else goes to the district platform (it kept saying 由王岘镇直接办理).
    let who: String
    if own?.kind == .district {
      who = "登记后由区级平台分派"
    } else if let concerned, concerned.code != own?.code {
      who = "涉及\(concerned.name),登记后转区级平台分派"
    } else {
      who = "登记后由\(own?.name ?? "本单位")直接办理"
    }
    return [
      "办结时限: \(urgency.title) \(days)个工作日,截至 \(due.iso) 星期\(due.weekdayName)(登记当日不计)",
      who + "。F5 保存  Esc 取消",
    ]
  }

  mutating func register(_ f: Form, _ ctx: AppContext) -> Update<ComplaintEffect> {
    let draft = ComplaintDraft(
      channel: f.choice("channel", as: ComplaintChannel.self) ?? .hotline,
      type: f.choice("type", as: ComplaintType.self) ?? .complaint,
      urgency: f.choice("urgency", as: ComplaintUrgency.self) ?? .ordinary,
      subject: f["subject"], content: f["content"], complainant: f["complainant"],
      contact: f["contact"], concernedOrg: organisations.first { $0.name == f["org"] }?.code ?? "",
      confidentiality: f.choice("secrecy", as: Confidentiality.self) ?? .none,
      ticketNumber: Self.given(f["ticket"]), anonymousReason: Self.given(f["anonymous"]),
      relatedCase: Self.given(f["related"]))
    // The domain's field checks, marked on their fields; nothing typed is lost.
    let problems = draft.problems()
    if !problems.isEmpty {
      var form = f
      for p in problems { form.setError(p.field, p.message) }
      return Update(flow.refuse(form, .register, problems[0].message))
    }
    return .run(.register(draft))
  }

  /// A field left empty is no value.
  static func given(_ text: String) -> String? {
    let t = text.trimmingSpacesAndNewlines()
    return t.isEmpty ? nil : t
  }

  static let everything = "全部"

  func filterForm() -> Form {
    let orgName = filter.org.flatMap { code in organisations.first { $0.code == code }?.name }
    return Form(
      title: "筛选",
      fields: [
        .choice("org", "承办单位", [Self.everything] + organisations.map(\.name), value: orgName),
        .choice(
          "type", "类型", [Self.everything] + ComplaintType.allCases.map(\.title),
          value: filter.type?.title),
        .choice(
          "urgency", "紧急程度", [Self.everything] + ComplaintUrgency.allCases.map(\.title),
          value: filter.urgency?.title),
        .choice(
          "channel", "渠道", [Self.everything] + ComplaintChannel.allCases.map(\.title),
          value: filter.channel?.title),
      ])
  }

  mutating func applyFilter(_ f: Form, _ ctx: AppContext) -> Update<ComplaintEffect> {
    queue.filter.org = organisations.first { $0.name == f["org"] }?.code
    queue.filter.type = f.choice("type", as: ComplaintType.self)
    queue.filter.urgency = f.choice("urgency", as: ComplaintUrgency.self)
    queue.filter.channel = f.choice("channel", as: ComplaintChannel.self)
    flow.close()
    queue.restart()
    return .run(reloadEffect(.filtered))
  }
}
