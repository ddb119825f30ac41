import Domain
import Store

/// 备注、认领、指派 in the rectification case view: the shared `CaseWorkFlow` in the pane's flow.
extension RectificationPane {
  func workSubject(_ s: Rectification) -> CaseWorkSubject {
    CaseWorkSubject.of(
      RectificationMachine.self, s,
      organisationName: organisationNames[s.organisation] ?? s.organisation, due: nil,
      names: staffNames, organisations: organisationOrder)
  }

  mutating func startWork(_ key: CaseWorkKey, _ s: Rectification, _ ctx: AppContext)
    -> Update<RectificationEffect>
  {
    let key = key.resolved { availableWork.contains($0) }
    if let r = service.workAvailability(
      key.step, on: s, of: RectificationMachine.self, for: ctx.staff, at: ctx.now)
    {
      return .toast(.error(r.description))
    }
    do {
      let colleagues = key == .assign ? try service.colleagues(of: s.organisation) : []
      let claimant = availableWork.contains(.claim) ? ctx.staff.login : nil
      flow.openWork(
        key,
        workSubject(s).linking(service, .rectification, for: ctx.staff).claimable(by: claimant),
        colleagues: colleagues, organisations: organisationOrder,
        purpose: { .work($0) }, work: { RectificationWork(id: s.id, command: nil, caseWork: $0) })
    } catch {
      return .toast(.error(CLI.message(for: error)))
    }
    return .handled
  }

  mutating func submitWork(_ form: Form, _ p: CaseWorkPurpose, _ ctx: AppContext)
    -> Update<RectificationEffect>
  {
    guard let s = current else {
      flow.close()
      return .handled
    }
    switch flow.submittedWork(
      form, p, workSubject(s), purpose: { .work($0) },
      work: { RectificationWork(id: s.id, command: nil, caseWork: $0) },
      preview: service.workPreview(
        RectificationMachine.self, s, for: ctx.staff, at: ctx.now, ctx.calendar))
    {
    case .shown, .closed: return .handled
    case .refused(let response): return Update(response)
    case .perform(let w): return .run(.perform(w))
    }
  }
}
