import Domain
import Store

/// A case to read with the queue, and whether to show it (a registration opens its new case).
struct CaseOpen: Equatable, Sendable {
  var id: String
  var keepScroll: Bool
  var enter = false
  /// Its confidential content was shown (and recorded) in this visit: read it whole.
  var revealed = false
}

/// What to tell the clerk once a reload after a step has arrived (the screen then shows where the
/// case stands now).
enum AfterReload: Sendable {
  case nothing
  case toast(Toast)
  /// The step was done: its message.
  case performed(Toast?)
  /// The step was refused: its form back with the reason, and a note if the case moved.
  case refused(String, eventsBefore: Int?)
  case registered(String)
  /// A search (nil: cancelled) or filter was applied: how many cases it found.
  case searched(String?)
  case filtered
}

/// The pane's work outside itself: reads and steps, run by the workstation (`EffectRunner`).
enum ComplaintEffect {
  /// The rule table, names, counts and first page; and a case, when one is open.
  case reload(open: CaseOpen?, then: AfterReload)
  case readPage(PageRequest)
  case open(String)
  case perform(ComplaintWork)
  case register(ComplaintDraft)
  case readMergeCandidates(Complaint, ComplaintQueueScope, ComplaintView)
  case readSupervisionTarget(Complaint)
  case logRefusal(Action, subject: String, reason: String)
}

/// Everything a reload reads for the list.
struct ComplaintQueueData {
  var rules: RuleTable
  var organisations: [Organisation]
  var names: [String: String]
  var counts: [ComplaintView: Int]
  var rows: [ComplaintRow]
}

/// One case as the case view shows it.
struct ComplaintCaseData {
  var complaint: Complaint
  /// How much of it the operator may read (`Visibility`).
  var content: Visibility.Content
  var events: [Event]
  var supervisions: [SupervisionRow]
  /// The machine's answer for each step the operator may not take today.
  var refusals: [ComplaintStep: Refusal]
  /// 关联案件 and 同一证件号或电话的其他案件, as the case view's last section.
  var others: [DetailLine] = []
}

/// What an effect answered (errors included: they reach the status line or the form).
enum ComplaintAnswer {
  case reloaded(
    Result<ComplaintQueueData, any Error>, CaseOpen?, Result<ComplaintCaseData?, any Error>?,
    AfterReload, PageRequest)
  case page(PageRequest, Result<[ComplaintRow], any Error>)
  case opened(String, Result<ComplaintCaseData?, any Error>)
  case performed(Result<Void, any Error>)
  case registered(Result<String, any Error>)
  case mergeCandidates(Complaint, Result<[ComplaintRow], any Error>)
  case supervisionTarget(Complaint, Result<SupervisionTarget?, any Error>)
  case logged
}

extension ComplaintsPane {
  /// The only place the pane calls its service.
  func run(_ effect: ComplaintEffect, _ context: AppContext) -> ComplaintAnswer {
    let scope = scope(context)
    switch effect {
    case .reload(let open, let then):
      let first = queue.firstPage()
      let data = Result {
        ComplaintQueueData(
          rules: try service.ruleTable(), organisations: try service.organisations(),
          names: try service.staffNames(),
          counts: try service.complaintCounts(filter: queue.filter, scope: scope),
          rows: try service.complaintQueue(
            view, filter: queue.filter, scope: scope, offset: first.offset, limit: first.limit))
      }
      let opened = open.map { o in Result { try readCase(o.id, o.revealed, context) } }
      return .reloaded(data, open, opened, then, first)
    case .readPage(let request):
      return .page(
        request,
        Result {
          try service.complaintQueue(
            view, filter: queue.filter, scope: scope, offset: request.offset,
            limit: request.limit)
        })
    case .open(let id): return .opened(id, Result { try readCase(id, false, context) })
    case .perform(let work):
      return .performed(
        Result {
          switch work {
          case .complaint(let step, let id): try service.perform(step, on: id, as: context.staff)
          case .supervise(let target, let method, let requirement, let days):
            _ = try service.issueSupervision(
              on: target, method: method, requirement: requirement, replyDays: days,
              by: context.staff)
          case .reply(let id, let text):
            try service.replySupervision(id: id, reply: text, by: context.staff)
          case .caseWork(let command, let id):
            try service.performWork(command, on: id, of: ComplaintMachine.self, as: context.staff)
          }
        })
    case .register(let draft):
      return .registered(Result { try service.registerComplaint(draft, by: context.staff) })
    case .readMergeCandidates(let c, let scope, let view):
      return .mergeCandidates(
        c,
        Result {
          try service.complaintQueue(
            view, filter: ComplaintFilter(), scope: scope, offset: 0,
            limit: Self.mergeCandidateLimit)
        })
    case .readSupervisionTarget(let c):
      return .supervisionTarget(c, Result { try service.supervisionTarget(caseID: c.id) })
    case .logRefusal(let action, let subject, let reason):
      service.logRefusal(
        actor: context.staff.login, action: action, subject: subject, reason: reason)
      return .logged
    }
  }

  /// Open cases a merge may pick from (the picker filters them by typing).
  static let mergeCandidateLimit = 500

