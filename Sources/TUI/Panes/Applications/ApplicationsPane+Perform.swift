import Domain
import Store

extension ApplicationsPane {
  /// 登记 — saves the walk-in; on a refusal the form stays with every value and the reason.
  mutating func registered(
    _ editor: RegistrationEditor, _ result: Result<ApplicationOutcome, any Error>
  ) -> Update<ApplicationEffect> {
    switch result {
    case .success(let outcome):
      let a = outcome.application
      layer = .none
      let open = openCase(a.caseID, announce: false)
      propose(after: a)
      return Update(.toast(.info("已登记 \(a.caseID)(\(a.status.title))")), [.reload] + open.effects)
    case .failure(let error):
      var e = editor
      let text = CLI.message(for: error)
      e.refused(text)
      layer = .registration(e)
      return .toast(.error(text))
    }
  }

  /// After a walk-in is saved, the natural next step is one key away.
  mutating func propose(after a: Application) {
    guard a.status == .awaitingAcceptance else { return }
    let missing = a.unsatisfiedRequired.count
    if missing == 0 {
      ask(
        "受理", ["材料齐全。立即受理 \(a.caseID) 并出具受理通知书?", "Esc 稍后再受理"], .perform(.accept),
        declined: "\(a.caseID) 已保存,状态为待受理,可稍后受理")
    } else {
      ask(
        "一次性告知", ["有\(missing)项必要材料缺少或有误。出具一次性告知书?", "Esc 稍后处理"],
        .openSupplement, declined: "\(a.caseID) 已保存,状态为待受理,一次性告知书尚未出具")
    }
  }

  /// Takes the step on the open case (once the workstation runs it).
  func perform(_ command: ApplicationCommand) -> Update<ApplicationEffect> {
    guard case .detail(let id) = mode else { return .handled }
    return .run(.perform(command, caseID: id))
  }

  /// The step's answer; a refusal is a toast (and the open form keeps its values and shows why).
  mutating func performed(
    _ command: ApplicationCommand, _ id: String, _ result: Result<ApplicationOutcome, any Error>,
    _ context: AppContext
  ) -> Update<ApplicationEffect> {
    let outcome: ApplicationOutcome
    switch result {
    case .success(let o): outcome = o
    case .failure(let error):
      // The refusal may come from a change made elsewhere: the case is read again first.
      let refused = CaseRead.refused(CLI.message(for: error), eventsBefore: view?.events.count)
      return .run(.readCase(id, refused), .reload)
    }
    layer = .none
    deliveries = outcome.deliveries
    let reads: [ApplicationEffect] = [.readCase(id, .refresh), .reload]
    let a = outcome.application
    // The printer's answer comes first: the status line is one line and cuts at its end.
    let printed = outcome.deliveries.compactMap(\.printing).map(\.brief)
    var text = (printed + [Self.done(command, a, context)]).joined(separator: ";")
    let problems = outcome.deliveries.flatMap(\.problems)
    for d in outcome.deliveries where d.problems.isEmpty {
      text += ";\(d.notice.kind.title)已保存 \(d.path ?? "")"
    }
    if !problems.isEmpty || outcome.deliveries.contains(where: \.hasProblem) {
      if !problems.isEmpty { text += ";" + problems.joined(separator: ";") }
      return Update(.toast(.error(text)), reads)
    }
    if case .recordSupplement = command { propose(after: a) }
    if case .conclude = command, a.rating == nil {
      ask(
        "评价", ["已办结。请申请人对本次服务作出评价?", "Esc 跳过"], .openRating,
        declined: "\(a.caseID) 已办结,未评价(可稍后补评)")
    }
    return Update(.toast(.info(text)), reads)
  }

  /// What the clerk is told after a step.
  static func done(_ command: ApplicationCommand, _ a: Application, _ context: AppContext)
    -> String
  {
    switch command {
    case .accept:
      let due = a.mainDue(context.calendar)?.iso ?? "-"
      return "已受理 \(a.caseID),办结期限 \(due)"
    case .requestSupplement: return "已出具一次性告知书,\(a.caseID)待补正"
    case .recordSupplement:
      let n = a.unsatisfiedRequired.count
      return n == 0 ? "已补正收件,材料齐全" : "已补正收件,仍有\(n)项材料缺少或有误"
    case .checkMaterials: return "材料核对已保存"
    case .refuse: return "已作出不予受理决定"
    case .passPreReview: return "网上预审通过,待受理"
    case .startReview: return "已开始审查"
    case .stopClock(let kind, _, _): return "已启动特别程序「\(kind.title)」,计时暂停"
    case .resumeClock:
      return "特别程序结束,恢复计时,办结期限 \(a.mainDue(context.calendar)?.iso ?? "-")"
    case .decide(let d, _): return "已作出决定: \(d.title)"
    case .conclude: return "已办结 \(a.caseID)"
    case .withdraw: return "已登记撤回"
    case .extendLimit(let days, _):
      return "已批准延长审批期限\(days)个工作日,办结期限 \(a.mainDue(context.calendar)?.iso ?? "-")"
    case .rate(let level, _, _):
      let opened = a.rating?.rectificationID.map { ",已转差评整改 \($0)" } ?? ""
      return "已录入评价「\(level)」\(opened)"
    }
  }
}
