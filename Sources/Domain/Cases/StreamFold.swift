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
  /// `apply` in place, as the fold calls it: nil when `event` applied to `state`, else why not,
  /// and then `state` is exactly as it was. A reducer whose state is large implements it so the
  /// state is changed where it is instead of copied at every event (the copy shares its arrays
  /// with the state it came from, so each array the event touches is copied too).
  static func apply(to state: inout State?, _ event: Event, _ context: FoldContext) -> Refusal?
}

extension StreamReducer {
  public static func apply(to state: inout State?, _ event: Event, _ context: FoldContext)
    -> Refusal?
  {
    settle(&state, apply(state, event, context))
  }

  /// Puts a result where the fold keeps its state: nil on success, else the refusal (and
  /// `state` unchanged).
  static func settle(_ state: inout State?, _ result: Result<State, Refusal>) -> Refusal? {
    switch result {
    case .success(let next):
      state = next
      return nil
    case .failure(let refusal): return refusal
    }
  }

  /// `apply` by way of `apply(to:)`, for a reducer that implements the fold in place.
  static func applying(_ state: State?, _ event: Event, _ context: FoldContext) -> Result<
    State, Refusal
  > {
    var next = state
    if let refusal = apply(to: &next, event, context) { return .failure(refusal) }
    guard let next else { return .failure(Refusal("\(streamKind) 事件 \(event.type) 未产生状态")) }
    return .success(next)
  }

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
      if let refusal = apply(to: &state, event, context) {
        conflicts.append(Conflict(event, refusal))
      }
    }
    return (state, conflicts)
  }

  public static func stream(_ id: String) -> String { "\(streamKind)/\(id)" }
}

/// Splits `complaint/BYQ-2026-000001` into its kind and id.
public func splitStream(_ stream: String) -> (kind: Substring, id: Substring) {
  guard let slash = streamSlash(stream) else { return (Substring(stream), "") }
  return (stream[..<slash], stream[stream.index(after: slash)...])
}

/// The first `/` that is a character of its own: found by byte when its neighbours are ASCII
/// (then it cannot join them in one character, and no earlier byte was a slash), else by
/// character — the fold splits every event's stream.
private func streamSlash(_ stream: String) -> String.Index? {
  let bytes = stream.utf8
  guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
  let next = bytes.index(after: slash)
  if slash == bytes.startIndex || bytes[bytes.index(before: slash)] < 0x80,
    next == bytes.endIndex || bytes[next] < 0x80
  {
    return slash
  }
  return stream.firstIndex(of: "/")
}

/// Payload of `conflict.resolved`.
public struct ConflictResolution: EventPayload {
  public var origin: String
  public var seq: Int64
  /// What the supervisor decided, in words kept in the timeline.
  public var resolution: String
}
