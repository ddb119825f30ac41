import Domain
import Store

/// How a case read is used: shown again in place, opened from the list (saying so when it is
/// not there, or quietly after a registration), or read after a refused step to say why.
enum CaseRead: Equatable {
  case refresh
  case open(announce: Bool)
  /// The step was refused: the reason, and how many events the case had before it.
  case refused(String, eventsBefore: Int?)
}

/// What the item picker's read is for.
enum ItemRead: Equatable {
  case open
  case filter
  /// The item picked (read again: its state decides whether it may be registered).
  case pick(code: String)
}

/// The pane's work outside itself, run by the workstation (`EffectRunner`).
enum ApplicationEffect {
  /// 视为受理 written for cases past their pre-review limit (行政许可法 第三十二条), then the
  /// queue and the open case read again.
  case recordDeemed
  /// The counts and the queue from its top (as many rows as are loaded now).
  case reload
  /// The next page, when the selection reached the last row read.
  case more
  case readCase(String, CaseRead)
  case items(String, ItemRead)
  case register(RegistrationEditor)
  case perform(ApplicationCommand, caseID: String)
  case reproduce(notice: String, caseID: String)
  /// 备注、更正、认领、指派 (`CaseWorkFlow`).
  case work(CaseWorkCommand, caseID: String)
}

/// A queue read: the counts, the queue read (the pane may have moved to it), its rows.
struct ApplicationQueueRead {
  var counts: [ApplicationQueue: Int]
  var queue: ApplicationQueue
  var rows: [ApplicationRow]
  var paging: Paging
}

/// A case read, and why each step is not open to the operator now (the machine's answer).
struct ApplicationCaseRead {
  var view: ApplicationView?
  var refusals: [ApplicationStep: Refusal]
  /// The case work keys open to the operator now.
  var work: Set<String> = []
}

enum ApplicationAnswer {
  case deemed(Result<Void, any Error>)
  case reloaded(Result<ApplicationQueueRead, any Error>)
  case more(Result<([ApplicationRow], Paging), any Error>)
  case caseRead(String, CaseRead, Result<ApplicationCaseRead, any Error>)
  case items(String, ItemRead, Result<[DirectoryItem], any Error>)
  case registered(RegistrationEditor, Result<ApplicationOutcome, any Error>)
  case performed(ApplicationCommand, caseID: String, Result<ApplicationOutcome, any Error>)
  case reproduced(caseID: String, Result<NoticeDelivery, any Error>)
  case worked(caseID: String, Result<Void, any Error>)
}

extension ApplicationsPane {
  /// The only place the pane calls its service.
  func run(_ effect: ApplicationEffect, _ context: AppContext) -> ApplicationAnswer {
    let staff = context.staff
    switch effect {
    case .recordDeemed:
      return .deemed(Result { _ = try service.recordDeemedAcceptances() })
    case .reload:
      return .reloaded(Result { try readQueue(context) })
    case .more:
      return .more(
        Result {
          var p = paging
          let rows = try p.more(
            after: rows.count, selected: cursor.selected, pageReader(queue, context))
          return (rows, p)
        })
    case .readCase(let id, let use):
      return .caseRead(
        id, use,
        Result {
          let view = try service.view(caseID: id, for: staff)
          var refusals: [ApplicationStep: Refusal] = [:]
          if let a = view?.application {
            for step in ApplicationStep.allCases {
              refusals[step] = service.availability(step, on: a, for: staff, at: context.now)
            }
          }
          var read = ApplicationCaseRead(view: view, refusals: refusals)
          if let a = view?.application { read.work = openWork(a, context) }
          return read
        })
    case .items(let text, let use):
      return .items(text, use, Result { try service.searchItems(text) })
    case .register(let e):
      return .registered(e, Result { try service.register(e.input, by: staff) })
    case .perform(let command, let id):
      return .performed(
        command, caseID: id, Result { try service.perform(command, caseID: id, by: staff) })
    case .reproduce(let number, let id):
      return .reproduced(
        caseID: id, Result { try service.reproduce(notice: number, caseID: id, by: staff) })
    case .work(let command, let id):
      return .worked(
        caseID: id,
        Result {
          try service.performWork(command, on: id, of: ApplicationMachine.self, as: staff)
        })
    }
  }

  /// The counts, then the queue to show (an empty 我的 opens on 本单位 until the clerk chooses),
  /// then its first page.
  func readQueue(_ context: AppContext) throws -> ApplicationQueueRead {
    var q = queue
    if q == .all && !context.visibility.seesEveryOrganisation { q = .mine }
    let counts = try service.queueCounts(for: context.staff)
    if !queueChosen, q == .mine, counts[.mine] == 0, (counts[.organisation] ?? 0) > 0 {
      q = .organisation
    }
    var p = paging
    let rows = try p.first(keeping: rows.count, pageReader(q, context))
    return ApplicationQueueRead(counts: counts, queue: q, rows: rows, paging: p)
  }

  /// Reads a page of `queue` as it is chosen now (search, order).
  func pageReader(_ queue: ApplicationQueue, _ context: AppContext)
    -> (Int, Int) throws -> [ApplicationRow]
  {
    let (service, text, sort) = (service, search.trimmed, sort)
    return {
      try service.queue(queue, for: context.staff, search: text, sort: sort, offset: $0, limit: $1)
    }
  }

  mutating func start(_ context: AppContext) -> Update<ApplicationEffect> { .run(.recordDeemed) }

  mutating func receive(_ answer: ApplicationAnswer, _ context: AppContext)
    -> Update<ApplicationEffect>
  {
    switch answer {
    case .deemed(.success):
      // The law's own acceptances are written first; a list read without them would show
      // those cases as still awaiting acceptance.
      guard case .detail(let id) = mode, layer == .none else { return .run(.reload) }
      return .run(.reload, .readCase(id, .refresh))
    case .deemed(.failure(let error)):
      rows = []
      loadError = "未能记录逾期视为受理的办件(行政许可法第三十二条): \(CLI.message(for: error))"
      return .handled
    case .reloaded(.success(let read)):
      (counts, queue, rows, paging) = (read.counts, read.queue, read.rows, read.paging)
      loadError = nil
      cursor.clamp(count: rows.count, page: page)
      return .handled
    case .reloaded(.failure(let error)):
      rows = []
      loadError = CLI.message(for: error)
      cursor.clamp(count: rows.count, page: page)
      return .handled
    case .more(.success(let (more, p))):
      rows += more
      paging = p
      return .handled
    case .more(.failure(let error)):
      loadError = CLI.message(for: error)
      return .handled
    case .caseRead(let id, let use, let result):
      return Update(caseRead(id, use, result, context))
    case .items(let text, let use, let result):
      return Update(itemsRead(text, use, result, context))
    case .registered(let e, let result):
      return registered(e, result)
    case .performed(let command, let id, let result):
      return performed(command, id, result, context)
    case .reproduced(let id, .success(let d)):
      deliveries = [d]
      return Update(d.hasProblem ? .toast(.error(d.statusLine)) : .toast(.info(d.statusLine)))
        .then(.readCase(id, .refresh))
    case .reproduced(_, .failure(let error)):
      return .toast(.error(CLI.message(for: error)))
    case .worked(let id, let result): return worked(id, result)
    }
  }

  /// The list from its first page (another queue, order or search).
  mutating func reloadFromTop() -> Update<ApplicationEffect> {
    rows = []
    return .run(.reload)
  }

  /// The next page is read when the selection reaches the last row read.
  var needsMore: Bool {
    loadError == nil && !paging.exhausted && cursor.selected >= rows.count - 1
  }
}
