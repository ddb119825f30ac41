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
      let code = row.text(0)
      guard own == nil || own == code else { return }
      rows.append(
        OrganisationSatisfaction(
          organisation: code, name: row.text(1), figures: Self.satisfactionFigures(row, from: 2)))
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
    sum(r.level = 5), sum(r.level = 4), sum(r.level = 3), sum(r.level = 2), sum(r.level = 1),
    sum(r.invalid),
    sum(r.level <= 2 AND r.invalid = 0 AND c.outcome = 'rectified'),
    sum(r.level <= 2 AND r.invalid = 0 AND c.called_back = 1),
    sum(r.level <= 2 AND r.invalid = 0 AND r.real_name = 1),
    sum(r.level <= 2 AND r.invalid = 0 AND r.real_name = 1 AND c.called_back = 1)
    FROM rating r
    JOIN org o ON o.code = r.org
    LEFT JOIN rectification c ON c.id = r.rectification
    """

  /// The figures `satisfactionColumns` read, starting at column `first`.
  static func satisfactionFigures(_ row: Row, from first: Int) -> SatisfactionFigures {
    var counts: [RatingLevel: Int] = [:]
    for (i, level) in RatingLevel.allCases.enumerated() { counts[level] = row.int(first + i) }
    return SatisfactionFigures(
      counts: counts, invalid: row.int(first + 5), rectified: row.int(first + 6),
      calledBack: row.int(first + 7), realNameBad: row.int(first + 8),
      realNameCalledBack: row.int(first + 9))
  }
}
