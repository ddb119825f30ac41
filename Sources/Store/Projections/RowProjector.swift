import Domain

/// A stream projected as one row of one table, keyed by the stream's ID (`org/CODE` → the
/// `org` row of CODE): the row written from the fold, or deleted when the fold leaves nothing.
/// A case-like stream also keeps its open deadlines (`DeadlineIndex`) and is scoped for sync by
/// the organisations it concerns (`StreamScope`); both are cleared with the row.
protocol RowProjector: FoldingProjector {
  static var row: ProjectedRow { get }
  /// Every column of the row but its key, by name.
  func columns(_ state: Reducer.State) -> [ProjectedColumn]
  /// The organisations the stream concerns; nil for a registry stream, which sync sends to
  /// every node and so has no scope.
  func scope(_ state: Reducer.State) -> Set<String>?
  /// The stream's open deadlines; nil for a stream that never has one.
  func deadlines(_ state: Reducer.State, _ calendar: WorkCalendar) -> [OpenDeadline]?
}

extension RowProjector {
  var tables: [String] { [Self.row.table] }

  func scope(_ state: Reducer.State) -> Set<String>? { nil }

  func deadlines(_ state: Reducer.State, _ calendar: WorkCalendar) -> [OpenDeadline]? { nil }

  func write(_ state: Reducer.State?, stream: String, in c: ProjectionContext) throws {
    let key = SQLValue.text(String(splitStream(stream).id))
    guard let state else {
      // A registry stream has neither: clearing finds nothing to delete.
      try Self.row.delete(key: key, db: c.db)
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    try Self.row.write(key: key, columns(state), db: c.db)
    if let deadlines = deadlines(state, c.calendar) {
      try DeadlineIndex.replace(stream: stream, with: deadlines, in: c)
    }
    if let organisations = scope(state) {
      try StreamScope.replace(stream: stream, organisations: organisations, in: c)
    }
  }
}
