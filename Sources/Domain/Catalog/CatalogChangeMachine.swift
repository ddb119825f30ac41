import Foundation

extension Action {
  /// 起草、修改、提交、撤回事项变更 — catalog managers of the district.
  public static let draftCatalogChange = Action("catalog.draft", "起草事项变更", roles: [.catalog])
  /// 审核 — another catalog manager or a supervisor (nobody reviews their own).
  public static let reviewCatalogChange = Action(
    "catalog.review", "审核事项变更", roles: [.catalog, .supervisor])
  /// 系统测试 — recorded by a catalog manager or the node's administrator.
  public static let testCatalogChange = Action(
    "catalog.test", "记录系统测试", roles: [.catalog, .admin])
  /// 报备 — filing an urgent change for the record.
  public static let fileCatalogChange = Action(
    "catalog.file", "报备应急变更", roles: [.catalog, .supervisor])
}

/// A step of a change application, as a catalog manager or reviewer asks for it.
public enum CatalogChangeCommand: CaseCommand, Equatable {
  public typealias Machine = CatalogChangeMachine

  case draft(ChangeProposal)
  case edit(ChangeProposal)
  case submit
  case approve(note: String)
  /// 退回 with the reason the drafter reads.
  case sendBack(reason: String)
  case recordTest(passed: Bool, note: String)
  case file(note: String)
  case withdraw(reason: String)

  public var step: CatalogChangeStep {
    switch self {
    case .draft: return .draft
    case .edit: return .edit
    case .submit: return .submit
    case .approve: return .approve
    case .sendBack: return .sendBack
    case .recordTest: return .test
    case .file: return .file
    case .withdraw: return .withdraw
    }
  }
}

/// What a rule consults besides the change itself.
public struct CatalogDecisionContext: Sendable {
  /// The item's versions (nil when the code is not in the catalog).
  public var history: CatalogItemHistory?
  /// Existing organisation codes (实施主体 must be one).
  public var organisations: Set<String>
  /// Another change of the same item not yet in effect, if any.
  public var pendingChange: String?
  /// For an import (`ChangeKind.batch`): each item's own context, by item code.
  public var items: [String: CatalogDecisionContext] = [:]
  /// The organisations of the centre (`CatalogOwnership`): their catalog managers change every
  /// item, the others only their own organisation's.
  public var centre: Set<String> = []
  /// Organisation names, for messages.
  public var organisationNames: [String: String] = [:]

  public init(history: CatalogItemHistory?, organisations: Set<String>, pendingChange: String?) {
    self.history = history
    self.organisations = organisations
    self.pendingChange = pendingChange
  }
}

/// The outcome of a step: events of the change stream, and the version it puts in effect.
public struct CatalogDecision: Sendable {
  public var events: [(type: EventType, payload: String)]
  public var effective: CatalogVersionEffective?
  /// The versions an import puts in effect, all at once.
  public var batch: [CatalogVersionEffective] = []

  /// Every version the step puts in effect.
  public var effectives: [CatalogVersionEffective] { (effective.map { [$0] } ?? []) + batch }

  public func drafts(stream: String) -> [EventDraft] {
    events.map { EventDraft(stream: stream, type: $0.type, payload: $0.payload) }
  }
}

/// 事项变更规则 (第十二条): 提交申请 → 审核 → 系统测试 → 生效, or 应急处置 then 报备.
extension CatalogChangeMachine {
  /// 不能审核自己起草的 — the four-eyes rule of 审核.
  public static func selfReview(_ c: CatalogChange, reviewer: String) -> Refusal? {
    reviewer == c.drafter ? Refusal("不能审核自己起草的变更申请,请另一名事项管理员或督办人员审核", article: "第十二条") : nil
  }

