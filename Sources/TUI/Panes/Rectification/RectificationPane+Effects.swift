import Domain
import Foundation
import Store

/// What to tell the clerk once the pane has been read again.
enum RectificationAfter {
  case nothing
  case toast(Toast)
  /// A step was saved: its title, and the case's state now.
  case performed(step: String, id: String)
  /// A step was refused: its form back with the reason, and a note if the case moved.
  case refused(String, before: Rectification?)
  /// A rating was registered; its case (if a bad review opened one) is selected in 待核实.
  case registered(ratingID: String, caseID: String?, level: RatingLevel, organisation: String)
}

/// The pane's work outside itself, run by the workstation (`EffectRunner`).
enum RectificationEffect {
  /// Names, counts and the first page of the view; the open case or the statistics with them.
  case reload(then: RectificationAfter)
  case readPage(PageRequest)
  /// Every case the operator may list, for 查找 (the picker searches them as the clerk types).
  case readAll
  case perform(RectificationWork)
  case register(RatingInput)
  /// Writes the statistics to a new file (never over an existing one).
  case export(path: String, StatisticsPeriod, byItem: Bool = false)
}

/// What a reload read.
struct RectificationData {
  var organisations: [Organisation]
  var staffNames: [String: String]
  var counts: [RectificationPhase: Int]
  /// How many cases 我的 lists.
  var mine: Int
  var rows: [RectificationSummary]
  /// The open case (nil inside: it is gone), when one is open.
  var opened: RectificationCase??
  var statistics: [OrganisationSatisfaction]?
  var itemStatistics: [ItemSatisfaction]?
}

/// One case as the case view shows it.
struct RectificationCase {
  var state: Rectification
  var rating: RatingRecord?
  var timeline: [Event]
  /// Why each step is not open to the operator now (`RectificationMachine.availability`);
  /// a step without an entry is open.
  var refusals: [RectificationStep: Refusal]
  /// 关联案件 and 同一证件号或电话的其他案件, as the case view's last section.
  var others: [DetailLine] = []
}

enum RectificationAnswer {
  case reloaded(Result<RectificationData, any Error>, PageRequest, RectificationAfter)
  case page(PageRequest, Result<[RectificationSummary], any Error>)
  case all(Result<[RectificationSummary], any Error>)
  case performed(Result<Void, any Error>)
  case registered(RatingInput, Result<(ratingID: String, rectificationID: String?), any Error>)
  case exported(path: String, Result<Int, any Error>, existed: Bool)
}

extension RectificationPane {
  /// Cases 查找 offers: the picker filters them as the clerk types.
  static let findLimit = 1000

  /// The only place the pane calls its service (or looks at the disk).
  func run(_ effect: RectificationEffect, _ context: AppContext) -> RectificationAnswer {
    let staff = context.staff
    switch effect {
    case .reload(let then):
      let first = queue.firstPage(keeping: true)
      return .reloaded(Result { try read(context, first) }, first, then)
    case .readPage(let request):
      return .page(
        request,
        Result { try page(staff, offset: request.offset, limit: request.limit) })
    case .readAll:
      return .all(
        Result {
          try service.rectifications(phase: nil, for: staff, offset: 0, limit: Self.findLimit)
        })
    case .perform(let work):
      return .performed(
        Result {
          if let command = work.command {
            _ = try service.perform(command, on: work.id, as: staff)
          } else if let caseWork = work.caseWork {
            _ = try service.performWork(
              caseWork, on: work.id, of: RectificationMachine.self, as: staff)
          }
        })
    case .register(let input):
      return .registered(input, Result { try service.registerRating(input, by: staff) })
    case .export(let path, let period, let byItem):
      let written = NewFileWrite.run(path) {
        byItem
          ? try service.exportSatisfactionByItem(period, for: staff, to: path)
          : try service.exportSatisfaction(period, for: staff, to: path)
      }
      return .exported(path: path, written.result, existed: written.existed)
    }
  }

  /// A page of the view's cases.
  func page(_ staff: Staff, offset: Int, limit: Int) throws -> [RectificationSummary] {
    view == .mine
      ? try service.myRectifications(for: staff, offset: offset, limit: limit)
      : try service.rectifications(phase: view.phase, for: staff, offset: offset, limit: limit)
  }

  func read(_ context: AppContext, _ first: PageRequest) throws -> RectificationData {
    var data = RectificationData(
      organisations: try service.organisations(), staffNames: try service.staffNames(),
      counts: try service.rectificationCounts(for: context.staff),
      mine: try service.myRectificationCount(for: context.staff),
      rows: try page(context.staff, offset: first.offset, limit: first.limit))
    switch mode {
    case .detail(let id):
      if let state = try service.rectification(id, for: context.staff) {
        var refusals: [RectificationStep: Refusal] = [:]
        for step in RectificationStep.allCases {
          refusals[step] = service.availability(
            step, on: state, for: context.staff, at: context.now)
        }
        data.opened = .some(
          RectificationCase(
            state: state, rating: try service.rating(state.ratingID),
            timeline: try service.rectificationTimeline(state), refusals: refusals,
            others: RelatedCases.lines(service, .rectification, id, for: context.staff)))
      } else {
        data.opened = .some(nil)
      }
    case .stats where statsByItem:
      data.itemStatistics = try service.satisfactionByItem(period, for: context.staff)
    case .stats: data.statistics = try service.satisfaction(period, for: context.staff)
    case .list: break
    }
    return data
  }

