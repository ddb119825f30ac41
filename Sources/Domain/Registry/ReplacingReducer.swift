/// A stream whose state is its latest event's payload: settings, rule values, peers, calendar
/// years. Each event replaces what came before, in fold order, so the last one wins.
public protocol ReplacingReducer: StreamReducer {
  associatedtype Payload: Decodable
  /// The event types that carry the state.
  static var eventTypes: Set<EventType> { get }
  /// What the stream is, as a conflict names it: `设置` in 「设置事件内容无法解析」.
  static var noun: String { get }
  /// The state a payload stands for.
  static func state(_ payload: Payload) -> State
}

extension ReplacingReducer where Payload == State {
  public static func state(_ payload: Payload) -> State { payload }
}

extension ReplacingReducer {
  public static func apply(_ state: State?, _ event: Event, _ context: FoldContext) -> Result<
    State, Refusal
  > {
    guard eventTypes.contains(event.type) else {
      return .failure(Refusal("未知的\(noun)事件 \(event.type)"))
    }
    guard let payload = try? event.decode(Payload.self) else {
      return .failure(Refusal("\(noun)事件内容无法解析"))
    }
    return .success(Self.state(payload))
  }
}
