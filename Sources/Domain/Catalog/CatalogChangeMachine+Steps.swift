/// 办理步骤 — what can be done to a change application, each with its role and its rule.
public enum CatalogChangeStep: String, CaseStep {
  public typealias Machine = CatalogChangeMachine

  case draft, edit, submit, approve, sendBack, test, file, withdraw

  public var action: Action {
    switch self {
    case .draft, .edit, .submit, .withdraw: return .draftCatalogChange
    case .approve, .sendBack: return .reviewCatalogChange
    case .test: return .testCatalogChange
    case .file: return .fileCatalogChange
    }
  }

  public var title: String {
    switch self {
    case .draft: return "起草"
    case .edit: return "修改"
    case .submit: return "提交"
    case .approve: return "审核"
    case .sendBack: return "退回"
    case .test: return "记录测试结果"
    case .file: return "报备"
    case .withdraw: return "撤回"
    }
  }
}

extension CatalogChangeMachine: CaseMachine {
  public static func missing(_ id: String) -> Refusal { Refusal("变更申请 \(id) 不存在") }

  /// Whether the context's staff may take `step` on the change now: the role first, then the
  /// node (事项库 is the district's), then the rule (only the drafter edits, submits or
  /// withdraws; nobody reviews their own; each step in its stage). The pane asks before opening
  /// a form, so a refusal comes before any typing.
  public static func availability(
    _ c: CatalogChange, _ step: CatalogChangeStep, _ context: CaseContext
  ) -> Refusal? {
    permission(step, context, organisation: nil) ?? context.districtOnly("事项库")
      ?? ownership(step, c, context) ?? ruleRefusal(step, c, actor: context.staff)
  }

  /// 事项归属 as the pane asks it: the organisations of the items the change proposes.
  static func ownership(_ step: CatalogChangeStep, _ c: CatalogChange, _ context: CaseContext)
    -> Refusal?
  {
    let kind = (try? context.lookup.organisation(context.staff.org))?.kind
    let orgs = c.touchedOrganisations
    var names: [String: String] = [:]
    for code in orgs + [context.staff.org] { names[code] = context.organisationName(code) }
    return CatalogOwnership.refusal(
      context.staff, atCentre: CatalogOwnership.isCentre(kind), organisations: orgs,
      reviewing: step == .approve || step == .sendBack, names: names)
  }

  /// The events of a step: the change's own, and when it takes effect the item's new version
  /// and the settlement of every open list adjustment waiting for the item.
  public static func decide(
    _ c: CatalogChange, _ command: CatalogChangeCommand, _ context: CaseContext
  ) -> Result<[EventDraft], Refusal> {
    Result {
      let ctx = try decisionContext(c, id: c.id, context.lookup)
      let d = try decision(c, command, actor: context.staff, ctx).get()
      return try drafts(d, id: c.id, context.lookup)
    }.mapError { $0 as? Refusal ?? Refusal("操作失败:\($0)") }
  }

  /// A decision's events in the order they are appended.
  public static func drafts(_ d: CatalogDecision, id: String, _ lookup: any CaseLookup) throws
    -> [EventDraft]
  {
    var out = d.drafts(stream: stream(id))
    for e in d.effectives {
      out.append(
        EventDraft(
          stream: CatalogItemReducer.stream(e.item.code), type: .catalogVersionEffective, body: e))
      out += try lookup.openListAdjustments(touching: e.item.code).map {
        EventDraft(
          stream: ListAdjustmentReducer.stream($0), type: .listAdjustmentItemSettled,
          body: ListAdjustmentSettlement(code: e.item.code, changeID: e.changeID))
      }
    }
    return out
  }

  /// A change application has no clock of its own.
  public static func openDeadlines(_ c: CatalogChange, _ calendar: WorkCalendar)
    -> [OpenDeadline]
  { [] }

  static func ruleRefusal(_ step: CatalogChangeStep, _ c: CatalogChange, actor: Staff) -> Refusal? {
    if c.isBatch, [.edit, .submit, .test, .file].contains(step) { return batchOnlyReviewed(c) }
    switch step {
    case .draft: return Refusal("变更申请已存在")
    case .edit, .submit:
      return drafterOnly(c, actor, step.title) ?? editable(c, step.title)
    case .approve, .sendBack:
      return c.stage == .submitted ? selfReview(c, reviewer: actor.login) : stage(c, "审核")
    case .test:
      return c.stage == .approved ? nil : stage(c, step.title)
    case .file:
      return c.stage == .awaitingFiling ? nil : stage(c, step.title)
    case .withdraw:
      return drafterOnly(c, actor, step.title) ?? (c.stage.isPending ? nil : stage(c, step.title))
    }
  }
}
