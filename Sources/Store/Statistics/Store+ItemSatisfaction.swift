import Domain
import Foundation

extension Store {
  /// 满意度 by service item for ratings given in `period` (第三十五条), worst first
  /// (`ItemSatisfaction.worstFirst`): every organisation's items for supervisors, the operator's
  /// own organisation's for anyone else.
  /// - Complexity: the period's range of `rating_by_date` (one organisation's of
  ///   `rating_by_org`), each rating's case by its key, grouped.
  public func satisfactionByItem(_ period: StatisticsPeriod, for staff: Staff) throws
    -> [ItemSatisfaction]
  {
    let own = Visibility(staff).organisation
    // Open bounds become sentinels that sort before and after every ISO date.
    let bounds: [any SQLBindable] = [
      period.from?.iso ?? "0000-00-00", period.through?.iso ?? "9999-99-99",
    ]
    var rows: [ItemSatisfaction] = []
    try db.forEach(
      Self.itemSatisfactionSQL(ownOrganisation: own != nil), (own.map { [$0] } ?? []) + bounds
    ) { row in
      try row.read("rating", keyColumn: "item_code") { r in
        rows.append(
          ItemSatisfaction(
            itemCode: try r.decode("item_code"), itemName: try r.decode("item_name"),
            organisation: try r.decode("org"), organisationName: try r.decode("name"),
            figures: try Self.satisfactionFigures(r)))
      }
    }
    return rows.sorted(by: ItemSatisfaction.worstFirst)
  }

  /// Ratings without an item code (registered by hand) are grouped by the name they carry.
  static func itemSatisfactionSQL(ownOrganisation: Bool) -> String {
    """
    SELECT r.item_code, max(r.item_name) AS item_name, r.org, o.name, \(satisfactionColumns)
    WHERE \(ownOrganisation ? "r.org = ? AND " : "")r.rated_on >= ? AND r.rated_on <= ?
    GROUP BY r.org, r.item_code, CASE WHEN r.item_code = '' THEN r.item_name END
    """
  }

  /// Writes the by-item table as CSV to `path` through the one writer (never over a file).
  /// - Returns: the number of item rows written.
  @discardableResult
  public func exportSatisfactionByItem(
    _ period: StatisticsPeriod, for staff: Staff, to path: String
  ) throws -> Int {
    let rows = try satisfactionByItem(period, for: staff)
    try writeAtomically(ItemSatisfaction.csv(rows, period: period), to: path)
    return rows.count
  }
}
