extension EventType {
  /// 修改设置
  public static let settingChanged: EventType = "setting.changed"
}

/// Payload of `setting.changed`.
public struct SettingValue: Codable, Equatable, Sendable {
  public var value: String
  public init(value: String) { self.value = value }
}

/// 设置 stream `setting/KEY`: the last value wins, in fold order.
public enum SettingReducer: StreamReducer {
  public typealias State = String
  public static let streamKind = "setting"

  public static func apply(_ state: String?, _ event: Event, _ context: FoldContext) -> Result<
    String, Refusal
  > {
    guard event.type == .settingChanged, let v = try? event.decode(SettingValue.self) else {
      return .failure(Refusal("设置事件内容无法解析"))
    }
    return .success(v.value)
  }
}

extension EventType {
  /// 登记节点 (a township node enrolled by the district).
  public static let peerRegistered: EventType = "peer.registered"
}

/// Payload of `peer.registered`.
public struct PeerNode: Codable, Equatable, Sendable {
  public var code: String
  public var name: String
  public var isDistrict: Bool
  /// 行政区划代码 of the node (9 digits for a township); omitted when nil, so registrations
  /// written before it existed keep their bytes.
  public var region: String?
  public init(code: String, name: String, isDistrict: Bool, region: String? = nil) {
    self.code = code
    self.name = name
    self.isDistrict = isDistrict
    self.region = region
  }
}

/// 节点 stream `peer/CODE`.
public enum PeerReducer: StreamReducer {
  public typealias State = PeerNode
  public static let streamKind = "peer"

  public static func apply(_ state: PeerNode?, _ event: Event, _ context: FoldContext) -> Result<
    PeerNode, Refusal
  > {
    guard event.type == .peerRegistered, let p = try? event.decode(PeerNode.self) else {
      return .failure(Refusal("节点事件内容无法解析"))
    }
    return .success(p)
  }
}
