/// Payload of `catalogChange.drafted` and `catalogChange.edited`.
public struct ChangeProposal: EventPayload {
  public var kind: ChangeKind
  public var itemCode: String
  public var baseVersion: Int?
  public var proposed: CatalogItem
  public var reason: String
  public var urgent: Bool
}

extension ChangeProposal {
  /// A change of `kind` proposing `item`: the item code is the proposed guide's own, and the
  /// version it was drafted against is `base` — none for 开通, whose item is not in effect yet.
  public init(
    _ kind: ChangeKind, proposing item: CatalogItem, base: Int?, reason: String,
    urgent: Bool = false
  ) {
    self.init(
      kind: kind, itemCode: item.code, baseVersion: kind == .open ? nil : base, proposed: item,
      reason: reason, urgent: urgent)
  }
}

/// Payload of approvals, returns, filings and withdrawals: what the person wrote.
public struct ChangeNote: EventPayload {
  public var note: String
  public init(note: String) { self.note = note }
}

/// Payload of `catalogChange.tested`.
public struct ChangeTestResult: EventPayload {
  public var passed: Bool
  public var note: String
  /// The version put in effect when passed.
  public var version: Int?
}

/// Payload of `catalogChange.urgentEffective`.
public struct ChangeVersion: EventPayload {
  public var version: Int
}

/// Payload of `catalogChange.imported`.
public struct ChangeImported: EventPayload {
  public var proposal: ChangeProposal
  /// The file's name, for the record.
  public var source: String
  public var version: Int
}

/// 变更申请 stream `catalogchange/CASE-ID`.
public enum CatalogChangeMachine: StreamReducer {
  public static let streamKind = "catalogchange"

  public static func apply(_ state: CatalogChange?, _ event: Event, _ context: FoldContext)
    -> Result<CatalogChange, Refusal>
  {
    let day = context.zone.civilDate(event.date)
    let id = String(splitStream(event.stream).id)
    do {
      var next: CatalogChange
      switch event.type {
      case .catalogChangeBatchRecorded:
        guard state == nil else { return .failure(Refusal("变更申请已存在")) }
        switch batchStarted(id, try event.decode(ChangeBatch.self), event.actor, day) {
        case .success(let started): next = started
        case .failure(let r): return .failure(r)
        }
      case .catalogChangeDrafted, .catalogChangeImported:
        guard state == nil else { return .failure(Refusal("变更申请已存在")) }
        if event.type == .catalogChangeImported {
          let body = try event.decode(ChangeImported.self)
          next = started(id, body.proposal, event.actor, day)
          next.stage = .effective
          next.importedFrom = body.source
          next.resultVersion = body.version
        } else {
          next = started(id, try event.decode(ChangeProposal.self), event.actor, day)
        }
      default:
        guard let s = state else { return .failure(Refusal("变更申请不存在")) }
        switch transition(s, event) {
        case .success(let changed): next = changed
        case .failure(let r): return .failure(r)
        }
      }
      next.updatedOn = day
      return .success(next)
    } catch {
      return .failure(Refusal("变更申请事件内容无法解析"))
    }
  }

  static func started(_ id: String, _ p: ChangeProposal, _ actor: String, _ day: CivilDate)
    -> CatalogChange
  {
    CatalogChange(id: id, proposal: p, drafter: actor, draftedOn: day)
  }

  /// Every step after the draft, with the stage it needs.
  static func transition(_ s: CatalogChange, _ event: Event) -> Result<CatalogChange, Refusal> {
    var c = s
    let reviewedOnly: Set<EventType> = [
      .catalogChangeEdited, .catalogChangeSubmitted, .catalogChangeTested,
      .catalogChangeUrgentEffective, .catalogChangeFiled,
    ]
    if s.isBatch, reviewedOnly.contains(event.type) { return .failure(batchOnlyReviewed(s)) }
    do {
      switch event.type {
      case .catalogChangeEdited:
        guard s.stage.isEditable else { return stageRefusal(s, "修改") }
        let p = try event.decode(ChangeProposal.self)
        guard p.kind == s.kind, p.itemCode == s.itemCode else {
          return .failure(Refusal("修改不能改变变更类型或事项编码"))
        }
        c.revise(with: p)
      case .catalogChangeSubmitted:
        guard s.stage.isEditable else { return stageRefusal(s, "提交") }
        c.stage = .submitted
        c.reviewer = nil
        c.reviewNote = nil
      case .catalogChangeApproved, .catalogChangeReturned:
        guard s.stage == .submitted else { return stageRefusal(s, "审核") }
        if let r = CatalogChangeMachine.selfReview(s, reviewer: event.actor) { return .failure(r) }
        c.reviewer = event.actor
        c.reviewNote = try event.decode(ChangeNote.self).note
        c.stage = event.type == .catalogChangeApproved ? .approved : .returned
        // An import has no test of its own: approved, all its items are in effect at once
        // (their versions, `ChangeBatchItem.resultVersion`, follow in the same transaction);
        // refused, none of them is.
        if s.isBatch { c.stage = c.stage == .approved ? .effective : .refused }
      case .catalogChangeTested:
        guard s.stage == .approved else { return stageRefusal(s, "记录测试结果") }
        let t = try event.decode(ChangeTestResult.self)
        c.tester = event.actor
        c.testNote = t.note
        c.stage = t.passed ? .effective : .testFailed
        c.resultVersion = t.passed ? t.version : nil
      case .catalogChangeUrgentEffective:
        guard s.stage == .submitted, s.urgent else { return stageRefusal(s, "应急生效") }
        c.stage = .awaitingFiling
        c.resultVersion = try event.decode(ChangeVersion.self).version
      case .catalogChangeFiled:
        guard s.stage == .awaitingFiling else { return stageRefusal(s, "报备") }
        c.filingNote = try event.decode(ChangeNote.self).note
        c.filedBy = event.actor
        c.stage = .effective
      case .catalogChangeWithdrawn:
        guard s.stage.isPending else { return stageRefusal(s, "撤回") }
        c.withdrawReason = try event.decode(ChangeNote.self).note
        c.stage = .withdrawn
      default:
        return .failure(Refusal("未知的变更申请事件 \(event.type)"))
      }
    } catch {
      return .failure(Refusal("变更申请事件内容无法解析"))
    }
    return .success(c)
  }

  static func stageRefusal(_ s: CatalogChange, _ what: String) -> Result<CatalogChange, Refusal> {
    .failure(Refusal("变更申请 \(s.id) 当前为「\(s.stage.title)」,不能\(what)", article: "第十二条"))
  }
}
