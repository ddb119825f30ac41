/// The journal's vocabulary: every event type a Domain stream is written with, by feature.
///
/// A type name is part of the wire format (journals are hash-chained and synced between
/// versions, `EventWireFormatTests`): it is never renamed, and no two features may share one.
/// Listed in one place so that a change to the vocabulary is seen whole; each feature's payloads
/// and rules stay with the feature (named in the comment above its group).
extension EventType {
  // MARK: Applications/ApplicationChange.swift
  /// 登记申请
  public static let applicationRegistered: EventType = "application.registered"
  /// 核对材料
  public static let applicationMaterialsChecked: EventType = "application.materialsChecked"
  /// 网上预审通过
  public static let applicationPreReviewPassed: EventType = "application.preReviewPassed"
  /// 受理
  public static let applicationAccepted: EventType = "application.accepted"
  /// 视为受理 — not pre-reviewed in time (行政许可法 第三十二条).
  public static let applicationDeemedAccepted: EventType = "application.deemedAccepted"
  /// 一次性告知
  public static let applicationSupplementRequested: EventType =
    "application.supplementRequested"
  /// 补正收件 — the applicant came back with the materials.
  public static let applicationSupplemented: EventType = "application.supplemented"
  /// 不予受理
  public static let applicationNotAccepted: EventType = "application.notAccepted"
  /// 审查
  public static let applicationReviewStarted: EventType = "application.reviewStarted"
  /// 特别程序开始 (计时暂停)
  public static let applicationClockStopped: EventType = "application.clockStopped"
  /// 特别程序结束 (恢复计时)
  public static let applicationClockResumed: EventType = "application.clockResumed"
  /// 决定 (准予 / 不予准予)
  public static let applicationDecided: EventType = "application.decided"
  /// 办结
  public static let applicationConcluded: EventType = "application.concluded"
  /// 申请人撤回
  public static let applicationWithdrawn: EventType = "application.withdrawn"
  /// 申请人评价
  public static let applicationRated: EventType = "application.rated"
  /// 延长审批 — the decision limit extended once, with a supervisor's approval (行政许可法 第四十二条).
  public static let applicationLimitExtended: EventType = "application.limitExtended"

  // MARK: Cases/StreamFold.swift
  /// 冲突处理 — a supervisor resolved a conflict; payload names the conflicting event.
  public static let conflictResolved: EventType = "conflict.resolved"

  // MARK: Cases/Work/CaseWorkEvents.swift
  // The events of case work, the same on every kind of case's stream (`complaint/…`,
  // `application/…`, `rectification/…`): each machine folds them with `applyWork`.
  /// 备注 / 办理进展
  public static let caseNoted: EventType = "case.noted"
  /// 指派 / 认领
  public static let caseAssigned: EventType = "case.assigned"
  /// 转办 to another organisation
  public static let caseRedirected: EventType = "case.redirected"
  /// 更正 of a registration field
  public static let caseCorrected: EventType = "case.corrected"
  /// 关联 to another case
  public static let caseLinked: EventType = "case.linked"
  /// 取消关联
  public static let caseUnlinked: EventType = "case.unlinked"

  // MARK: Catalog/CatalogChange+Batch.swift
  /// 导入事项库 — a catalog import recorded as one change holding all its items, submitted for
  /// review. (The first load of a new district's empty catalog is in effect at once, each item
  /// recorded by `catalogChange.imported`.)
  public static let catalogChangeBatchRecorded: EventType = "catalogChange.batchRecorded"

  // MARK: Catalog/CatalogChangeMachine+Fold.swift
  /// 起草变更
  public static let catalogChangeDrafted: EventType = "catalogChange.drafted"
  /// 修改草稿
  public static let catalogChangeEdited: EventType = "catalogChange.edited"
  /// 提交申请
  public static let catalogChangeSubmitted: EventType = "catalogChange.submitted"
  /// 审核通过
  public static let catalogChangeApproved: EventType = "catalogChange.approved"
  /// 审核退回
  public static let catalogChangeReturned: EventType = "catalogChange.returned"
  /// 系统测试 (通过 puts the change in effect, 不通过 sends it back to the drafter)
  public static let catalogChangeTested: EventType = "catalogChange.tested"
  /// 应急处置生效 — an urgent change in effect on submission, awaiting 报备.
  public static let catalogChangeUrgentEffective: EventType = "catalogChange.urgentEffective"
  /// 报备
  public static let catalogChangeFiled: EventType = "catalogChange.filed"
  /// 撤回
  public static let catalogChangeWithdrawn: EventType = "catalogChange.withdrawn"
  /// 导入生效 — recorded by a catalog import, in effect at once.
  public static let catalogChangeImported: EventType = "catalogChange.imported"

