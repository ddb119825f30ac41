/// One open deadline of a case, as its machine reports it (`CaseMachine.openDeadlines`).
public struct OpenDeadline: Equatable, Sendable {
  /// `main` for the case's own limit; e.g. `supervision` for a 督办 reply deadline.
  public var purpose: String = "main"
  /// `application`, `complaint`, `rectification`, `listAdjustment` …
  public var kind: String
  public var caseID: String
  /// The organisation that must act.
  public var organisation: String
  /// The login handling it, if assigned to one person.
  public var handler: String?
  /// Shown in the 督办 drill-down (the subject, or the item name).
  public var title: String
  /// The case state in the clerk's words (待受理, 办理中 …).
  public var state: String
  public var start: CivilDate?
  public var limitDays: Int?
  public var due: CivilDate
  /// The clock is stopped (现场勘验, 待补正): the countdown shows 暂停 and overdue scans skip it.
  public var paused: Bool = false
}
