/// One item of an import (`ChangeKind.batch`): what it does to the item and against which version.
public struct ChangeBatchItem: Codable, Equatable, Sendable {
  /// 开通, 变更, 暂停, 恢复 or 终止 — never 导入.
  public var kind: ChangeKind
  public var itemCode: String
  /// The version the file was compared with (nil for 开通).
  public var baseVersion: Int?
  /// The guide as it will be once in effect.
  public var proposed: CatalogItem

  /// 导入 — what a file's `item` does to the catalog against `current`, the version in effect
  /// (第十二条): nil when the file leaves it as it is; 开通 when new; 暂停, 恢复 or 终止 when only
  /// its status differs; otherwise 变更. A terminated item takes no new version: refused, with
  /// `place` (`第3项`) naming it.
  public static func importing(_ item: CatalogItem, over current: CatalogItem?, place: String)
    throws(Refusal) -> ChangeBatchItem?
  {
    guard let current else {
      return ChangeBatchItem(kind: .open, itemCode: item.code, proposed: item.content)
    }
    if current.sameContent(as: item) { return nil }
    if current.status == .terminated {
      throw Refusal("\(place)(\(item.code))「事项状态」该事项在本节点已终止,不能再导入新版本", article: "第十二条")
    }
    var sameButStatus = current.content
    sameButStatus.status = item.status
    let statusKinds: [ItemStatus: ChangeKind] = [
      .active: .resume, .suspended: .suspend, .terminated: .terminate,
    ]
    let kind = sameButStatus == item.content ? (statusKinds[item.status] ?? .modify) : .modify
    return ChangeBatchItem(
      kind: kind, itemCode: item.code, baseVersion: current.version, proposed: item.content)
  }

  /// The version this item has once the import is in effect: versions are numbered without gaps
  /// and the approval checks that `baseVersion` is still the one in effect.
  public var resultVersion: Int { (baseVersion ?? 0) + 1 }

  /// The item as a proposal of its own, for the checks every change of one item passes.
  public func proposal(reason: String) -> ChangeProposal {
    ChangeProposal(
      kind: kind, itemCode: itemCode, baseVersion: baseVersion, proposed: proposed,
      reason: reason, urgent: false)
  }
}

/// Payload of `catalogChange.batchRecorded`.
public struct ChangeBatch: EventPayload {
  public var items: [ChangeBatchItem]
  /// The file's name, for the record.
  public var source: String
  public var reason: String

  public init(items: [ChangeBatchItem], source: String, reason: String) {
    self.items = items
    self.source = source
    self.reason = reason
  }
}

extension CatalogChange {
  /// An import of several items (`ChangeKind.batch`).
  public var isBatch: Bool { items != nil }

  /// The items the change touches: each item of an import, or its one item.
  public var touchedItems: [ChangeBatchItem] {
    items ?? [
      ChangeBatchItem(kind: kind, itemCode: itemCode, baseVersion: baseVersion, proposed: proposed)
    ]
  }

  /// The implementing organisations of the items it touches, each once, in item order.
  public var touchedOrganisations: [String] {
    var seen = Set<String>()
    return touchedItems.map(\.proposed.organisation).filter { seen.insert($0).inserted }
  }

  /// What a list shows for the items: the name of one, or `N项: 甲、乙…` for an import.
  public var itemsTitle: String {
    guard let items, items.count != 1 else { return proposed.name }
    let names = items.prefix(3).map(\.proposed.name).joined(separator: "、")
    return "\(items.count)项: \(names)\(items.count > 3 ? "等" : "")"
  }
}