  // MARK: Catalog/CatalogItemReducer.swift
  /// 事项新版本生效 — a change (reviewed and tested, urgent, or imported) put a version in effect.
  public static let catalogVersionEffective: EventType = "catalog.versionEffective"

  // MARK: Catalog/ListAdjustment.swift
  /// 登记清单调整
  public static let listAdjustmentRecorded: EventType = "listAdjustment.recorded"
  /// 事项已更新 — a change in effect settled one item of the adjustment.
  public static let listAdjustmentItemSettled: EventType = "listAdjustment.itemSettled"
  /// 核销 — closed by a manager: the remaining items need no catalog update (with the reason).
  public static let listAdjustmentClosed: EventType = "listAdjustment.closed"

  // MARK: Complaints/ComplaintEvents.swift
  /// 登记投诉建议
  public static let complaintRegistered: EventType = "complaint.registered"
  /// 不予受理 (第三十一条)
  public static let complaintRejected: EventType = "complaint.rejected"
  /// 分派
  public static let complaintDispatched: EventType = "complaint.dispatched"
  /// 退回 (第三十三条)
  public static let complaintReturned: EventType = "complaint.returned"
  /// 并入主件 (on the merged case, 第三十三条)
  public static let complaintMerged: EventType = "complaint.merged"
  /// 接收并入 (on the primary case)
  public static let complaintMergeAccepted: EventType = "complaint.mergeAccepted"
  /// 拆分 (on the merged case)
  public static let complaintSplit: EventType = "complaint.split"
  /// 解除并入 (on the primary case)
  public static let complaintMergeReleased: EventType = "complaint.mergeReleased"
  /// 申请延期 (第三十二条(五))
  public static let complaintExtensionRequested: EventType = "complaint.extensionRequested"
  /// 审批延期
  public static let complaintExtensionDecided: EventType = "complaint.extensionDecided"
  /// 办结 or 无效 (第三十二条(六))
  public static let complaintConcluded: EventType = "complaint.concluded"
  /// 回访 (第三十四条)
  public static let complaintCalledBack: EventType = "complaint.calledBack"
  /// 无法回访 — an anonymous complaint closed without a callback, with the reason (第三十四条
  /// calls back by phone or SMS; an anonymous complainant left neither).
  public static let complaintNotCalledBack: EventType = "complaint.notCalledBack"
  /// 查看保密内容 (第二十九条): who read a confidential case.
  public static let complaintContentViewed: EventType = "complaint.contentViewed"

  // MARK: Complaints/RuleTable.swift
  /// 修改规则参数 (district admins).
  public static let ruleSet: EventType = "rule.set"

  // MARK: Packages/PackageCase.swift
  /// 一件事登记 (第十九条) — one registration of a packaged service: the applicant, the union
  /// checklist, the member sub-cases and the one 受理通知书 naming them.
  public static let packageRegistered: EventType = "package.registered"

  // MARK: Phrases/PhraseReducer.swift
  /// 添加常用语
  public static let phraseAdded: EventType = "phrase.added"
  /// 修改常用语 (its text or its kind)
  public static let phraseEdited: EventType = "phrase.edited"
  /// 停用常用语
  public static let phraseRetired: EventType = "phrase.retired"
  /// 调整常用语顺序
  public static let phraseMoved: EventType = "phrase.moved"

  // MARK: Rectification/RatingReducer.swift
  /// 记录评价 — a rating taken at the counter or registered by hand.
  public static let ratingRecorded: EventType = "rating.recorded"
  /// 生成差评整改 — a bad rating's rectification case was opened (exactly once).
  public static let ratingRectificationOpened: EventType = "rating.rectificationOpened"
  /// 标记无效差评 — a supervisor's 复核 accepted the invalidity claim (第三十七条(二)).
  public static let ratingInvalidated: EventType = "rating.invalidated"

