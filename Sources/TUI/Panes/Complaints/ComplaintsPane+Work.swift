import Domain
import Store

/// 备注、认领、指派、转办 in the complaint case view: the shared `CaseWorkFlow` in the pane's flow.
extension ComplaintsPane {
  func workSubject(_ c: Complaint) -> CaseWorkSubject {
    CaseWorkSubject.of(
      ComplaintMachine.self, c, organisationName: c.handlingOrgName, due: c.due, names: names,
      organisations: organisations)
  }

  /// Why the operator may not do case work `key` on `c` now (nil: they may).
  func workRefusal(_ key: CaseWorkKey, _ c: Complaint, _ ctx: AppContext) -> Refusal? {
    let refusals = key.steps.map {
      service.workAvailability($0, on: c, of: ComplaintMachine.self, for: ctx.staff, at: ctx.now)
    }
    return refusals.contains { $0 == nil } ? nil : refusals.last ?? nil
  }

  mutating func startWork(_ key: CaseWorkKey, _ c: Complaint, _ ctx: AppContext)
    -> Update<ComplaintEffect>
  {
    let key = key.resolved { workRefusal(CaseWorkKey($0), c, ctx) == nil }
    if let r = workRefusal(key, c, ctx) {
      return Update<ComplaintEffect>.toast(.error(r.description)).then(
        .logRefusal(key.step.action, subject: ComplaintMachine.stream(c.id), reason: r.description))
    }
    do {
      let colleagues = key == .assign ? try service.colleagues(of: c.handlingOrg) : []
      let claimant = workRefusal(CaseWorkKey(.claim), c, ctx) == nil ? ctx.staff.login : nil
      flow.openWork(
        key,
        workSubject(c).linking(service, .complaint, for: ctx.staff).claimable(by: claimant),
        colleagues: colleagues,
        organisations: organisations,
        purpose: { .work($0) }, work: { .caseWork($0, id: c.id) })
    } catch {
      return .toast(.error(CLI.message(for: error)))
    }
    return .handled
  }

  mutating func submitWork(_ form: Form, _ p: CaseWorkPurpose, _ ctx: AppContext)
    -> Update<ComplaintEffect>
  {
    guard let c = detail?.complaint else {
      flow.close()
      return .handled
    }
    switch flow.submittedWork(
      form, p, workSubject(c), purpose: { .work($0) }, work: { .caseWork($0, id: c.id) },
      preview: service.workPreview(
        ComplaintMachine.self, c, for: ctx.staff, at: ctx.now, ctx.calendar))
    {
    case .shown, .closed: return .handled
    case .refused(let response): return Update(response)
    case .perform(let w): return .run(.perform(w))
    }
  }
}
