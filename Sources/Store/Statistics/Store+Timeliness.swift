import Domain
import Foundation

extension Store {
  /// 按时办结率 by organisation for cases concluded in `period`, with the deadlines overdue on
  /// `today` (counted as the 督办 overview counts them), in the district's organisation order: every organisation for supervisors, the
  /// operator's own for anyone else.
  /// - Complexity: the period's slice of `application_concluded` and `complaint_by_concluded`,
  ///   and one pass over `deadline_by_org` for the overdue counts.
  public func timeliness(_ period: StatisticsPeriod, today: CivilDate, for staff: Staff) throws
    -> [OrganisationTimeliness]
  {
    let own = Visibility(staff).organisation
    var figures: [String: TimelinessFigures] = [:]
    // Open bounds become sentinels that sort before and after every ISO date.
    let from = period.from?.iso ?? "0000-00-00"
    let through = period.through?.iso ?? "9999-99-99"
    // Concluded cases and those on time, per organisation: applications by closing date,
    // complaints by the day of their conclusion.
    let concluded:
      [(
        String, [any SQLBindable], WritableKeyPath<TimelinessFigures, Int>,
        WritableKeyPath<TimelinessFigures, Int>
      )] = [
        (
          "SELECT org, count(*) AS concluded, sum(on_time) AS on_time FROM application WHERE on_time IS NOT NULL AND closed_on >= ? AND closed_on <= ? GROUP BY org",
          [from, through], \.applicationsConcluded, \.applicationsOnTime
        ),
        (
          "SELECT handling_org AS org, count(*) AS concluded, sum(on_time) AS on_time FROM complaint WHERE on_time IS NOT NULL AND concluded_day >= ? AND concluded_day <= ? GROUP BY handling_org",
          [period.from?.dayNumber ?? Int.min, period.through?.dayNumber ?? Int.max],
          \.complaintsConcluded, \.complaintsOnTime
        ),
      ]
    for (sql, args, count, onTime) in concluded {
      try db.forEach(sql, args) { row in
        try row.read("concluded", keyColumn: "org") { r in
          let org: String = try r.decode("org")
          figures[org, default: .init()][keyPath: count] = try r.decode("concluded")
          figures[org, default: .init()][keyPath: onTime] = try r.decode("on_time")
        }
      }
    }
    try db.forEach(
      """
      SELECT org, count(*) AS overdue FROM deadline
      WHERE paused = 0 AND due_day < ?
      GROUP BY org
      """, [today.dayNumber]
    ) { row in
      try row.read("deadline", keyColumn: "org") { r in
        let org: String = try r.decode("org")
        figures[org, default: .init()].overdueNow = try r.decode("overdue")
      }
    }
    var rows: [OrganisationTimeliness] = []
    try db.forEach("SELECT code, name FROM org ORDER BY position, code") { row in
      try row.read("org", keyColumn: "code") { r in
        let code: String = try r.decode("code")
        guard own == nil || own == code else { return }
        rows.append(
          OrganisationTimeliness(
            organisation: code, name: try r.decode("name"), figures: figures[code] ?? .init()))
      }
    }
    return rows
  }

  /// Writes the timeliness report as CSV to `path` (under a temporary name, renamed when
  /// complete).
  /// - Returns: the number of organisation rows written.
  @discardableResult
  public func exportTimeliness(
    _ period: StatisticsPeriod, today: CivilDate, for staff: Staff, to path: String
  ) throws -> Int {
    let rows = try timeliness(period, today: today, for: staff)
    try writeAtomically(StatisticsCSV.render(rows, period: period), to: path)
    return rows.count
  }
}
