import Domain
import Store

/// What to do once the lists have been read again.
enum CatalogAfter: Sendable {
  case nothing
  case toast(Toast)
  /// Open a detail view (a draft just saved).
  case open(CatalogPane.Subject)
  /// A step was refused: say why, and whether the change on screen moved meanwhile.
  case refused(String, before: CatalogChange?)
}

/// Which way Left/Right went, or d (a version to compare with).
enum VersionUse: Sendable { case older, newer, compare }

/// What a step answered beyond "done": the change as it left it, or a new number.
enum CatalogOutcome {
  case change(CatalogChange)
  case id(String)
  case nothing
}

/// The pane's work outside itself, run by the workstation (`EffectRunner`).
enum CatalogEffect {
  /// The lists (and the detail on screen: another clerk may have moved the change on).
  case reload(then: CatalogAfter)
  /// The items for the words typed.
  case refilter(String)
  case detail(CatalogPane.Subject, keepScroll: Bool)
  case versions(code: String, for: VersionUse)
  /// F4 on an item: the item and its open change, to offer the kinds of change.
  case changeKinds(code: String)
  /// A kind of change picked: the item the editor starts from.
  case draftKind(code: String, ChangeKind)
  /// e on a draft: the version it changes, for the editor.
  case editDraft(CatalogChange)
  /// x on a list adjustment: it as it stands now.
  case closable(id: String)
  case perform(CatalogWork)
}

enum CatalogAnswer {
  case reloaded(
    Result<CatalogLists, any Error>,
    detail: (CatalogPane.Subject, Result<CatalogDetailData, any Error>)?,
    then: CatalogAfter)
  case refiltered(Result<[CatalogSummary], any Error>)
  case detail(CatalogPane.Subject, Result<CatalogDetailData, any Error>, keepScroll: Bool)
  case versions(code: String, VersionUse, Result<[CatalogVersionInfo], any Error>)
  case changeKinds(Result<(CatalogItem?, pending: String?), any Error>)
  case draftKind(code: String, ChangeKind, Result<CatalogItem?, any Error>)
  case editDraft(CatalogChange, Result<CatalogItem?, any Error>)
  case closable(id: String, Result<ListAdjustment?, any Error>)
  case performed(CatalogWork, Result<CatalogOutcome, any Error>)
}

extension CatalogPane {
  /// The only place the pane calls its service.
  func run(_ effect: CatalogEffect, _ context: AppContext) -> CatalogAnswer {
    switch effect {
    case .reload(let then):
      var detail: (Subject, Result<CatalogDetailData, any Error>)?
      if mode == .detail, let subject {
        detail = (subject, Result { try readDetail(subject, context) })
      }
      return .reloaded(Result { try readLists(query: query.trimmed) }, detail: detail, then: then)
    case .refilter(let text):
      return .refiltered(Result { try service.searchCatalogSummaries(text, limit: Self.rowLimit) })
    case .detail(let subject, let keep):
      return .detail(subject, Result { try readDetail(subject, context) }, keepScroll: keep)
    case .versions(let code, let use):
      return .versions(code: code, use, Result { try service.catalogVersions(code: code) })
    case .changeKinds(let code):
      return .changeKinds(
        Result {
          (
            try service.catalogItem(code: code),
            try service.pendingCatalogChange(itemCode: code, excluding: nil)
          )
        })
    case .draftKind(let code, let kind):
      return .draftKind(code: code, kind, Result { try service.catalogItem(code: code) })
    case .editDraft(let c):
      return .editDraft(c, Result { try service.catalogItem(code: c.itemCode) })
    case .closable(let id):
      return .closable(id: id, Result { try service.listAdjustment(id: id) })
    case .perform(let work):
      return .performed(work, Result { try perform(work, context.staff) })
    }
  }