  // MARK: Rectification/RectificationEvents.swift
  /// 生成整改案件 — opened by a bad rating, in the same transaction.
  public static let rectificationOpened: EventType = "rectification.opened"
  /// 核实 — the reviewer was contacted and the case classified (第三十七条(一)).
  public static let rectificationVerified: EventType = "rectification.verified"
  /// 复核 — a supervisor approved or refused the invalidity claim (第三十七条(二)).
  public static let rectificationReviewed: EventType = "rectification.reviewed"
  /// 确定整改方式 — 立行立改 or 情况复杂, after a refused claim or when a simple case proves hard.
  public static let rectificationClassified: EventType = "rectification.classified"
  /// 延期 — a new deadline, with the reason told to the reviewer (第三十七条(三)).
  public static let rectificationExtended: EventType = "rectification.extended"
  /// 整改反馈 — what was changed.
  public static let rectificationFeedback: EventType = "rectification.feedback"
  /// 回访 — the supervisor called the reviewer back (第三十七条(四)).
  public static let rectificationCalledBack: EventType = "rectification.calledBack"
  /// 不回访办结 — an anonymous review closed without a callback, with the reason.
  public static let rectificationClosedWithoutCallback: EventType =
    "rectification.closedWithoutCallback"

  // MARK: Rectification/RectificationExtension.swift
  /// 申请延期 — the handler applies, with the reason told to the reviewer (第三十七条(三):
  /// 在"好差评"系统提出申请).
  public static let rectificationExtensionRequested: EventType =
    "rectification.extensionRequested"
  /// 审批延期 — a district supervisor approves (the new deadline) or refuses; until then the
  /// deadline in force stands.
  public static let rectificationExtensionDecided: EventType = "rectification.extensionDecided"

  // MARK: Registry/CalendarYearReducer.swift
  /// 导入某年节假日安排 (the State Council's annual notice), district only.
  public static let calendarYearImported: EventType = "calendar.yearImported"

  // MARK: Registry/NodeSettingReducer.swift
  /// 修改本节点设置 (a printer, a notice directory): chained under the node's local origin.
  public static let nodeSettingChanged: EventType = "nodesetting.changed"

  // MARK: Registry/OrganisationReducer.swift
  /// 单位登记或更新 (district only).
  public static let orgDefined: EventType = "org.defined"
  /// 单位更名
  public static let orgRenamed: EventType = "org.renamed"
  /// 停用单位
  public static let orgDisabled: EventType = "org.disabled"
  /// 启用单位
  public static let orgEnabled: EventType = "org.enabled"
  /// 登记统一社会信用代码
  public static let orgCreditCodeSet: EventType = "org.creditCodeSet"

  // MARK: Registry/SettingReducer.swift
  /// 修改设置
  public static let settingChanged: EventType = "setting.changed"
  /// 登记节点 (a township node enrolled by the district).
  public static let peerRegistered: EventType = "peer.registered"

  // MARK: Registry/StaffReducer.swift
  /// 添加工作人员
  public static let staffAdded: EventType = "staff.added"
  /// 调整角色
  public static let staffRolesChanged: EventType = "staff.rolesChanged"
  /// 停用账号
  public static let staffDisabled: EventType = "staff.disabled"
  /// 启用账号
  public static let staffEnabled: EventType = "staff.enabled"

  // MARK: Supervision/SpotCheck.swift
  /// 抽查: draw a sample of concluded cases (第三十条)
  public static let spotCheckDrawn: EventType = "spotcheck.drawn"
  /// 抽查结论 for one drawn case
  public static let spotCheckVerdict: EventType = "spotcheck.verdict"

  // MARK: Supervision/Supervision.swift
  /// 发出督办通知 (第三十条)
  public static let supervisionIssued: EventType = "supervision.issued"
  /// 回复督办
  public static let supervisionReplied: EventType = "supervision.replied"

  // MARK: Sync/HeldEvent.swift
  /// 未采纳 — an event from another node that the author could not have written here: kept in
  /// the journal (its chain stays whole) but left out of every fold, a conflict for a supervisor.
  public static let eventHeld: EventType = "sync.held"

  // MARK: Sync/NodeGenesis.swift
  /// 创世 — the first event of a node's local chain: who the node is and whether it is a demo or
  /// training node, fixed when the database is created.
  public static let nodeGenesis: EventType = "node.genesis"
}
