/// Payload of `catalog.versionEffective`: the whole guide of the new version.
public struct CatalogVersionEffective: EventPayload {
  /// The guide as in effect; `version` is the new version number, `effectiveOn` is left to the
  /// fold (the event's date in the deployment zone).
  public var item: CatalogItem
  public var changeID: String
  public var kind: ChangeKind
  /// 应急处置: in effect before review, awaiting 报备.
  public var urgent: Bool

}

/// 事项版本 — every version of one item, oldest first; the last is in effect.
public struct CatalogItemHistory: Codable, Equatable, Sendable {
  public var versions: [CatalogItem] = []
  /// Parallel to `versions`: the kind of change that made each one.
  public var kinds: [ChangeKind] = []

  public var current: CatalogItem? { versions.last }

  public func version(_ n: Int) -> CatalogItem? { versions.first { $0.version == n } }
}

/// 事项 stream `catalog/CODE`: the item's versions, each put in effect by a change.
public enum CatalogItemReducer: StreamReducer {
  public static let streamKind = "catalog"

  public static func apply(_ state: CatalogItemHistory?, _ event: Event, _ context: FoldContext)
    -> Result<CatalogItemHistory, Refusal>
  {
    guard event.type == .catalogVersionEffective else {
      return .failure(Refusal("未知的事项事件 \(event.type)"))
    }
    guard let body = try? event.decode(CatalogVersionEffective.self) else {
      return .failure(Refusal("事项事件内容无法解析"))
    }
    var history = state ?? CatalogItemHistory()
    let expected = (history.current?.version ?? 0) + 1
    // Versions are numbered without gaps: a second change made against a stale version (on
    // another node, say) must not silently replace the one already in effect.
    guard body.item.version == expected else {
      return .failure(Refusal("事项版本号应为第\(expected)版,事件为第\(body.item.version)版"))
    }
    guard "\(streamKind)/\(body.item.code)" == event.stream else {
      return .failure(Refusal("事项编码与事件不符"))
    }
    if let current = history.current, current.status == .terminated {
      return .failure(Refusal("事项「\(current.name)」已终止,不能再生效新版本", article: "第十二条"))
    }
    var item = body.item
    item.effectiveOn = context.zone.civilDate(event.date)
    item.changeID = body.changeID
    history.versions.append(item)
    history.kinds.append(body.kind)
    return .success(history)
  }
}
