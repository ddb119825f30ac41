import Domain
import Store

/// A form's F5: check what was typed (marking the field and keeping every value), then ask
/// before a step that cannot be undone.
extension SupervisionPane {
  mutating func submit(_ form: Form, _ purpose: SupervisionPurpose, _ context: AppContext)
    -> Update<SupervisionEffect>
  {
    var f = form
    if let problem = f.validate() { return Update(flow.refuse(f, purpose, problem)) }
    switch purpose {
    case .export where mode == .complaints:
      return .run(
        .exportComplaints(
          path: f["path"].trimmingSpaces(), complaintPeriod, grouping: complaintGrouping))
    case .export: return submitTimelinessExport(f)
    case .supervise(let t):
      guard let days = f.int("days") else { return .handled }
      let method = f.choice("method", as: SupervisionMethod.self) ?? .online
      let due = SupervisionReducer.replyDue(
        issuedOn: context.today, days: days, context.calendar)
      flow.confirm(
        "督办",
        [
          "向\(t.orgName)发出\(method.title)通知?",
          "\(CaseKindWording.title(t.kind)) \(t.caseID),回复期限 \(due.iso)。",
        ],
        .supervise(t, method, f["requirement"], days), done: "已向\(t.orgName)发出督办通知")
    case .reply(let id):
      flow.confirm("回复督办", ["提交回复?回复后不能修改。"], .reply(id, f["text"]), done: "已回复督办")
    case .draw:
      guard let from = f.date("from"), let to = f.date("to"), let size = f.int("size") else {
        return .handled
      }
      guard let seed = SpotCheckSampler.parse(f["seed"]) else {
        return Update(flow.refuse(f, purpose, "应为1至16位十六进制数", field: "seed"))
      }
      flow.confirm(
        "抽查", ["从 \(from.iso) 至 \(to.iso) 办结的投诉建议中随机抽取\(size)件?", "种子 \(f["seed"]),抽取结果将记入事件日志。"],
        .draw(from, to, size, seed), done: "已抽取样本")
    case .verdict(let caseID):
      guard case .spotItems(let id) = mode else { return .handled }
      let verdict = f.choice("verdict", as: SpotCheckVerdict.self) ?? .pass
      flow.confirm(
        "抽查结论", ["\(caseID): \(verdict.title)?", "记录后不能修改。"],
        .verdict(id, caseID, verdict, f["note"]), done: "已记录抽查结论")
    }
    return .handled
  }

  mutating func openNotice(_ id: String, _ context: AppContext) {
    guard let s = notices.first(where: { $0.id == id }) else { return }
    var lines: [DetailLine] = [
      .heading("督办通知 \(s.number)"),
      .field("方式", s.method.title),
      .field("对象", "\(CaseKindWording.title(s.targetKind)) \(s.targetCase)"),
      .field("单位", orgNames[s.org] ?? s.org),
      .field("标题", s.title),
      .field("发出", "\(s.issuedOn.iso) \(names[s.issuedBy] ?? s.issuedBy)"),
      .field("督办要求", s.requirement),
    ]
    if let reply = s.reply, let on = s.repliedOn {
      lines.append(.field("回复期限", s.replyDue.iso))
      lines.append(
        .field(
          "回复",
          "\(on.iso) \(names[s.repliedBy ?? ""] ?? s.repliedBy ?? "") \(on <= s.replyDue ? "按期" : "逾期"): \(reply)"
        ))
    } else {
      let cd = context.calendar.countdown(today: context.today, due: s.replyDue)
      lines.append(
        .styled("回复期限", "\(s.replyDue.iso)  \(cd.label)  待回复", CountdownBadge.style(cd)))
    }
    noticeView = DetailView(lines: lines)
  }
}
