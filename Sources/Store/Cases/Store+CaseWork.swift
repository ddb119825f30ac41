import Domain
import Foundation

extension Store {
  /// 备注、认领、指派、转办 — case work on a case of any kind, as `perform` takes a step: inside one
  /// transaction the case is re-read, the shared rules say whether the work is open to `staff`
  /// and decide its event; a refusal rolls back and is written to the refusal log.
  @discardableResult
  public func performWork<M: CaseWorkMachine>(
    _ command: CaseWorkCommand, on id: String, of machine: M.Type, as staff: Staff
  ) throws -> Performed<M.State> {
    try write(actor: staff.login, action: command.step.action, subject: M.stream(id)) { tx in
      let context = caseContext(staff, tx)
      guard let before = try caseState(M.self, id) else { throw M.missing(id) }
      try tx.append(try M.attemptWork(before, command, context).get())
      guard let after = try caseState(M.self, id) else { throw M.missing(id) }
      return Performed(before: before, after: after)
    }
  }

  /// The case as `command` would leave it (nothing written): what a confirmation describes.
  public func trialWork<M: CaseWorkMachine>(
    _ command: CaseWorkCommand, on state: M.State, of machine: M.Type, for staff: Staff,
    at now: Date
  ) -> Result<M.State, Refusal> {
    M.trialWork(state, command, caseContext(staff, nil, at: now))
  }

  /// Why case work `step` is not open to `staff` on `state` now (nil: it is).
  public func workAvailability<M: CaseWorkMachine>(
    _ step: CaseWorkStep, on state: M.State, of machine: M.Type, for staff: Staff, at now: Date
  ) -> Refusal? {
    M.workAvailability(state, step, caseContext(staff, nil, at: now))
  }
}
