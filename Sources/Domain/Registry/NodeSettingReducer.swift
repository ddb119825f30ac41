/// 本节点设置 stream `nodesetting/KEY`: configuration of one installation that never leaves it
/// (`SyncScope.localOnlyKinds`), so a township's admin may set it although shared settings come
/// only from the district. The last value wins, in fold order.
public enum NodeSettingReducer: ReplacingReducer {
  public typealias State = String
  public static let streamKind = "nodesetting"
  public static let eventTypes: Set<EventType> = [.nodeSettingChanged, .settingChanged]
  public static let noun = "本节点设置"
  public static func state(_ payload: SettingValue) -> String { payload.value }
}
