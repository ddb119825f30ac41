/// A stream whose state is its latest event's payload: settings, rule values, peers, calendar
/// years. Each event replaces what came before, in fold order, so the last one wins.
public protocol ReplacingReducer: RecordReducer {
  associatedtype Payload: Decodable
  /// The event types that carry the state.
  static var eventTypes: Set<EventType> { get }
  /// The state a payload stands for.
  static func state(_ payload: Payload) -> State
}

extension ReplacingReducer where Payload == State {
  public static func state(_ payload: Payload) -> State { payload }
}

extension ReplacingReducer {
  public static func next(_ state: State?, _ event: Event, _ context: FoldContext) throws -> State?
  {
    guard eventTypes.contains(event.type) else { return nil }
    return Self.state(try event.decode(Payload.self))
  }
}
