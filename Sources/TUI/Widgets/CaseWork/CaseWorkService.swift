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
  /// The preview a case work form needs: the deadline running before and after `command`.
  public func workPreview<M: CaseWorkMachine>(
    _ machine: M.Type, _ state: M.State, for staff: Staff, at now: Date, _ calendar: WorkCalendar
  ) -> (CaseWorkCommand) -> Result<(before: CivilDate?, after: CivilDate?), Refusal> {
    { command in
      self.trialWork(command, on: state, of: machine, for: staff, at: now).map {
        (M.runningDue(state, calendar), M.runningDue($0, calendar))
      }
    }
  }
}