  // MARK: - Answers

  mutating func start(_ context: AppContext) -> Update<RectificationEffect> {
    .run(.reload(then: .nothing))
  }

  mutating func receive(_ answer: RectificationAnswer, _ context: AppContext)
    -> Update<RectificationEffect>
  {
    switch answer {
    case .reloaded(let result, let first, let then):
      switch result {
      case .success(let d):
        loaded(d, first, context)
        loadError = nil
      case .failure(let error):
        let message = "无法读取差评整改数据: \(CLI.message(for: error))"
        loadError = message
        return .toast(.error(message))
      }
      return finish(then, context)
    case .page(let request, let result):
      guard let failure = queue.received(request, result) else { return .handled }
      return .toast(.error(failure))
    case .all(.failure(let error)): return .toast(.error(CLI.message(for: error)))
    case .all(.success(let all)):
      let options = all.map { r in
        let org = organisationNames[r.organisation] ?? r.organisation
        return Picker.Option(
          id: r.id,
          label: "\(r.id)  \(r.phase.title)  \(org)  \(FieldText.sanitizeForDisplay(r.itemName))",
          keywords: "\(r.organisation) \(r.channel)")
      }
      flow.pick(Picker(title: "查找差评整改案件", options: options), .find)
      return .handled
    case .performed(.success):
      guard let work = flow.pending?.work else { return .handled }
      flow.close()
      return .run(.reload(then: .performed(step: work.title, id: work.id)))
    case .performed(.failure(let error)):
      // The refusal may come from a change made elsewhere: read the case again so the screen
      // shows where it stands now, and say so.
      return .run(.reload(then: .refused(CLI.message(for: error), before: current)))
    case .registered(let input, .success(let ids)):
      flow.close()
      guard let caseID = ids.rectificationID else {
        return .run(
          .reload(then: .toast(.info("已登记评价 \(ids.ratingID)(\(input.level.title))"))))
      }
      queue.filter = .verifying
      mode = .list
      return .run(
        .reload(
          then: .registered(
            ratingID: ids.ratingID, caseID: caseID, level: input.level,
            organisation: input.organisation)))
    case .registered(_, .failure(let error)):
      guard case .form(let f, let purpose)? = overlay else {
        return .toast(.error(CLI.message(for: error)))
      }
      return Update(refuse(f, purpose, CLI.message(for: error)))
    case .exported(let path, .success(let n), _):
      flow.close()
      return .toast(.info("已导出 \(n) 个\(statsByItem ? "事项" : "单位")的满意度统计: \(path)"))
    case .exported(_, .failure(let error), let existed):
      guard case .form(var f, let purpose)? = overlay else {
        return .toast(.error(CLI.message(for: error)))
      }
      if existed { f.setError("path", "文件已存在") }
      return Update(refuse(f, purpose, CLI.message(for: error)))
    }
  }

  mutating func loaded(_ d: RectificationData, _ first: PageRequest, _ context: AppContext) {
    organisationOrder = d.organisations
    organisationNames = Dictionary(
      d.organisations.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    staffNames = d.staffNames
    if !views(context).contains(view) { queue.filter = .verifying }
    counts = d.counts
    mineCount = d.mine
    // The selected case stays selected when it is still there.
    let keep = queue.selected?.id
    queue.received(first, .success(d.rows))
    queue.reselect(keep) { $0.id }
    switch d.opened {
    case .some(.some(let c)):
      current = c.state
      currentRating = c.rating
      refusals = c.refusals
      availableSteps = RectificationStep.allCases.filter { c.refusals[$0] == nil }
      availableWork = CaseWorkStep.allCases.filter {
        service.workAvailability(
          $0, on: c.state, of: RectificationMachine.self, for: context.staff, at: context.now)
          == nil
      }
      detail.lines = detailLines(c.state, c.timeline, context) + c.others
    case .some(.none):
      mode = .list
      current = nil
    case .none: break
    }
    if let s = d.statistics {
      statistics = s
      statsCursor.clamp(count: statistics.count, page: 10)
    }
    if let s = d.itemStatistics {
      itemStatistics = s
      statsCursor.clamp(count: itemStatistics.count, page: 10)
    }
  }

  mutating func finish(_ then: RectificationAfter, _ context: AppContext)
    -> Update<RectificationEffect>
  {
    switch then {
    case .nothing: return .handled
    case .toast(let t): return .toast(t)
    case .performed(let step, let id):
      return .toast(.info("\(step)已保存,案件 \(id) 现为「\(current?.stateTitle ?? "")」"))
    case .refused(var message, let before):
      if let now = current, now != before { message += StaleNote.text(now.stateTitle) }
      guard let (form, purpose) = flow.pendingForm else {
        flow.close()
        return .toast(.error(message))
      }
      flow.close()
      return Update(refuse(form, purpose, message))
    case .registered(let ratingID, let caseID, _, let organisation):
      queue.reselect(caseID) { $0.id }
      let who =
        organisation == context.staff.org
        ? "本单位" : (organisationNames[organisation] ?? organisation)
      return .toast(.info("已登记评价 \(ratingID);差评已生成整改案件 \(caseID ?? ""),待\(who)核实"))
    }
  }
}
