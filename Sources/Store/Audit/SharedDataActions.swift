import Domain

extension Action {
  /// 事项版本生效 — a catalog version takes effect as the consequence of an approval (审核), an
  /// urgent change (应急变更) or the first load of an empty catalog: whoever may take one of those.
  public static let publishCatalogVersion = Action(
    "catalog.publish", "使事项版本生效", roles: [.catalog, .supervisor, .admin])
}

/// 共享数据的操作权限 — what the actor of each event of shared data (`SyncScope.districtOnlyKinds`)
/// must have held when it was written: the action of the command that writes it. `audit verify`
/// asks this of every such event, as it asks the step's action of every case event.
enum SharedDataActions {
  static func action(for type: EventType) -> Action? {
    switch type {
    case .orgDefined, .orgRenamed, .orgDisabled, .orgEnabled: .manageOrganisations
    case .staffAdded, .staffRolesChanged, .staffDisabled, .staffEnabled: .manageStaff
    case .calendarYearImported: .importCalendar
    case .settingChanged: ApplicationActions.configurePreReview
    case .peerRegistered: .enrolNode
    case .ruleSet: .setRule
    case .catalogVersionEffective: .publishCatalogVersion
    case .catalogChangeDrafted, .catalogChangeEdited, .catalogChangeSubmitted,
      .catalogChangeWithdrawn, .catalogChangeUrgentEffective:
      .draftCatalogChange
    case .catalogChangeApproved, .catalogChangeReturned: .reviewCatalogChange
    case .catalogChangeTested: .testCatalogChange
    case .catalogChangeFiled: .fileCatalogChange
    case .catalogChangeImported, .catalogChangeBatchRecorded: .importCatalog
    case .listAdjustmentRecorded, .listAdjustmentItemSettled, .listAdjustmentClosed:
      .recordListAdjustment
    default: nil
    }
  }
}
