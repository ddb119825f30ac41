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
  /// Why each step is not open to the operator, as the machine answered when the case was read
  /// (`ComplaintMachine.availability`); a step missing here is open.
  var refusals: [ComplaintStep: Refusal] = [:]
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

  /// Why the operator may not take `command` on `c` today; nil when they may. A step on the case
  /// is the machine's to answer (`ComplaintMachine.availability`, read with the case); 督办 keys
  /// are the supervision's.
  func refusal(
    _ command: CaseCommand, _ c: Complaint, _ staff: Staff, _ today: CivilDate, _ cal: WorkCalendar
  ) -> Refusal? {
    if let step = ComplaintStep(rawValue: command.rawValue) {
      if step == .viewContent, c.isConfidential, detail?.content == .full {
        return Refusal("保密内容已显示")
      }
      return detail?.refusals[step]
    }
    func role(_ action: Action) -> Refusal? {
      Permission.check(
        staff, action, organisation: c.handlingOrg, organisationName: c.handlingOrgName)
    }
    switch command {
    case .supervise: return role(.issueSupervision)
    case .reply:
      if let r = role(.replySupervision) { return r }
      return detail?.supervisions.contains { $0.reply == nil } == true
        ? nil : Refusal("\(c.id) 没有待回复的督办通知")
    default: return nil
    }
  }
}
