import Domain
import Store

/// What a picker's choice leads to, and the pickers and forms opened after a read.
extension ComplaintsPane {
  mutating func picked(_ option: Picker.Option, _ purpose: ComplaintPurpose, _ ctx: AppContext)
    -> Update<ComplaintEffect>
  {
    guard let c = detail?.complaint else {
      flow.close()
      return .handled
    }
    if case .work(let p) = purpose {
      flow.pickedWork(
        option, p, workSubject(c), purpose: { .work($0) }, work: { .caseWork($0, id: c.id) })
      return .handled
    }
    switch purpose {
    case .dispatch:
      let until = ComplaintMachine.returnUntil(
        dispatchedOn: ctx.today, days: rules.returnWindow, ctx.calendar)
      flow.confirm(
        "分派",
        [
          "把 \(c.id) 分派至\(option.label.split(separator: " ").first ?? "")?",
          // The window is counted in whole working days (第三十三条): the last day ends at
          // midnight, not at office closing, and the rule accepts a return until then.
          "该单位可在 \(until.iso) 当日结束前退回,逾期视为已受理(第三十三条)。",
        ],
        .complaint(.dispatch(org: option.id), id: c.id), done: "\(c.id) 已分派")
    case .rejectReason:
      guard let reason = RejectionReason(rawValue: option.id) else { return .handled }
      var f = Form(
        title: "不予受理 \(c.id)", fields: [.area("note", "说明", max: 200, lines: 3).phrases(.refusal)])
      f.footer = ["情形: \(option.label)"]
      flow.show(f, .reject(reason))
    case .merge:
      flow.confirm(
        "合并", ["把 \(c.id) 并入主件 \(option.id)?", "并入后随主件办理;主件办结时本件一并办结,单独答复和回访。可拆分恢复。"],
        .complaint(.merge(into: option.id), id: c.id), done: "\(c.id) 已并入 \(option.id)")
    default: flow.close()
    }
    return .handled
  }

  /// The open cases a case may be merged into, read for the picker.
  mutating func pickMerge(_ c: Complaint, _ result: Result<[ComplaintRow], any Error>)
    -> Update<ComplaintEffect>
  {
    switch result {
    case .failure(let error): return .toast(.error(CLI.message(for: error)))
    case .success(let rows):
      let candidates = rows.filter { $0.caseID != c.id && $0.status.isOpen && !$0.masked }
      flow.pick(
        Picker(
          title: "把 \(c.id) 合并到主件(同一事项)",
          options: candidates.map {
            Picker.Option(id: $0.caseID, label: "\($0.caseID) \($0.subject)", keywords: $0.caseID)
          }), .merge)
      return .handled
    }
  }

  /// The 督办 form, once the case's deadline is known.
  mutating func openSupervision(_ c: Complaint, _ result: Result<SupervisionTarget?, any Error>)
    -> Update<ComplaintEffect>
  {
    switch result {
    case .failure(let error): return .toast(.error(CLI.message(for: error)))
    case .success(nil): return .toast(.error("找不到 \(c.id) 的办理期限"))
    case .success(let target?):
      flow.show(
        Self.supervisionForm(target, days: rules.value(RuleKey.supervisionReplyDays)),
        .supervise(target))
      return .handled
    }
  }
}
