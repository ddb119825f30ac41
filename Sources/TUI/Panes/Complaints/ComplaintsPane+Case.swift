import Domain
import Store

/// One open case in the pane.
struct CaseDetail {
  var complaint: Complaint
  var events: [Event]
  var supervisions: [SupervisionRow]
  /// Whether its confidential content has been asked for (and so recorded) in this visit.
  var revealed: Bool
  /// How much of it the store let the operator read (`Visibility`).
  var content: Visibility.Content
  var view: DetailView
}

extension ComplaintsPane {
  /// The case view's steps, each one key (shown in the key bar when the operator may take it).
  static let caseSteps: [(Key, String, String)] = [
    (.char("d"), "dispatch", "分派"),
    (.char("r"), "return", "退回"),
    (.char("n"), "reject", "不予受理"),
    (.char("e"), "extend", "申请延期"),
    (.char("a"), "decide", "审批延期"),
    (.char("c"), "conclude", "办结"),
    (.char("i"), "invalid", "认定无效"),
    (.char("h"), "callback", "回访"),
    (.char("m"), "merge", "合并到主件"),
    (.char("u"), "split", "拆分"),
    (.char("s"), "supervise", "督办"),
    (.char("y"), "reply", "回复督办"),
    (.char("v"), "reveal", "查看保密内容"),
  ]

  /// The permission each step is checked against (and logged under when refused).
  static let stepActions: [String: Action] = [
    "dispatch": .dispatchComplaint, "return": .returnComplaint, "reject": .rejectComplaint,
    "extend": .requestExtension, "decide": .decideExtension, "conclude": .concludeComplaint,
    "invalid": .invalidateComplaint, "callback": .callBackComplaint, "merge": .mergeComplaint,
    "split": .splitComplaint, "supervise": .issueSupervision, "reply": .replySupervision,
    "reveal": .viewConfidential,
  ]

  static let caseKeys = KeymapSection(
    "案件",
    caseSteps.map { KeyBinding([$0.0], $0.1, $0.2, bar: true, needs: stepActions[$0.1]) } + [
      KeyBinding([.escape], "back", "返回列表", bar: true),
      KeyBinding([.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home], "scroll", "滚动"),
    ])

  /// The same table, with the key bar showing only the steps open to this operator now.
  var caseBindings: KeymapSection {
    guard let c = detail?.complaint, let seen = lastContext else { return Self.caseKeys }
    return KeymapSection(
      Self.caseKeys.title,
      Self.caseKeys.bindings.map { b in
        let open =
          b.command == "back"
          || (b.inBar && refusal(b.command, c, seen.staff, seen.today, seen.calendar) == nil)
        return b.inBar(open && b.inBar)
      })
  }

  mutating func openCase(_ id: String, _ context: AppContext, keepScroll: Bool = false) {
    do {
      let revealed = keepScroll && detail?.complaint.id == id && (detail?.revealed ?? false)
      guard let visible = try service.complaint(id: id, for: context.staff, revealed: revealed)
      else {
        detail = nil
        mode = .list
        return
      }
      let c = visible.complaint
      let events = try service.events(stream: ComplaintMachine.stream(id))
      let sups = try service.supervisions(caseID: id)
      var view = DetailView()
      if keepScroll, let old = detail?.view, detail?.complaint.id == id { view = old }
      var d = CaseDetail(
        complaint: c, events: events, supervisions: sups, revealed: revealed,
        content: visible.content, view: view)
      d.view.lines = caseLines(d, context)
      detail = d
      lastContext = context
    } catch {
      problem = CLI.message(for: error)
      detail = nil
      mode = .list
    }
  }

  mutating func handleCase(_ key: Key, _ context: AppContext) -> PaneResponse {
    guard let d = detail else {
      mode = .list
      return .handled
    }
    guard let command = Self.caseKeys.command(for: key) else { return .ignored }
    switch command {
    case "back":
      mode = .list
      detail = nil
      reload(context)
      return .handled
    case "scroll":
      var v = d.view
      _ = v.handle(key, height: 10)
      detail?.view = v
      return .handled
    default:
      if let r = refusal(command, d.complaint, context.staff, context.today, context.calendar) {
        if let action = Self.stepActions[command] {
          service.logRefusal(
            actor: context.staff.login, action: action,
            subject: ComplaintMachine.stream(d.complaint.id), reason: r.description)
        }
        return .toast(.error(r.description))
      }
      return startStep(command, d.complaint, context)
    }
  }

  /// Why the operator may not take `command` on `c` today; nil when they may. A step on the case
  /// is the machine's to answer (`ComplaintMachine.availability`); 督办 keys are the supervision's.
  func refusal(
    _ command: String, _ c: Complaint, _ staff: Staff, _ today: CivilDate, _ cal: WorkCalendar
  ) -> Refusal? {
    if let step = ComplaintStep(rawValue: command) {
      if step == .viewContent, c.isConfidential, detail?.content == .full {
        return Refusal("保密内容已显示")
      }
      let now = (lastContext?.zone ?? .shanghai).instant(today)
      return service.availability(step, on: c, for: staff, at: now)
    }
    func role(_ action: Action) -> Refusal? {
      Permission.check(
        staff, action, organisation: c.handlingOrg, organisationName: c.handlingOrgName)
    }
    switch command {
    case "supervise": return role(.issueSupervision)
    case "reply":
      if let r = role(.replySupervision) { return r }
      return detail?.supervisions.contains { $0.reply == nil } == true
        ? nil : Refusal("\(c.id) 没有待回复的督办通知")
    default: return Refusal("未知操作")
    }
  }
}
