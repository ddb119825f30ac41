import Domain
import Foundation

/// What a projector works with: the connection, the fold context and this node.
public struct ProjectionContext {
  public let db: Connection
  public let fold: FoldContext
  public let node: NodeIdentity

  public var calendar: WorkCalendar { fold.calendar }
}

/// Keeps the tables of one family of streams equal to the fold of their events.
///
/// `project` replaces whatever rows the stream had: projections are caches, so applying a local
/// event, importing a bundle and `zwfw rebuild` all take this one path.
public protocol Projector: Sendable {
  /// `staff` for streams `staff/…`.
  var streamKind: String { get }
  /// Tables (or table subsets) this projector fills, cleared before a rebuild.
  var tables: [String] { get }
  /// Rewrites the stream's rows from its events (already in fold order); returns conflicts.
  func project(stream: String, events: [Event], in context: ProjectionContext) throws -> [Conflict]
  /// Folds the stream's events without touching the database, for writing later on the
  /// connection's thread (a rebuild folds ahead on a second thread: `RefoldPipeline`); nil for
  /// a projector that folds as it writes (`project` then does both).
  func fold(stream: String, events: [Event], in context: FoldContext) -> FoldedRows?
  /// A stored fold of one of this projector's streams (JSON of its reducer's `State?`) as the
  /// fold cache remembers it; nil when it does not decode or the projector keeps no one state.
  func decodeState(_ json: Data) -> Any?
}

extension Projector {
  public func decodeState(_ json: Data) -> Any? { nil }

  public func fold(stream: String, events: [Event], in context: FoldContext) -> FoldedRows? {
    nil
  }
}

/// A stream folded and not yet written (`Projector.fold`): its conflicts, and what writes its
/// rows from the folded state.
public struct FoldedRows: Sendable {
  public let conflicts: [Conflict]
  /// Writes the stream's rows, as `project` would after the same fold.
  let write: @Sendable (ProjectionContext) throws -> Void
}

extension StreamReducer {
  /// A stored `State?` (JSON), boxed as the fold cache remembers it; nil if it does not decode.
  static func decodeState(_ json: Data) -> Any? {
    guard let state = try? JSONDecoder().decode(State?.self, from: json) else { return nil }
    return state as Any
  }
}

/// Every projector this build knows. Each feature adds its line.
public enum Projectors {
  public static let all: [any Projector] = [
    OrganisationProjector(),
    StaffProjector(),
    CalendarProjector(),
    SettingProjector(), NodeSettingProjector(),
    PeerProjector(),
    CatalogItemProjector(), CatalogChangeProjector(), ListAdjustmentProjector(),
    ApplicationProjector(), PackageProjector(),
    RatingProjector(), RectificationProjector(),
    RuleProjector(), ComplaintProjector(), SupervisionProjector(), SpotCheckProjector(),
    PhraseProjector(),
  ]
}

/// A reducer-backed projector for streams whose state is one value: fold, then write the value.
protocol FoldingProjector: Projector {
  associatedtype Reducer: StreamReducer
  func write(_ state: Reducer.State?, stream: String, in context: ProjectionContext) throws
}

extension FoldingProjector {
  public var streamKind: String { Reducer.streamKind }

  public func decodeState(_ json: Data) -> Any? { Reducer.decodeState(json) }

  public func project(stream: String, events: [Event], in context: ProjectionContext) throws
    -> [Conflict]
  {
    let (state, conflicts) = Reducer.fold(events, context.fold)
    try write(state, stream: stream, in: context)
    return conflicts
  }

  public func fold(stream: String, events: [Event], in context: FoldContext) -> FoldedRows? {
    let (state, conflicts) = Reducer.fold(events, context)
    return FoldedRows(conflicts: conflicts) { try write(state, stream: stream, in: $0) }
  }
}
