import Domain
import Foundation
import Store

/// What the case work keys of every case view ask of the database: the work itself, whether it
/// is open, and who may be assigned.
public protocol CaseWorkService: AnyObject {
  @discardableResult
  func performWork<M: CaseWorkMachine>(
    _ command: CaseWorkCommand, on id: String, of machine: M.Type, as staff: Staff
  ) throws -> Performed<M.State>
  func workAvailability<M: CaseWorkMachine>(
    _ step: CaseWorkStep, on state: M.State, of machine: M.Type, for staff: Staff, at now: Date
  ) -> Refusal?
  /// The case as `command` would leave it (nothing written), or why it would be refused.
  func trialWork<M: CaseWorkMachine>(
    _ command: CaseWorkCommand, on state: M.State, of machine: M.Type, for staff: Staff,
    at now: Date
  ) -> Result<M.State, Refusal>
  /// The enabled handlers of an organisation (whom a case may be assigned to).
  func colleagues(of org: String) throws -> [Staff]
  func organisations() throws -> [Organisation]
}

extension Store: CaseWorkService {
  public func colleagues(of org: String) throws -> [Staff] {
    try allStaff().filter { $0.org == org && !$0.disabled && $0.has(.handler) }
  }
}

extension CaseWorkService {
  /// The preview a case work form needs: the deadline running before and after `command`, and
  /// the link it adds.
  public func workPreview<M: CaseWorkMachine>(
    _ machine: M.Type, _ state: M.State, for staff: Staff, at now: Date, _ calendar: WorkCalendar
  ) -> (CaseWorkCommand) -> Result<CaseWorkPreview, Refusal> {
    { command in
      self.trialWork(command, on: state, of: machine, for: staff, at: now).map {
        CaseWorkPreview(
          before: M.runningDue(state, calendar), after: M.runningDue($0, calendar),
          link: $0.work.links.count > state.work.links.count ? $0.work.links.last : nil)
      }
    }
  }
}

/// What a case work command would do, told before it is confirmed.
public struct CaseWorkPreview: Sendable {
  /// The deadline running before and after.
  public var before: CivilDate?
  public var after: CivilDate?
  /// The link a 关联 adds (the case found for what the clerk typed).
  public var link: CaseLink?
}
