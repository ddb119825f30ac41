import Domain

/// 期限索引 — keeps the `deadline` table equal to the open deadlines a stream's fold reports.
/// Every countdown, the 督办 pane, the statistics and the benchmarks read that one table.
public enum DeadlineIndex {
  /// Replaces the stream's rows; call from a projector's `project` with the fold's deadlines
  /// (an empty list when the case is concluded).
  public static func replace(
    stream: String, with deadlines: [OpenDeadline], in context: ProjectionContext
  ) throws {
    try rowSet.replace(
      owner: .text(stream), with: rows(deadlines, context.calendar), db: context.db)
  }

  /// The rows of `deadlines`, made apart from their writing (`ProjectedRows.Made`).
  static func rows(_ deadlines: [OpenDeadline], _ calendar: WorkCalendar) -> [[ProjectedColumn]] {
    deadlines.map { d in
      [
        ("purpose", d.purpose), ("kind", d.kind), ("case_id", d.caseID), ("org", d.organisation),
        ("handler", d.handler), ("title", d.title), ("state", d.state),
        ("start_date", d.start?.iso), ("limit_days", d.limitDays), ("due_date", d.due.iso),
        ("due_day", d.due.dayNumber), ("due_ordinal", calendar.ordinal(of: d.due)),
        ("paused", d.paused),
      ]
    }
  }

  /// Written as a difference: a step that leaves the due date alone leaves the row's due-date
  /// index entries alone.
  static let rowSet = ProjectedRowSet(table: "deadline", owner: "stream", key: ["purpose"])
}

/// 数据范围 — which organisations a case stream concerns, so sync sends a township only its own.
public enum StreamScope {
  /// Replaces the stream's organisations (every organisation it was ever assigned to). Most
  /// steps leave them as they were, so only the difference is written.
  public static func replace(
    stream: String, organisations: Set<String>, in context: ProjectionContext
  ) throws {
    try rowSet.replace(owner: .text(stream), with: rows(organisations), db: context.db)
  }

  static func rows(_ organisations: Set<String>) -> [[ProjectedColumn]] {
    organisations.sorted().map { [("org", $0)] }
  }

  static let rowSet = ProjectedRowSet(table: "stream_scope", owner: "stream", key: ["org"])
}
