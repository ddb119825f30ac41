import Domain
import Foundation
import Store

/// What the 投诉建议 pane may ask of the database: its queues, one case, and the steps on it.
public protocol ComplaintService: CaseWorkService, SupervisionSteps {
  func ruleTable() throws -> RuleTable
  func organisations() throws -> [Organisation]
  func staffNames() throws -> [String: String]
  func complaintCounts(filter: ComplaintFilter, scope: ComplaintQueueScope) throws
    -> [ComplaintView: Int]
  func complaintQueue(
    _ view: ComplaintView, filter: ComplaintFilter, scope: ComplaintQueueScope, offset: Int,
    limit: Int
  ) throws -> [ComplaintRow]
  /// One case as the operator may read it (`Visibility`); `revealed` after a recorded reveal.
  func complaint(id: String, for staff: Staff, revealed: Bool) throws -> VisibleComplaint?
  func events(stream: String) throws -> [Event]
  func supervisions(caseID: String) throws -> [SupervisionRow]
  func registerComplaint(_ d: ComplaintDraft, by staff: Staff) throws -> String
  @discardableResult
  func perform(_ command: ComplaintCommand, on id: String, as staff: Staff) throws
    -> Performed<Complaint>
  /// Why a step is not open to `staff` now (nil: it is).
  func availability(_ step: ComplaintStep, on c: Complaint, for staff: Staff, at now: Date)
    -> Refusal?
  /// Records a step refused before it reached the store (the record shows what was tried).
  func logRefusal(actor: String, action: Action, subject: String?, reason: String)
}

extension Store: ComplaintService {}

/// 督办 on a case, from the complaint's case view or the 督办 pane: the same three steps.
public protocol SupervisionSteps: AnyObject {
  func supervisionTarget(caseID: String) throws -> SupervisionTarget?
  func issueSupervision(
    on target: SupervisionTarget, method: SupervisionMethod, requirement: String, replyDays: Int,
    by staff: Staff
  ) throws -> String
  func replySupervision(id: String, reply: String, by staff: Staff) throws
}

/// What the 督办 pane may ask: the deadline index, notices and spot checks.
public protocol SupervisionService: SupervisionSteps {
  func ruleTable() throws -> RuleTable
  func staffNames() throws -> [String: String]
  func organisationNames() throws -> [String: String]
  /// What `staff` may list of the deadline index and the notices (`Visibility`).
  func deadlineOverview(today: CivilDate, soonUntil: CivilDate, for staff: Staff) throws
    -> [OrganisationDeadlines]
  func deadlines(org: String, for staff: Staff, offset: Int, limit: Int) throws -> [DeadlineRow]
  func supervisionNotices(org: String?, for staff: Staff, offset: Int, limit: Int) throws
    -> [SupervisionRow]
  /// The 文号 of a notice (`BYQ督〔2026〕3号`), the one form its number is shown in.
  func supervisionNumber(id: String) throws -> String?
  func spotChecks(limit: Int) throws -> [SpotCheckRow]
  func spotCheckItems(id: String) throws -> [SpotCheckItemRow]
  func drawSpotCheck(from: CivilDate, to: CivilDate, size: Int, seed: UInt64, by staff: Staff)
    throws -> String
  func recordSpotCheckVerdict(
    id: String, caseID: String, verdict: SpotCheckVerdict, note: String, by staff: Staff) throws
  func logRefusal(actor: String, action: Action, subject: String?, reason: String)
  func timeliness(_ period: StatisticsPeriod, today: CivilDate, for staff: Staff) throws
    -> [OrganisationTimeliness]
  func exportTimeliness(
    _ period: StatisticsPeriod, today: CivilDate, for staff: Staff, to path: String
  ) throws -> Int
  /// 投诉分析 of the complaints registered in `period` (第三十四条).
  func complaintAnalysis(
    _ period: StatisticsPeriod, by grouping: ComplaintGrouping, for staff: Staff
  ) throws -> ComplaintAnalysis
  func exportComplaintAnalysis(
    _ period: StatisticsPeriod, by grouping: ComplaintGrouping, for staff: Staff, to path: String
  ) throws -> Int
}

extension Store: SupervisionService {
  public func supervisionNumber(id: String) throws -> String? {
    try supervision(id: id)?.notice.number
  }
}