  /// The events of `command` on `state` (nil: a new change) and the version it puts in effect.
  public static func decision(
    _ state: CatalogChange?, _ command: CatalogChangeCommand, actor: Staff,
    _ ctx: CatalogDecisionContext
  ) -> Result<CatalogDecision, Refusal> {
    func one(_ type: EventType, _ body: some Encodable) -> CatalogDecision {
      CatalogDecision(events: [(type, CanonicalJSON.encode(body))], effective: nil)
    }
    if let r = ownershipRefusal(state, command, actor: actor, ctx) { return .failure(r) }
    if case .draft(let p) = command {
      guard state == nil else { return .failure(Refusal("变更申请已存在")) }
      if let r = checkProposal(p, ctx) { return .failure(r) }
      return .success(one(.catalogChangeDrafted, p))
    }
    guard let c = state else { return .failure(Refusal("变更申请不存在")) }
    switch command {
    case .draft: return .failure(Refusal("变更申请已存在"))
    case .edit(let p):
      if let r = ruleRefusal(.edit, c, actor: actor) ?? checkProposal(p, ctx) {
        return .failure(r)
      }
      return .success(one(.catalogChangeEdited, p))
    case .submit:
      if let r = ruleRefusal(.submit, c, actor: actor) { return .failure(r) }
      if let r = checkProposal(proposal(of: c), ctx) { return .failure(r) }
      var d = one(.catalogChangeSubmitted, NoPayload())
      if c.urgent {
        // > 特殊情况应当采取应急处置措施,并向同级政务服务管理部门报备。
        let e = effective(c, ctx)
        d.events.append(
          (
            .catalogChangeUrgentEffective,
            CanonicalJSON.encode(ChangeVersion(version: e.item.version))
          )
        )
        d.effective = e
      }
      return .success(d)
    case .approve(let text), .sendBack(let text):
      if let r = ruleRefusal(.approve, c, actor: actor) { return .failure(r) }
      let isReturn = { if case .sendBack = command { return true } else { return false } }()
      if let r = checkNote(text, isReturn ? "退回原因" : "审核意见", required: isReturn) {
        return .failure(r)
      }
      var d = one(
        isReturn ? .catalogChangeReturned : .catalogChangeApproved, ChangeNote(note: trim(text)))
      if c.isBatch, !isReturn {
        // 导入: approved, every item is in effect at once — or, one item no longer fitting
        // (edited meanwhile), none of them, and the reviewer reads which.
        switch batchEffective(id: c.id, c.touchedItems, reason: c.reason, ctx) {
        case .success(let versions): d.batch = versions
        case .failure(let r): return .failure(r)
        }
      }
      return .success(d)
    case .recordTest(let passed, let testNote):
      if let r = ruleRefusal(.test, c, actor: actor) { return .failure(r) }
      if let r = checkNote(testNote, "测试说明", required: true) { return .failure(r) }
      guard passed else {
        return .success(
          one(
            .catalogChangeTested,
            ChangeTestResult(passed: false, note: trim(testNote), version: nil))
        )
      }
      if let r = checkProposal(proposal(of: c), ctx) { return .failure(r) }
      let e = effective(c, ctx)
      var d = one(
        .catalogChangeTested,
        ChangeTestResult(passed: true, note: trim(testNote), version: e.item.version))
      d.effective = e
      return .success(d)
    case .file(let filing):
      if let r = ruleRefusal(.file, c, actor: actor) { return .failure(r) }
      if let r = checkNote(filing, "报备说明", required: true) { return .failure(r) }
      return .success(one(.catalogChangeFiled, ChangeNote(note: trim(filing))))
    case .withdraw(let reason):
      if let r = ruleRefusal(.withdraw, c, actor: actor) { return .failure(r) }
      if let r = checkNote(reason, "撤回原因", required: true) { return .failure(r) }
      return .success(one(.catalogChangeWithdrawn, ChangeNote(note: trim(reason))))
    }
  }

  /// The new version a change puts in effect: its guide, numbered after the current version.
  static func effective(_ c: CatalogChange, _ ctx: CatalogDecisionContext)
    -> CatalogVersionEffective
  {
    var item = c.proposed.content
    item.version = (ctx.history?.current?.version ?? 0) + 1
    return CatalogVersionEffective(item: item, changeID: c.id, kind: c.kind, urgent: c.urgent)
  }

  static func proposal(of c: CatalogChange) -> ChangeProposal {
    ChangeProposal(
      kind: c.kind, itemCode: c.itemCode, baseVersion: c.baseVersion, proposed: c.proposed,
      reason: c.reason, urgent: c.urgent)
  }

  static func trim(_ s: String) -> String { s.trimmingSpacesAndNewlines() }

  static func drafterOnly(_ c: CatalogChange, _ actor: Staff, _ what: String) -> Refusal? {
    actor.login == c.drafter ? nil : Refusal("只有起草人可以\(what)变更申请 \(c.id)")
  }

  static func editable(_ c: CatalogChange, _ what: String) -> Refusal? {
    c.stage.isEditable ? nil : stage(c, what)
  }

  static func stage(_ c: CatalogChange, _ what: String) -> Refusal {
    Refusal("变更申请 \(c.id) 当前为「\(c.stage.title)」,不能\(what)", article: "第十二条")
  }

  static func checkNote(_ text: String, _ field: String, required: Bool) -> Refusal? {
    FieldText.check(text, field: field, required: required, maxLength: 500, multiline: true).map {
      Refusal($0.message)
    }
  }
}
