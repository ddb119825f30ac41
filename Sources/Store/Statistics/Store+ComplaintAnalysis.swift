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
      try row.read("complaint", keyColumn: "case_id") { r in
        let id: String = try r.decode("case_id")
        let confidentiality: Confidentiality = try r.decode("confidentiality")
        facts.append(
          ComplaintFacts(
            id: id, type: try r.decode("type"), channel: try r.decode("channel"),
            organisation: try r.decode("handling_org"), registeredOn: try r.decode("registered_on"),
            status: try r.decode("status"), onTime: try r.decode("on_time"),
            satisfaction: try r.decode("satisfaction"), round: try r.decode("round"),
            subject: try r.decode("subject"), contact: try r.decode("contact"),
            confidential: confidentiality.isConfidential))
      }
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
