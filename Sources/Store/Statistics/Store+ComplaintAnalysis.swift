import Domain
import Foundation

extension Store {
  /// 投诉建议分析 of the complaints registered in `period` (第三十四条), broken down `by`: every
  /// organisation's for supervisors, those handled by the operator's own organisation for anyone
  /// else.
  /// - Complexity: the period's range of `complaint_by_registered` (one organisation's of it
  ///   filtered on the row), then each 不予受理's journal for its reason (by stream).
  public func complaintAnalysis(
    _ period: StatisticsPeriod, by grouping: ComplaintGrouping, for staff: Staff
  ) throws -> ComplaintAnalysis {
    let own = Visibility(staff).organisation
    // Open bounds become sentinels that sort before and after every ISO date.
    let bounds: [any SQLBindable] = [
      period.from?.iso ?? "0000-00-00", period.through?.iso ?? "9999-99-99",
    ]
    var facts: [ComplaintFacts] = []
    let sql = Self.complaintFactsSQL(ownOrganisation: own != nil)
    try db.forEach(sql, bounds + (own.map { [$0] } ?? [])) { row in
      let confidentiality: Confidentiality = try row.decode("confidentiality")
      facts.append(
        ComplaintFacts(
          id: row.text(0), type: try row.decode("type"), channel: try row.decode("channel"),
          organisation: row.text(3), registeredOn: try row.decode("registered_on"),
          status: try row.decode("status"), onTime: try row.decode("on_time"),
          satisfaction: row.optionalText(7).flatMap(Satisfaction.init(rawValue:)),
          round: row.int(8), subject: row.text(9), contact: row.text(10),
          confidential: confidentiality.isConfidential))
    }
    // The reason of a 不予受理 is in its event, not in the row: read the few refused cases.
    for i in facts.indices where facts[i].status == .rejected {
      facts[i].rejection = try caseState(ComplaintMachine.self, facts[i].id)?.rejection?.reason
    }
    let organisations = try self.organisations().map { (code: $0.code, name: $0.name) }
    return ComplaintAnalysis.analyse(
      facts, by: grouping, period: period, organisations: organisations)
  }

  static func complaintFactsSQL(ownOrganisation: Bool) -> String {
    """
    SELECT case_id, type, channel, handling_org, registered_on, status, on_time, satisfaction,
      round, subject, contact, confidentiality
    FROM complaint
    WHERE registered_on >= ? AND registered_on <= ?\(ownOrganisation ? " AND handling_org = ?" : "")
    ORDER BY registered_on, case_id
    """
  }

  /// Writes the analysis as CSV to `path` through the one writer (never over a file).
  /// - Returns: the number of complaints analysed.
  @discardableResult
  public func exportComplaintAnalysis(
    _ period: StatisticsPeriod, by grouping: ComplaintGrouping, for staff: Staff, to path: String
  ) throws -> Int {
    let analysis = try complaintAnalysis(period, by: grouping, for: staff)
    try writeAtomically(analysis.csv, to: path)
    return analysis.total.registered
  }
}
