import Domain
import Foundation
import Store

/// What to tell the clerk once the screen has been read again after a step.
enum SupervisionAfter {
  case nothing
  case performed(Toast)
  /// The step was refused: its form back with the reason, and a note if what it acted on moved.
  case refused(String, SupervisionWork, before: String?)
}

/// The pane's work outside itself, run by the workstation (`EffectRunner`).
enum SupervisionEffect {
  /// Everything the current view shows.
  case reload(then: SupervisionAfter)
  case readDrill(PageRequest)
  case readNotices(PageRequest)
  /// 督办 from the board: the organisation's oldest open deadline first.
  case oldestDeadline(OrganisationDeadlines)
  /// The notice's target for a deadline row (its case's own wording when the store knows it).
  case target(DeadlineRow)
  case perform(SupervisionWork)
  /// Writes the month's figures to a new file (never over an existing one).
  case export(path: String, StatisticsPeriod)
  /// Writes the month's complaint analysis to a new file.
  case exportComplaints(path: String, StatisticsPeriod, grouping: ComplaintGrouping)
  case logRefusal(Action, reason: String)
}

/// What a reload read.
struct SupervisionData {
  var rules: RuleTable
  var names: [String: String]
  var orgNames: [String: String]
  var board: [OrganisationDeadlines]
  var notices: [SupervisionRow]
  var drill: [DeadlineRow]?
  var checks: [SpotCheckRow]?
  var items: [SpotCheckItemRow]?
  var timeliness: [OrganisationTimeliness]?
  var complaints: ComplaintAnalysis?
}

enum SupervisionAnswer {
  case reloaded(Result<SupervisionData, any Error>, PageRequest, SupervisionAfter)
  case drill(PageRequest, Result<[DeadlineRow], any Error>)
  case notices(PageRequest, Result<[SupervisionRow], any Error>)
  case oldest(OrganisationDeadlines, Result<DeadlineRow?, any Error>)
  case target(DeadlineRow, Result<SupervisionTarget?, any Error>)
  /// Done; what the message adds (the notice's 文号, the spot check's number).
  case performed(SupervisionWork, Result<String?, any Error>)
  case exported(path: String, Result<Int, any Error>, existed: Bool)
  case logged
}

extension SupervisionPane {
  /// The only place the pane calls its service (or looks at the disk).
  func run(_ effect: SupervisionEffect, _ context: AppContext) -> SupervisionAnswer {
    let staff = context.staff
    switch effect {
    case .reload(let then):
      let first = PageRequest(offset: 0, limit: drill.pageSize)
      return .reloaded(Result { try read(context, drillPage: first) }, first, then)
    case .readDrill(let request):
      return .drill(
        request,
        Result {
          try service.deadlines(
            org: drill.filter, for: staff, offset: request.offset, limit: request.limit)
        })
    case .readNotices(let request):
      return .notices(
        request,
        Result {
          try service.supervisionNotices(
            org: nil, for: staff, offset: request.offset, limit: request.limit)
        })
    case .oldestDeadline(let org):
      return .oldest(
        org, Result { try service.deadlines(org: org.org, for: staff, offset: 0, limit: 1).first })
    case .target(let row):
      return .target(row, Result { try service.supervisionTarget(caseID: row.caseID) })
    case .perform(let work):
      return .performed(
        work,
        Result {
          switch work {
          case .supervise(let t, let method, let requirement, let days):
            let id = try service.issueSupervision(
              on: t, method: method, requirement: requirement, replyDays: days, by: staff)
            // The 文号 the list and the paper show, not the stream's id (BYQ-DB-2026-0003).
            return try service.supervisionNumber(id: id) ?? id
          case .reply(let id, let text):
            try service.replySupervision(id: id, reply: text, by: staff)
            return nil
          case .draw(let from, let to, let size, let seed):
            return try service.drawSpotCheck(from: from, to: to, size: size, seed: seed, by: staff)
          case .verdict(let id, let caseID, let verdict, let note):
            try service.recordSpotCheckVerdict(
              id: id, caseID: caseID, verdict: verdict, note: note, by: staff)
            return nil
          }
        })
    case .export(let path, let period):
      let written = NewFileWrite.run(path) {
        try service.exportTimeliness(period, today: context.today, for: staff, to: path)
      }
      return .exported(path: path, written.result, existed: written.existed)
    case .exportComplaints(let path, let period, let grouping):
      let written = NewFileWrite.run(path) {
        try service.exportComplaintAnalysis(period, by: grouping, for: staff, to: path)
      }
      return .exported(path: path, written.result, existed: written.existed)
    case .logRefusal(let action, let reason):
      service.logRefusal(actor: staff.login, action: action, subject: nil, reason: reason)
      return .logged
    }
  }

