import Domain
import Foundation
import Store

/// 备注、认领、指派 in the application case view: the shared `CaseWorkFlow`, in a flow of its own
/// over the case (the pane's other layers are its steps').
extension ApplicationsPane {
  func workSubject(_ a: Application, _ names: [String: String]) -> CaseWorkSubject {
    CaseWorkSubject.of(
      ApplicationMachine.self, a, organisationName: a.item.organisationName, due: nil,
      names: names, organisations: [])
  }

  /// The case work keys open to the operator on `a` now.
  func openWork(_ a: Application, _ context: AppContext) -> Set<String> {
    Set(
      CaseWorkKey.allCases.filter {
        $0.steps.contains {
          service.workAvailability(
            $0, on: a, of: ApplicationMachine.self, for: context.staff, at: context.now) == nil
        }
      }.map(\.rawValue))
  }

  mutating func startWork(_ key: CaseWorkKey, _ context: AppContext) -> Update<ApplicationEffect> {
    guard let v = view else { return .toast(.error(loadError ?? "办件不存在")) }
    let a = v.application
    let key = key.resolved {
      service.workAvailability(
        $0, on: a, of: ApplicationMachine.self, for: context.staff, at: context.now) == nil
    }
    if let r = service.workAvailability(
      key.step, on: a, of: ApplicationMachine.self, for: context.staff, at: context.now)
    {
      return .toast(.error(r.description))
    }
    do {
      let colleagues = key == .assign ? try service.colleagues(of: a.item.organisation) : []
      let claimant =
        service.workAvailability(
          .claim, on: a, of: ApplicationMachine.self, for: context.staff, at: context.now) == nil
        ? context.staff.login : nil
      work.openWork(
        key,
        workSubject(a, v.names).linking(service, .application, for: context.staff)
          .claimable(by: claimant),
        colleagues: colleagues, organisations: [],
        purpose: { $0 }, work: { $0 })
    } catch {
      return .toast(.error(CLI.message(for: error)))
    }
    return .handled
  }

  mutating func handleWork(_ key: Key, _ context: AppContext) -> Update<ApplicationEffect> {
    guard let v = view else {
      work.close()
      return .handled
    }
    let id = v.application.caseID
    let subject = workSubject(v.application, v.names)
    switch work.handle(key, fieldWidth: 40) {
    case .handled, .edited: return .handled
    case .cancelled(let toast): return toast.map { .toast($0) } ?? .handled
    case .picked(let option, let p):
      work.pickedWork(option, p, subject, purpose: { $0 }, work: { $0 })
      return .handled
    case .submitted(let form, let p):
      let preview = service.workPreview(
        ApplicationMachine.self, v.application, for: context.staff, at: context.now,
        context.calendar)
      switch work.submittedWork(
        form, p, subject, purpose: { $0 }, work: { $0 }, preview: preview)
      {
      case .shown, .closed: return .handled
      case .refused(let response): return Update(response)
      case .perform(let command): return .run(.work(command, caseID: id))
      }
    case .confirmed(let pending): return .run(.work(pending.work, caseID: id))
    }
  }

  /// Case work done or refused: the case read again, and the message.
  mutating func worked(_ id: String, _ result: Result<Void, any Error>)
    -> Update<ApplicationEffect>
  {
    switch result {
    case .success:
      let done = work.performed()
      return Update(done.map { .toast($0) } ?? .handled).then(.readCase(id, .refresh))
        .then(.reload)
    case .failure(let error):
      return Update(work.performRefused(CLI.message(for: error))).then(.readCase(id, .refresh))
    }
  }
}

extension StoreApplicationService: CaseWorkService {
  public func performWork<M: CaseWorkMachine>(
    _ command: CaseWorkCommand, on id: String, of machine: M.Type, as staff: Staff
  ) throws -> Performed<M.State> {
    try store.performWork(command, on: id, of: machine, as: staff)
  }

  public func workAvailability<M: CaseWorkMachine>(
    _ step: CaseWorkStep, on state: M.State, of machine: M.Type, for staff: Staff, at now: Date
  ) -> Refusal? {
    store.workAvailability(step, on: state, of: machine, for: staff, at: now)
  }

  public func trialWork<M: CaseWorkMachine>(
    _ command: CaseWorkCommand, on state: M.State, of machine: M.Type, for staff: Staff,
    at now: Date
  ) -> Result<M.State, Refusal> {
    store.trialWork(command, on: state, of: machine, for: staff, at: now)
  }

  public func colleagues(of org: String) throws -> [Staff] { try store.colleagues(of: org) }
  public func organisations() throws -> [Organisation] { try store.organisations() }
}
