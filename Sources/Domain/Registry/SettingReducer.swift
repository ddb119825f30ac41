/// Payload of `setting.changed`.
public struct SettingValue: EventPayload {
  public var value: String
}

/// 设置 stream `setting/KEY`: the last value wins, in fold order.
public enum SettingReducer: ReplacingReducer {
  public typealias State = String
  public static let streamKind = "setting"
  public static let eventTypes: Set<EventType> = [.settingChanged]
  public static let noun = "设置"
  public static func state(_ payload: SettingValue) -> String { payload.value }
}

/// Payload of `peer.registered`.
public struct PeerNode: EventPayload {
  public var code: String
  public var name: String
  public var isDistrict: Bool
  /// 行政区划代码 of the node (9 digits for a township); omitted when nil, so registrations
  /// written before it existed keep their bytes.
  public var region: String?
}

/// 节点 stream `peer/CODE`.
public enum PeerReducer: ReplacingReducer {
  public typealias State = PeerNode
  public typealias Payload = PeerNode
  public static let streamKind = "peer"
  public static let eventTypes: Set<EventType> = [.peerRegistered]
  public static let noun = "节点"
}
