extension EventType {
  /// 修改本节点设置 (a printer, a notice directory): chained under the node's local origin.
  public static let nodeSettingChanged: EventType = "nodesetting.changed"
}

/// 本节点设置 stream `nodesetting/KEY`: configuration of one installation that never leaves it
/// (`SyncScope.localOnlyKinds`), so a township's admin may set it although shared settings come
/// only from the district. The last value wins, in fold order.
public enum NodeSettingReducer: StreamReducer {
  public typealias State = String
  public static let streamKind = "nodesetting"

  public static func apply(_ state: String?, _ event: Event, _ context: FoldContext) -> Result<
    String, Refusal
  > {
    guard event.type == .nodeSettingChanged || event.type == .settingChanged,
      let v = try? event.decode(SettingValue.self)
    else { return .failure(Refusal("本节点设置事件内容无法解析")) }
    return .success(v.value)
  }
}
