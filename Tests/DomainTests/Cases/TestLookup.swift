import Foundation

@testable import Domain

/// The store's answers to a case machine, for unit tests: fixed organisations and complaints,
/// notice numbers counted, ratings recorded in a list.
final class TestLookup: CaseLookup {
  var organisations: [String: Organisation] = [
    "ZWZX": Organisation(code: "ZWZX", name: "区政务服务中心", kind: .district),
    "SCJG": Organisation(code: "SCJG", name: "区市场监督管理局", kind: .department),
    "WXZ": Organisation(code: "WXZ", name: "王岘镇", kind: .township),
  ]
  var complaints: [String: Complaint] = [:]
  var rules = RuleTable()
  var catalog = CatalogDecisionContext(history: nil, organisations: [], pendingChange: nil)
  var adjustments: [String] = []
  var serial = 0
  var ratings: [RatingInput] = []
  var staff: [Staff] = []

  func organisation(_ code: String) throws -> Organisation? { organisations[code] }
  func complaint(_ id: String) throws -> Complaint? { complaints[id] }
  func ruleTable() throws -> RuleTable { rules }
  func staffMember(_ login: String) throws -> Staff? { staff.first { $0.login == login } }
  func catalogDecisionContext(itemCode: String, excluding changeID: String) throws
    -> CatalogDecisionContext
  { catalog }
  func catalogItem(code: String) throws -> CatalogItem? { catalogItems[code] }
  /// Items in effect, by code (a 一件事's members).
  var catalogItems: [String: CatalogItem] = [:]
  func openListAdjustments(touching itemCode: String) throws -> [String] { adjustments }
  func noticeNumber(_ kind: NoticeKind) throws -> String {
    serial += 1
    return kind.number(node: "BYQ", year: 2026, serial: serial)
  }
  func recordRating(_ input: RatingInput) throws -> (rating: String, rectification: String?) {
    ratings.append(input)
    return ("BYQPJ-2026-\(ratings.count)", input.level.isBad ? "BYQ-2026-9\(ratings.count)" : nil)
  }
}

extension CaseContext {
  /// A context for `staff` at a Beijing time (`2026-11-16T09:00`) on the district's node.
  static func test(
    _ staff: Staff, at time: String = "2026-11-16T09:00",
    calendar: WorkCalendar = Fixtures.calendar,
    lookup: TestLookup = TestLookup(), district: Bool = true
  ) -> CaseContext {
    CaseContext(
      staff: staff,
      now: DeploymentZone.shanghai.parseLocal(time) ?? Date(timeIntervalSince1970: 0),
      fold: FoldContext(calendar: calendar),
      node: NodeIdentity(
        code: district ? "BYQ" : "WXZ", name: district ? "白银区" : "王岘镇", district: "BYQ",
        isDistrict: district),
      lookup: lookup)
  }
}
