/// 变更类型 — what a change application does to an item (第十二条: 开通、变更、暂停、恢复、终止).
public enum ChangeKind: String, Codable, CaseIterable, Sendable {
  /// 开通 — a new item.
  case open
  /// 变更 — edit any element, materials included.
  case modify
  /// 暂停
  case suspend
  /// 恢复
  case resume
  /// 终止
  case terminate
  /// 导入 — a catalog import: several items, each with its own kind (`CatalogChange.items`),
  /// reviewed once and in effect all at once.
  case batch

  public var title: String {
    switch self {
    case .open: return "开通"
    case .modify: return "变更"
    case .suspend: return "暂停"
    case .resume: return "恢复"
    case .terminate: return "终止"
    case .batch: return "导入"
    }
  }

  /// The status the item has once the change is in effect (变更 keeps the current one).
  public func resultingStatus(from current: ItemStatus) -> ItemStatus {
    switch self {
    case .open, .resume: return .active
    case .modify, .batch: return current
    case .suspend: return .suspended
    case .terminate: return .terminated
    }
  }

  /// The kinds a manager may draft for an item in this status (nil = a new item).
  public static func available(for status: ItemStatus?) -> [ChangeKind] {
    switch status {
    case nil: return [.open]
    case .active?: return [.modify, .suspend, .terminate]
    case .suspended?: return [.modify, .resume, .terminate]
    case .terminated?: return []
    }
  }
}

/// 办理阶段 — where a change application stands: 提交申请 → 审核 → 系统测试 → 生效 (第十二条).
public enum ChangeStage: String, Codable, CaseIterable, Sendable {
  /// 草稿 — being drafted; only its drafter edits it.
  case draft
  /// 已退回 — the reviewer sent it back with a reason; the drafter edits and resubmits.
  case returned
  /// 测试未通过 — the system test failed; the drafter edits and resubmits.
  case testFailed
  /// 待审核
  case submitted
  /// 待测试 — approved, awaiting the system test.
  case approved
  /// 待报备 — an urgent change (应急处置) already in effect, to be filed for the record.
  case awaitingFiling
  /// 已生效
  case effective
  /// 已撤回
  case withdrawn
  /// 未通过审核 — an import the reviewer refused: nothing of it took effect, and it cannot be
  /// edited (the file is imported again, corrected, as a new change).
  case refused

  public var title: String {
    switch self {
    case .draft: return "草稿"
    case .returned: return "已退回"
    case .testFailed: return "测试未通过"
    case .submitted: return "待审核"
    case .approved: return "待测试"
    case .awaitingFiling: return "待报备"
    case .effective: return "已生效"
    case .withdrawn: return "已撤回"
    case .refused: return "未通过审核"
    }
  }

  /// The drafter may still edit, submit or withdraw it.
  public var isEditable: Bool { self == .draft || self == .returned || self == .testFailed }

  /// Not yet in effect and not abandoned: blocks another change of the same item.
  public var isPending: Bool { isEditable || self == .submitted || self == .approved }

  /// Shown in the change queue (something is still to be done).
  public var isOpen: Bool { isPending || self == .awaitingFiling }
}

/// 变更申请 — one application to open, change, suspend, resume or terminate an item.
public struct CatalogChange: Codable, Equatable, Sendable {
  public var id: String
  public var kind: ChangeKind
  public var itemCode: String
  /// The version the change was drafted against (nil for 开通).
  public var baseVersion: Int?
  /// The guide as it will be once in effect (`version` 0 until then).
  public var proposed: CatalogItem
  /// 变更说明 — why.
  public var reason: String
  /// 应急处置 — takes effect at once on submission, then must be filed (报备).
  public var urgent: Bool
  public var drafter: String
  public var stage: ChangeStage
  public var reviewer: String?
  /// The reviewer's note on approval, or the reason for returning it.
  public var reviewNote: String?
  public var tester: String?
  public var testNote: String?
  /// 报备 — the filing note of an urgent change.
  public var filingNote: String?
  public var filedBy: String?
  public var withdrawReason: String?
  /// The version this change put in effect.
  public var resultVersion: Int?
  /// Recorded by `zwfw catalog import`, with the file's name.
  public var importedFrom: String?
  /// The items of an import (`kind` 导入), nil for a change of one item. `itemCode` and
  /// `proposed` then hold the first of them, so that lists keyed by item still show one.
  public var items: [ChangeBatchItem]?
  public var draftedOn: CivilDate
  public var updatedOn: CivilDate

  /// A change as drafted: the proposal's fields, the drafter and the day.
  public init(
    id: String, proposal p: ChangeProposal, drafter: String, stage: ChangeStage = .draft,
    draftedOn: CivilDate
  ) {
    self.id = id
    self.kind = p.kind
    self.itemCode = p.itemCode
    self.baseVersion = p.baseVersion
    self.proposed = p.proposed
    self.reason = p.reason
    self.urgent = p.urgent
    self.drafter = drafter
    self.stage = stage
    self.draftedOn = draftedOn
    self.updatedOn = draftedOn
  }

  /// Takes an edit's fields (the kind and the item stay, `CatalogChangeMachine` checks).
  mutating func revise(with p: ChangeProposal) {
    baseVersion = p.baseVersion
    proposed = p.proposed
    reason = p.reason
    urgent = p.urgent
  }

  /// What the queue says is awaited, e.g. `待审核` or `待报备`.
  public var stageTitle: String {
    if stage == .effective, urgent, filingNote != nil { return "已生效(已报备)" }
    return stage.title
  }
}
