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

/// The case view's commands: each step, and leaving.
enum CaseCommand: String, PaneCommand, CaseIterable {
  case dispatch
  case returnToDistrict = "return"
  case reject, extend, decide, conclude, invalid, callback
  case merge, split, supervise, reply, reveal
  case back, scroll

  /// The permission each step is checked against (and logged under when refused).
  var action: Action? {
    switch self {
    case .dispatch: return .dispatchComplaint
    case .returnToDistrict: return .returnComplaint
    case .reject: return .rejectComplaint
    case .extend: return .requestExtension
    case .decide: return .decideExtension
    case .conclude: return .concludeComplaint
    case .invalid: return .invalidateComplaint
    case .callback: return .callBackComplaint
    case .merge: return .mergeComplaint
    case .split: return .splitComplaint
    case .supervise: return .issueSupervision
    case .reply: return .replySupervision
    case .reveal: return .viewConfidential
    case .back, .scroll: return nil
    }
  }
}

extension ComplaintsPane {
  /// The case view's steps, each one key (shown in the key bar when the operator may take it).
  static let caseSteps: [(Key, CaseCommand, String)] = [
    (.char("d"), .dispatch, "分派"),
    (.char("r"), .returnToDistrict, "退回"),
    (.char("n"), .reject, "不予受理"),
    (.char("e"), .extend, "申请延期"),
    (.char("a"), .decide, "审批延期"),
    (.char("c"), .conclude, "办结"),
    (.char("i"), .invalid, "认定无效"),
    (.char("h"), .callback, "回访"),
    (.char("m"), .merge, "合并到主件"),
    (.char("u"), .split, "拆分"),
    (.char("s"), .supervise, "督办"),
    (.char("y"), .reply, "回复督办"),
    (.char("v"), .reveal, "查看保密内容"),
  ]

  static let caseKeys = KeymapSection(
    "案件",
    caseSteps.map { KeyBinding([$0.0], $0.1, $0.2, bar: true, needs: $0.1.action) } + [
      KeyBinding([.escape], CaseCommand.back, "返回列表", bar: true),
      KeyBinding(
        [.up, .down, .char("j"), .char("k"), .pageUp, .pageDown, .home], CaseCommand.scroll, "滚动"),
    ])

  /// The same table, with the key bar showing only the steps open to this operator now.
  var caseBindings: KeymapSection {
    guard let c = detail?.complaint, let seen = lastContext else { return Self.caseKeys }
    return Self.caseKeys.showingInBar { b in
      guard let command = b.command(as: CaseCommand.self) else { return true }
      return command == .back
        || refusal(command, c, seen.staff, seen.today, seen.calendar) == nil
    }
  }

  /// Why the operator may not take `command` on `c` today; nil when they may. The domain's own
  /// check with placeholder values answers for the rules, the permission function for the roles.
  func refusal(
    _ command: CaseCommand, _ c: Complaint, _ staff: Staff, _ today: CivilDate, _ cal: WorkCalendar
  ) -> Refusal? {
    func rule(_ change: ComplaintChange) -> Refusal? {
      ComplaintReducer.check(c, change, on: today, calendar: cal)
    }
    func role(_ action: Action) -> Refusal? {
      Permission.check(
        staff, action, organisation: c.handlingOrg, organisationName: c.handlingOrgName)
    }
    let x = "x"
    switch command {
    case .dispatch:
      return role(.dispatchComplaint)
        ?? rule(.dispatched(ComplaintDispatchBody(org: x, orgName: x, returnWindowDays: 1)))
    case .returnToDistrict: return role(.returnComplaint) ?? rule(.returned(ComplaintText(text: x)))
    case .reject:
      return role(.rejectComplaint)
        ?? rule(.rejected(ComplaintRejectionBody(reason: .notOnlineService, note: "")))
    case .extend:
      return role(.requestExtension)
        ?? rule(.extensionRequested(ExtensionRequestBody(days: 1, reason: x)))
    case .decide:
      return role(.decideExtension)
        ?? rule(.extensionDecided(ExtensionDecisionBody(approved: true, note: "")))
    case .conclude:
      return role(.concludeComplaint) ?? rule(.concluded(ConclusionBody(kind: .resolved, text: x)))
    case .invalid:
      return role(.invalidateComplaint)
        ?? rule(.concluded(ConclusionBody(kind: .invalid, text: x)))
    case .callback:
      return role(.callBackComplaint)
        ?? rule(.calledBack(CallbackBody(method: .phone, satisfaction: .satisfied, notes: x)))
    case .merge: return role(.mergeComplaint) ?? rule(.merged(into: "?"))
    case .split: return role(.splitComplaint) ?? rule(.split(from: c.mergedInto ?? "?"))
    case .supervise: return role(.issueSupervision)
    case .reply:
      if let r = role(.replySupervision) { return r }
      return detail?.supervisions.contains { $0.reply == nil } == true
        ? nil : Refusal("\(c.id) 没有待回复的督办通知")
    case .reveal:
      guard c.isConfidential else { return Refusal("\(c.id) 不涉及保密事项") }
      if detail?.content == .full { return Refusal("保密内容已显示") }
      return role(.viewConfidential)
    case .back, .scroll: return nil
    }
  }
}