  func read(_ context: AppContext, drillPage: PageRequest) throws -> SupervisionData {
    let soon = Countdown.soonUntil(context.today, context.calendar)
    var data = SupervisionData(
      rules: try service.ruleTable(), names: try service.staffNames(),
      orgNames: try service.organisationNames(),
      board: try service.deadlineOverview(
        today: context.today, soonUntil: soon, for: context.staff),
      notices: try service.supervisionNotices(
        org: nil, for: context.staff, offset: 0, limit: noticeQueue.firstPage().limit))
    switch mode {
    case .drill(let org):
      data.drill = try service.deadlines(
        org: org, for: context.staff, offset: drillPage.offset, limit: drillPage.limit)
    case .spotChecks, .spotItems:
      data.checks = try service.spotChecks(limit: Self.checkListLimit)
      if case .spotItems(let id) = mode { data.items = try service.spotCheckItems(id: id) }
    case .timeliness:
      data.timeliness = try service.timeliness(
        timelinessPeriod, today: context.today, for: context.staff)
    case .complaints:
      data.complaints = try service.complaintAnalysis(
        complaintPeriod, by: complaintGrouping, for: context.staff)
    default: break
    }
    return data
  }

  // MARK: - Answers

  mutating func start(_ context: AppContext) -> Update<SupervisionEffect> {
    if timelinessMonth.dayNumber == 0 { timelinessMonth = context.today.firstOfMonth }
    lastContext = context
    return .run(.reload(then: .nothing))
  }

  mutating func receive(_ answer: SupervisionAnswer, _ context: AppContext)
    -> Update<SupervisionEffect>
  {
    switch answer {
    case .reloaded(let result, let drillPage, let then):
      loaded(result, drillPage, context)
      return finish(then)
    case .drill(let request, let result):
      guard let failure = drill.received(request, result) else { return .handled }
      return .toast(.error(failure))
    case .notices(let request, let result):
      guard let failure = noticeQueue.received(request, result) else { return .handled }
      return .toast(.error(failure))
    case .oldest(let org, .success(nil)):
      return .toast(.error("\(org.name)没有在办的期限"))
    case .oldest(_, .success(let row?)): return .run(.target(row))
    case .target(let row, .success(let found)):
      let target =
        found
        ?? row.supervisionTarget(orgName: board.first { $0.org == row.org }?.name ?? row.org)
      flow.show(
        ComplaintsPane.supervisionForm(target, days: rules.value(RuleKey.supervisionReplyDays)),
        .supervise(target))
      return .handled
    case .oldest(_, .failure(let error)), .target(_, .failure(let error)):
      return .toast(.error(CLI.message(for: error)))
    case .performed(let work, .success(let extra)):
      var done = flow.pending?.done ?? ""
      if let extra { done += " \(extra)" }
      flow.close()
      if case .draw = work, let id = extra {
        mode = .spotItems(id: id)
        itemCursor = ListCursor()
      }
      return .run(.reload(then: .performed(.info(done))))
    case .performed(let work, .failure(let error)):
      // The refusal may come from a change made elsewhere (the notice answered, the sample
      // judged in another window): read again so the screen shows where it stands now, and say so.
      return .run(
        .reload(then: .refused(CLI.message(for: error), work, before: stateShown(work))))
    case .exported(let path, .success(let n), _):
      flow.close()
      let what = mode == .complaints ? "件投诉建议的分析" : "个单位的按时办结统计"
      return .toast(.info("已导出 \(n) \(what): \(path)"))
    case .exported(_, .failure(let error), let existed):
      guard case .form(let f, let purpose)? = overlay else {
        return .toast(.error(CLI.message(for: error)))
      }
      return Update(
        flow.refuse(f, purpose, CLI.message(for: error), field: existed ? "path" : nil))
    case .logged: return .handled
    }
  }

  mutating func loaded(
    _ result: Result<SupervisionData, any Error>, _ drillPage: PageRequest, _ context: AppContext
  ) {
    lastContext = context
    switch result {
    case .success(let d):
      rules = d.rules
      names = d.names
      orgNames = d.orgNames
      boardAsRead = d.board
      board = Self.sorted(boardAsRead, by: sort)
      noticeQueue.received(noticeQueue.firstPage(), .success(d.notices))
      if let rows = d.drill { drill.received(drillPage, .success(rows)) }
      if let c = d.checks { checks = c }
      if let i = d.items { items = i }
      if let t = d.timeliness {
        timelinessRows = t
        timelinessCursor.clamp(count: timelinessRows.count, page: 10)
      }
      if let a = d.complaints { complaintAnalysis = a }
      if case .notice(let id) = mode { openNotice(id, context) }
      problem = nil
    case .failure(let error):
      problem = CLI.message(for: error)
    }
    boardCursor.clamp(count: board.count, page: 10)
  }

  mutating func finish(_ then: SupervisionAfter) -> Update<SupervisionEffect> {
    switch then {
    case .nothing: return .handled
    case .performed(let t): return .toast(t)
    case .refused(var message, let work, let before):
      if let now = stateShown(work), now != before { message += StaleNote.text(now) }
      return Update(flow.performRefused(message))
    }
  }

  /// The state of what a step acts on, as this screen last read it (nil: nothing to compare).
  func stateShown(_ work: SupervisionWork) -> String? {
    switch work {
    case .reply(let id, _):
      return notices.first { $0.id == id }.map { $0.reply == nil ? "待回复" : "已回复" }
    case .verdict(_, let caseID, _, _):
      return items.first { $0.caseID == caseID }.map { $0.verdict?.title ?? "未检查" }
    case .supervise, .draw:
      return nil
    }
  }
}
