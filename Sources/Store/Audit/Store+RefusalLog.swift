import Domain
import Foundation

extension Store {
  /// The refusal log for `staff` (supervisors and admins: `Action.readRefusalLog`), newest first.
  /// A refused reader is itself logged.
  /// - Complexity: an index range, newest first, stopping at the page: `refusal_log_by_actor`
  ///   for one login, `refusal_log_by_ts` otherwise.
  public func refusalLog(_ query: RefusalQuery, for staff: Staff) throws -> [RefusalRecord] {
    if let r = Permission.check(staff, .readRefusalLog) {
      logRefusal(
        actor: staff.login, action: .readRefusalLog, subject: query.actor, reason: r.message)
      throw r
    }
    let from = query.from.map { CausalClock.milliseconds(zone.instant($0)) } ?? Int64.min
    let args: [any SQLBindable] = query.actor.map { [$0, from] } ?? [from]
    return try db.fetchAll(
      Self.refusalLogSQL(byActor: query.actor != nil), args + [query.limit, query.offset]
    ) { row in
      try row.read("refusal_log", keyColumn: "ts") { r in
        RefusalRecord(
          at: try r.decode("ts"), actor: try r.decode("actor"), actorName: try r.decode("name"),
          node: try r.decode("node"), action: try r.decode("action"),
          subject: try r.decode("subject"), reason: try r.decode("reason"))
      }
    }
  }

  /// One WHERE clause per shape, so each keeps its index (`x = ? OR ? IS NULL` would not).
  static func refusalLogSQL(byActor: Bool) -> String {
    """
    SELECT r.ts, r.actor, s.name, r.node, r.action, r.subject, r.reason
    FROM refusal_log r LEFT JOIN staff s ON s.login = r.actor
    WHERE \(byActor ? "r.actor = ? AND r.ts >= ?" : "r.ts >= ?")
    ORDER BY r.ts DESC, r.id DESC
    LIMIT ? OFFSET ?
    """
  }
}
