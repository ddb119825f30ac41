import Domain
import Foundation
import Store

/// What the 事项库 pane reads, as values: the lists, and what a detail view shows. Read only by
/// `run` (the effect side); the views are built from these without touching the service.
struct CatalogLists {
  var organisations: [Organisation]
  var names: [String: String]
  var items: [CatalogSummary]
  var openChangeCount: Int
  var changes: [CatalogChange]
  var openAdjustmentCount: Int
  var adjustments: [ListAdjustment]
}

/// An item at the version shown, what it is compared with, its versions and its open change.
struct ItemDetailData {
  var current: CatalogItem
  var item: CatalogItem
  var other: CatalogItem?
  var versions: [CatalogVersionInfo]
  var pending: CatalogChange?
}

/// A change application, the version it changes, its events, and why each step is not open to
/// the operator now (`CatalogChangeMachine.availability`; a step missing is open).
struct ChangeDetailData {
  var change: CatalogChange
  var base: CatalogItem?
  var events: [Event]
  var refusals: [CatalogChangeStep: Refusal]
  /// For an import: the version each item was compared with, by item code.
  var itemBases: [String: CatalogItem] = [:]
}

/// A list adjustment, the names of its items (nil: not yet opened), its events.
struct AdjustmentDetailData {
  var adjustment: ListAdjustment
  var itemNames: [String: String]
  var events: [Event]
}

/// What a detail read found (nil data: there is no such item, change or adjustment).
enum CatalogDetailData {
  case item(code: String, ItemDetailData?)
  case change(id: String, ChangeDetailData?)
  case adjustment(id: String, AdjustmentDetailData?)
}

extension CatalogPane {
  /// Rows fetched for the change and adjustment lists.
  static let taskListLimit = 500

  func readLists(query: String) throws -> CatalogLists {
    let openChanges = try service.catalogChanges(openOnly: true, limit: Self.taskListLimit)
    let openAdjustments = try service.listAdjustments(openOnly: true, limit: Self.taskListLimit)
    return CatalogLists(
      organisations: try service.organisations(), names: try service.staffNames(),
      items: try service.searchCatalogSummaries(query, limit: Self.rowLimit),
      openChangeCount: openChanges.count,
      changes: allChanges
        ? try service.catalogChanges(openOnly: false, limit: Self.taskListLimit) : openChanges,
      openAdjustmentCount: openAdjustments.count,
      adjustments: allAdjustments
        ? try service.listAdjustments(openOnly: false, limit: Self.taskListLimit)
        : openAdjustments)
  }

  func readDetail(_ subject: Subject, _ context: AppContext) throws -> CatalogDetailData {
    switch subject {
    case .item(let code, let shown, let compare):
      guard let current = try service.catalogItem(code: code) else { return .item(code: code, nil) }
      let item = try shown.flatMap { try service.catalogItem(code: code, version: $0) } ?? current
      let other = try compare.flatMap { try service.catalogItem(code: code, version: $0) }
      let versions = try service.catalogVersions(code: code)
      let pending = try service.pendingCatalogChange(itemCode: code, excluding: nil).flatMap {
        try service.catalogChange(id: $0)
      }
      return .item(
        code: code,
        ItemDetailData(
          current: current, item: item, other: other, versions: versions, pending: pending))
    case .change(let id):
      guard let c = try service.catalogChange(id: id) else { return .change(id: id, nil) }
      var refusals: [CatalogChangeStep: Refusal] = [:]
      for step in CatalogChangeStep.allCases {
        refusals[step] = service.availability(step, on: c, for: context.staff, at: context.now)
      }
      var data = ChangeDetailData(
        change: c,
        base: c.kind == .open
          ? nil
          : try c.baseVersion.flatMap { try service.catalogItem(code: c.itemCode, version: $0) },
        events: try service.events(stream: CatalogChangeMachine.stream(id)), refusals: refusals)
      for item in c.items ?? [] {
        data.itemBases[item.itemCode] = try item.baseVersion.flatMap {
          try service.catalogItem(code: item.itemCode, version: $0)
        }
      }
      return .change(id: id, data)
    case .adjustment(let id):
      guard let a = try service.listAdjustment(id: id) else { return .adjustment(id: id, nil) }
      var itemNames: [String: String] = [:]
      for code in a.record.items { itemNames[code] = try service.catalogItem(code: code)?.name }
      return .adjustment(
        id: id,
        AdjustmentDetailData(
          adjustment: a, itemNames: itemNames,
          events: try service.events(stream: ListAdjustmentReducer.stream(id))))
    }
  }
}
