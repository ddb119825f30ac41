/// 计数 — the counters the tab counts and the 督办 board read (`Schema.v22`), kept by triggers on
/// the projected rows. Projected tables like any other: a rebuild empties them, and recounts
/// them from the folded rows with their triggers off (a trigger per inserted row would only
/// count what the recount counts once); `audit verify` compares them with that recount.
enum ProjectionCounters {
  static let tables = [
    "application_count", "application_mine_count", "rectification_count", "deadline_count",
  ]

  /// Fills the emptied counters from the rows, flags the complaints a notice waits on
  /// (`Schema.v26`: inserted unflagged while the triggers were off), and makes 受理登记's search
  /// index again from the applications (`Schema.v29`: its triggers were off too).
  static func recount(db: Connection) throws {
    try db.execute(Schema.countsFill)
    try db.execute(Schema.supervisedFill)
    try db.execute(Schema.applicationSearchFill)
  }
}

/// Open deadlines counted over a range of due days from `deadline_count`'s three levels.
enum DeadlineCounts {
  /// Beyond any day a deadline falls on; multiples of 1024, so whole top-level blocks.
  static let before = -(1 << 40)
  static let after = 1 << 40

  /// The (level, first bucket, end bucket) ranges that together hold exactly the days in
  /// `from..<to`: the days up to the first whole 32-day block, the 32-day blocks up to the first
  /// whole 1024-day block, the 1024-day blocks between, and the same down on the other side.
  /// At most 62 rows on each of the two lower levels, whatever the range.
  static func ranges(from: Int, to: Int) -> [(level: Int, from: Int, to: Int)] {
    var out: [(level: Int, from: Int, to: Int)] = []
    var (lo, hi) = (from, to)
    for level in 0..<2 {
      guard lo < hi else { return out }
      let up = (lo + 31) >> 5
      let down = hi >> 5
      if up >= down {
        out.append((level, lo, hi))
        return out
      }
      if lo < up << 5 { out.append((level, lo, up << 5)) }
      if down << 5 < hi { out.append((level, down << 5, hi)) }
      (lo, hi) = (up, down)
    }
    if lo < hi { out.append((2, lo, hi)) }
    return out
  }

  /// Open deadlines of `org`, stopped (`paused`) or running, due in `from..<to` (day numbers).
  static func count(org: String, paused: Bool, from: Int, to: Int, db: Connection) throws -> Int {
    try ranges(from: from, to: to).reduce(0) { sum, r in
      sum
        + (try db.fetchInt(sql, [org, paused, r.level, r.from, r.to]))
    }
  }

  static let sql = """
    SELECT coalesce(sum(n), 0) FROM deadline_count
    WHERE org = ? AND paused = ? AND level = ? AND bucket >= ? AND bucket < ?
    """
}