  func perform(_ work: CatalogWork, _ staff: Staff) throws -> CatalogOutcome {
    switch work {
    case .step(let command, let id):
      return .change(try service.perform(command, on: id, as: staff).after)
    case .saveDraft(let proposal, let existing?):
      try service.perform(CatalogChangeCommand.edit(proposal), on: existing, as: staff)
      return .id(existing)
    case .saveDraft(let proposal, nil):
      return .id(try service.draftCatalogChange(proposal, by: staff))
    case .recordAdjustment(let record):
      return .id(try service.recordListAdjustment(record, by: staff))
    case .closeAdjustment(let id, let reason):
      try service.closeListAdjustment(id: id, reason: reason, by: staff)
      return .nothing
    }
  }

  mutating func start(_ context: AppContext) -> Update<CatalogEffect> {
    appContext = context
    return .run(.reload(then: .nothing))
  }

  mutating func receive(_ answer: CatalogAnswer, _ context: AppContext) -> Update<CatalogEffect> {
    switch answer {
    case .reloaded(let lists, let detail, let then):
      loaded(lists)
      if let (subject, read) = detail { showDetail(subject, read, keepScroll: true) }
      return after(then)
    case .refiltered(let result):
      refiltered(result)
      return .handled
    case .detail(let subject, let read, let keep):
      showDetail(subject, read, keepScroll: keep)
      return .handled
    case .versions(let code, let use, let result):
      return versionsRead(code, use, result)
    case .changeKinds(.success(let found)):
      return Update(chooseKind(found.0, pending: found.pending, context))
    case .draftKind(let code, _, .success(nil)):
      return .toast(.error("事项\(code)不存在"))
    case .draftKind(_, let kind, .success(let item?)):
      editor = CatalogEditor(
        kind: kind, base: item, organisations: organisations,
        defaultOrganisation: context.staff.org)
      return .handled
    case .editDraft(let c, .success(let base)):
      editor = CatalogEditor(
        kind: c.kind, base: base, change: c, organisations: organisations,
        defaultOrganisation: context.staff.org)
      return .handled
    case .changeKinds(.failure(let error)), .draftKind(_, _, .failure(let error)),
      .editDraft(_, .failure(let error)):
      return .toast(.error(CLI.message(for: error)))
    case .closable(let id, let result):
      return Update(askClose(id, result))
    case .performed(let work, .success(let outcome)):
      let message = done(work, outcome, context)
      if case .saveDraft = work, case .id(let id) = outcome { return draftSaved(id, message) }
      flow.close()
      return .run(.reload(then: .toast(.info(message))))
    case .performed(.saveDraft, .failure(let error)):
      return draftRefused(CLI.message(for: error))
    case .performed(_, .failure(let error)):
      // The refusal may come from a change made elsewhere: read again first, then say so.
      return .run(.reload(then: .refused(CLI.message(for: error), before: shownChange)))
    }
  }

  mutating func loaded(_ result: Result<CatalogLists, any Error>) {
    switch result {
    case .success(let l):
      (organisations, names, items) = (l.organisations, l.names, l.items)
      (openChangeCount, changes) = (l.openChangeCount, l.changes)
      (openAdjustmentCount, adjustments) = (l.openAdjustmentCount, l.adjustments)
      loadProblem = nil
    case .failure(let error):
      loadProblem = "读取事项库失败: \(CLI.message(for: error))"
    }
    itemCursor.clamp(count: items.count, page: 10)
    changeCursor.clamp(count: changes.count, page: 10)
    adjustmentCursor.clamp(count: adjustments.count, page: 10)
  }

  mutating func after(_ then: CatalogAfter) -> Update<CatalogEffect> {
    switch then {
    case .nothing: return .handled
    case .toast(let t): return .toast(t)
    case .open(let subject): return .run(.detail(subject, keepScroll: false))
    case .refused(var message, let before):
      if case .change? = subject, let now = shownChange, let before, now.id == before.id,
        now != before
      {
        message += StaleNote.text(now.stage.title)
      }
      return Update(flow.performRefused(message))
    }
  }
}