  func readCase(_ id: String, _ revealed: Bool, _ context: AppContext) throws
    -> ComplaintCaseData?
  {
    guard let visible = try service.complaint(id: id, for: context.staff, revealed: revealed)
    else { return nil }
    let today = context.zone.instant(context.today)
    var refusals: [ComplaintStep: Refusal] = [:]
    for step in ComplaintStep.allCases {
      refusals[step] = service.availability(
        step, on: visible.complaint, for: context.staff, at: today)
    }
    return ComplaintCaseData(
      complaint: visible.complaint, content: visible.content,
      events: try service.events(stream: ComplaintMachine.stream(id)),
      supervisions: try service.supervisions(caseID: id), refusals: refusals,
      others: RelatedCases.lines(service, .complaint, id, for: context.staff))
  }

  // MARK: - Answers

  mutating func start(_ context: AppContext) -> Update<ComplaintEffect> {
    lastContext = context
    guard Self.canUse(context.staff) else { return .handled }
    return .run(reloadEffect())
  }

  /// Reads the list again, and the open case with it.
  func reloadEffect(_ then: AfterReload = .nothing) -> ComplaintEffect {
    .reload(
      open: detail.map { CaseOpen(id: $0.complaint.id, keepScroll: true, revealed: $0.revealed) },
      then: then)
  }

  mutating func receive(_ answer: ComplaintAnswer, _ context: AppContext)
    -> Update<ComplaintEffect>
  {
    switch answer {
    case .reloaded(let data, let open, let opened, let then, let request):
      switch data {
      case .success(let d):
        rules = d.rules
        organisations = d.organisations
        names = d.names
        counts = d.counts
        queue.received(request, .success(d.rows))
      case .failure(let error): queue.failed(CLI.message(for: error))
      }
      if let open, let opened { show(opened, open, context) }
      return finish(then, context)
    case .page(let request, let result):
      guard let failure = queue.received(request, result) else { return .handled }
      return .toast(.error(failure))
    case .opened(let id, let result):
      show(result, CaseOpen(id: id, keepScroll: false, enter: true), context)
      return .handled
    case .performed(.success):
      // The view is recorded now: the case read again comes with its content.
      if case .complaint(.viewContent, _)? = flow.pending?.work { detail?.revealed = true }
      let done = flow.performed()
      return .run(reloadEffect(.performed(done)))
    case .performed(.failure(let error)):
      // The refusal may come from a change made elsewhere: read the case again so the screen
      // shows where it stands now, and say so.
      return .run(
        reloadEffect(.refused(CLI.message(for: error), eventsBefore: detail?.events.count)))
    case .registered(.success(let id)):
      flow.close()
      return .run(
        .reload(open: CaseOpen(id: id, keepScroll: false, enter: true), then: .registered(id)))
    case .registered(.failure(let error)):
      let message = CLI.message(for: error)
      guard case .form(let f, let purpose)? = overlay else { return .toast(.error(message)) }
      return Update(flow.refuse(f, purpose, message))
    case .mergeCandidates(let c, let result): return pickMerge(c, result)
    case .supervisionTarget(let c, let result): return openSupervision(c, result)
    case .logged: return .handled
    }
  }

  /// Puts a case read into the case view (or the reason it could not be read in the list).
  mutating func show(
    _ result: Result<ComplaintCaseData?, any Error>, _ open: CaseOpen, _ context: AppContext
  ) {
    switch result {
    case .success(let data?):
      let keep = open.keepScroll && detail?.complaint.id == open.id
      var d = CaseDetail(
        complaint: data.complaint, events: data.events, supervisions: data.supervisions,
        revealed: keep && open.revealed, content: data.content,
        view: keep ? detail?.view ?? DetailView() : DetailView(), refusals: data.refusals)
      d.view.lines = caseLines(d, context) + data.others
      detail = d
      lastContext = context
      if open.enter { mode = .detail }
    case .success(nil):
      detail = nil
      mode = .list
    case .failure(let error):
      queue.failed(CLI.message(for: error))
      detail = nil
      mode = .list
    }
  }

  /// What the clerk is told once the screen shows the case as it is now.
  mutating func finish(_ then: AfterReload, _ context: AppContext) -> Update<ComplaintEffect> {
    switch then {
    case .nothing: return .handled
    case .toast(let t): return .toast(t)
    case .performed(let done):
      return done.map { .toast($0) } ?? .handled
    case .refused(var message, let before):
      if let c = detail?.complaint, let before, detail?.events.count != before {
        message += StaleNote.text(c.status.title)
      }
      return Update(flow.performRefused(message))
    case .searched(let text):
      guard let text else { return .toast(.info("已取消搜索")) }
      return .toast(.info("搜索「\(text)」: 共\(countText(view))件"))
    case .filtered:
      return .toast(
        .info(filter.isEmpty ? "已清除筛选" : "\(filterSummary()): 共\(countText(view))件"))
    case .registered(let id):
      let due = detail?.complaint.due.map { ",办结期限 \($0.iso)" } ?? ""
      return .toast(.info("已登记 \(id)\(due)"))
    }
  }
}
