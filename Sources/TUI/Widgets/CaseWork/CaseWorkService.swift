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
  /// The enabled handlers of an organisation (whom a case may be assigned to).
  func colleagues(of org: String) throws -> [Staff]
  func organisations() throws -> [Organisation]
}

extension Store: CaseWorkService {
  public func colleagues(of org: String) throws -> [Staff] {
    try allStaff().filter { $0.org == org && !$0.disabled && $0.has(.handler) }
  }
}

extension NoteKind: Titled {}
