import Domain
import Foundation

extension Store {
  /// 满意度 by organisation for ratings given in `period`, in the district's organisation order:
  /// every organisation for supervisors, the operator's own for anyone else.
  /// - Complexity: one pass over `rating_by_date` for the period, joined to each rating's case.
  public func satisfaction(_ period: StatisticsPeriod, for staff: Staff) throws
    -> [OrganisationSatisfaction]
  {
    let own = Visibility(staff).organisation
    var rows: [OrganisationSatisfaction] = []
    // Open bounds become sentinels that sort before and after every ISO date.
    let from = period.from?.iso ?? "0000-00-00"
    let through = period.through?.iso ?? "9999-99-99"
    try db.forEach(
      """
      SELECT r.org, o.name, \(Self.satisfactionColumns)
      WHERE r.rated_on >= ? AND r.rated_on <= ?
      GROUP BY r.org
      ORDER BY o.position, r.org
      """, [from, through]
    ) { row in
      try row.read("rating", keyColumn: "org") { r in
        let code: String = try r.decode("org")
        guard own == nil || own == code else { return }
        rows.append(
          OrganisationSatisfaction(
            organisation: code, name: try r.decode("name"), figures: try Self.satisfactionFigures(r)
          ))
      }
    }
    return rows
  }

  /// Writes the satisfaction table as CSV to `path` (under a temporary name, renamed when
  /// complete, so a half-written file never takes the name).
  /// - Returns: the number of organisation rows written.
  @discardableResult
  public func exportSatisfaction(_ period: StatisticsPeriod, for staff: Staff, to path: String)
    throws -> Int
  {
    let rows = try satisfaction(period, for: staff)
    try writeAtomically(StatisticsCSV.render(rows, period: period), to: path)
    return rows.count
  }

  /// The figures of `SatisfactionFigures` summed over the ratings `r` selected, each with its
  /// rectification case `c`; the FROM clause follows (WHERE and GROUP BY are the caller's).
  static let satisfactionColumns = """
    sum(r.level = 5) AS level_5, sum(r.level = 4) AS level_4, sum(r.level = 3) AS level_3,
    sum(r.level = 2) AS level_2, sum(r.level = 1) AS level_1, sum(r.invalid) AS invalid,
    sum(r.level <= 2 AND r.invalid = 0 AND c.outcome = 'rectified') AS rectified,
    sum(r.level <= 2 AND r.invalid = 0 AND c.called_back = 1) AS called_back,
    sum(r.level <= 2 AND r.invalid = 0 AND r.real_name = 1) AS real_name_bad,
    sum(r.level <= 2 AND r.invalid = 0 AND r.real_name = 1 AND c.called_back = 1)
      AS real_name_called_back
    FROM rating r
    JOIN org o ON o.code = r.org
    LEFT JOIN rectification c ON c.id = r.rectification
    """

  /// The figures `satisfactionColumns` read. A sum over no rows it counts (a rectification's
  /// column where a group has no case) is NULL in SQL: none.
  static func satisfactionFigures(_ r: Row) throws -> SatisfactionFigures {
    func sum(_ column: String) throws -> Int { try r.decode(column, as: Int?.self) ?? 0 }
    var counts: [RatingLevel: Int] = [:]
    for level in RatingLevel.allCases { counts[level] = try sum("level_\(level.rawValue)") }
    return SatisfactionFigures(
      counts: counts, invalid: try sum("invalid"), rectified: try sum("rectified"),
      calledBack: try sum("called_back"), realNameBad: try sum("real_name_bad"),
      realNameCalledBack: try sum("real_name_called_back"))
  }
}
