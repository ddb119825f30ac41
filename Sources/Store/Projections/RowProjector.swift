import Domain

/// A stream projected as one row of one table, keyed by the stream's ID (`org/CODE` → the
/// `org` row of CODE): the row written from the fold, or deleted when the fold leaves nothing;
/// a stream that concerns organisations is scoped by them for sync (`StreamScope`).
protocol RowProjector: FoldingProjector {
  static var row: ProjectedRow { get }
  /// Every column of the row but its key, by name.
  func columns(_ state: Reducer.State) -> [ProjectedColumn]
  /// The organisations the stream concerns, none once deleted; nil for a registry stream,
  /// which sync sends to every node and so has no scope.
  func scope(_ state: Reducer.State?) -> Set<String>?
  /// The stream's open deadlines (`DeadlineIndex`), none once deleted; nil for a stream that
  /// never has one.
  func deadlines(_ state: Reducer.State?, _ calendar: WorkCalendar) -> [OpenDeadline]?
}

extension RowProjector {
  var tables: [String] { [Self.row.table] }

  func scope(_ state: Reducer.State?) -> Set<String>? { nil }

  func deadlines(_ state: Reducer.State?, _ calendar: WorkCalendar) -> [OpenDeadline]? { nil }

  func write(_ state: Reducer.State?, stream: String, in c: ProjectionContext) throws {
    let key = SQLValue.text(String(splitStream(stream).id))
    if let state {
      try Self.row.write(key: key, columns(state), db: c.db)
    } else {
      try Self.row.delete(key: key, db: c.db)
    }
    if let deadlines = deadlines(state, c.calendar) {
      try DeadlineIndex.replace(stream: stream, with: deadlines, in: c)
    }
    if let organisations = scope(state) {
      try StreamScope.replace(stream: stream, organisations: organisations, in: c)
    }
  }
}
