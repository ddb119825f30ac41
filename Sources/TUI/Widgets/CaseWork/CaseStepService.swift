import Domain
import Foundation
import Store

/// The steps of a case of any kind, asked of the database the one way the store answers them
/// (`Store.perform`, `Store.availability`): a pane's service takes them from here rather than
/// declaring its own kind's pair again.
public protocol CaseStepService: AnyObject {
  /// A step on a case (`Domain.CaseCommand`): the case before and after.
  @discardableResult
  func perform<C: Domain.CaseCommand>(_ command: C, on id: String, as staff: Staff) throws
    -> Performed<C.Machine.State>
  /// Why a step is not open to `staff` now (nil: it is).
  func availability<S: CaseStep>(
    _ step: S, on state: S.Machine.State, for staff: Staff, at now: Date
  ) -> Refusal?
}

extension Store: CaseStepService {}
