/// What a reducer may consult besides the events themselves.
public struct FoldContext: Sendable {
  public let calendar: WorkCalendar
  public let zone: DeploymentZone
  /// Remembered folds of this calendar, if the caller keeps them (a store does).
  public let cache: FoldCache?

  public init(calendar: WorkCalendar, zone: DeploymentZone = .shanghai, cache: FoldCache? = nil) {
    self.calendar = calendar
    self.zone = zone
    self.cache = cache
  }
}

/// 冲突 — an event that is not valid in the state it lands in (say a return made offline after the
/// other side concluded). It stays in the journal and the timeline; the state ignores it and a
/// supervisor sees the conflict until it is resolved.
public struct Conflict: Error, Codable, Equatable, Sendable {
  public let origin: String
  public let seq: Int64
  public let message: String
}

extension Conflict {
  public init(_ event: Event, _ refusal: Refusal) {
    self.init(origin: event.origin, seq: event.seq, message: refusal.message)
  }
}

/// A state machine over one stream: `apply` is total so a fold never stops on a bad event.
public protocol StreamReducer {
  associatedtype State: Sendable, Equatable, Codable
  /// `complaint` of `complaint/BYQ-2026-000001`.
  static var streamKind: String { get }
  /// The next state, or why this event cannot apply here (the caller records a conflict).
  static func apply(_ state: State?, _ event: Event, _ context: FoldContext) -> Result<
    State, Refusal
  >
}

extension StreamReducer {
  /// Folds events already in fold order (timestamp, origin, seq), through the context's cache
  /// when it has one.
  public static func fold(_ events: [Event], _ context: FoldContext) -> (
    state: State?, conflicts: [Conflict]
  ) {
    if let cache = context.cache { return cache.fold(Self.self, events, context) }
    return foldFromStart(events, context)
  }

  /// Folds every event from no state, consulting no cache.
  public static func foldFromStart(_ events: [Event], _ context: FoldContext) -> (
    state: State?, conflicts: [Conflict]
  ) {
    fold(events[...], from: nil, [], context)
  }

  /// Applies `events` to a state already folded (with the conflicts found so far).
  static func fold(
    _ events: ArraySlice<Event>, from start: State?, _ found: [Conflict], _ context: FoldContext
  ) -> (state: State?, conflicts: [Conflict]) {
    var state = start
    var conflicts = found
    for event in events where event.type != .conflictResolved {
      switch apply(state, event, context) {
      case .success(let next): state = next
      case .failure(let refusal): conflicts.append(Conflict(event, refusal))
      }
    }
    return (state, conflicts)
  }

  public static func stream(_ id: String) -> String { "\(streamKind)/\(id)" }
}

/// Splits `complaint/BYQ-2026-000001` into its kind and id.
public func splitStream(_ stream: String) -> (kind: Substring, id: Substring) {
  guard let slash = stream.firstIndex(of: "/") else { return (Substring(stream), "") }
  return (stream[..<slash], stream[stream.index(after: slash)...])
}

/// Payload of `conflict.resolved`.
public struct ConflictResolution: EventPayload {
  public var origin: String
  public var seq: Int64
  /// What the supervisor decided, in words kept in the timeline.
  public var resolution: String
}
