import Domain
import Foundation

/// 代办帮办统计 — one organisation's registrations in a period: how many came through an agent,
/// how many staff helped with, and how many applicants of each special group (第十五条).
public struct AssistanceFigures: Equatable, Sendable {
  public var org: String
  public var name: String
  public var registered = 0
  public var agent = 0
  public var helped = 0
  public var groups: [SpecialGroup: Int] = [:]

  public init(org: String, name: String) {
    self.org = org
    self.name = name
  }

  mutating func add(_ a: ApplicationAssistance?) {
    registered += 1
    guard let a else { return }
    if a.agent != nil { agent += 1 }
    if a.helped { helped += 1 }
    for g in a.groups { groups[g, default: 0] += 1 }
  }
}

extension Store {
  /// Registrations of the period (by registration day) by implementing organisation, within what
  /// `staff` may see (`Visibility`): supervisors the district, anyone else their organisation.
  public func assistanceFigures(_ period: StatisticsPeriod, for staff: Staff) throws
    -> [AssistanceFigures]
  {
    var conditions = SQLConditions(["j.type = 'application.registered'"])
    conditions.add("a.registered_on >= ?", ifSet: period.from?.iso)
    conditions.add("a.registered_on <= ?", ifSet: period.through?.iso)
    conditions.add("a.org = ?", ifSet: Visibility(staff).organisation)
    // The registration's own payload holds the assistance: the projection has no column for it.
    let rows = try db.fetchAll(
      """
      SELECT a.case_id, a.org, j.payload FROM application a
      JOIN journal j ON j.stream = 'application/' || a.case_id
      WHERE \(conditions.sql) ORDER BY a.org
      """, conditions.args
    ) { row in
      try row.read("application", keyColumn: "case_id") {
        (try $0.decode("org", as: String.self), try $0.decode("payload", as: String.self))
      }
    }
    let names = try organisationNames()
    var byOrg: [String: AssistanceFigures] = [:]
    for (org, payload) in rows {
      let registered = try JSONDecoder().decode(RegisteredAssistance.self, from: Data(payload.utf8))
      byOrg[org, default: AssistanceFigures(org: org, name: names[org] ?? org)].add(
        registered.assistance)
    }
    return byOrg.values.sorted { $0.org < $1.org }
  }
}

/// Just the assistance of an `application.registered` payload.
private struct RegisteredAssistance: Decodable {
  var assistance: ApplicationAssistance?
}
