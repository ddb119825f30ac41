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
    if case .unlink(let other, let reason) = command,
      let recorded = try linkRecordedOnOtherEnd(M.self, id, other)
    {
      // The link was added on the other case: removed there, by its rules (`unlinkAtOtherEnd`).
      try unlinkAtOtherEnd(recorded, from: id, reason: reason, as: staff)
      guard let state = try caseState(M.self, id) else { throw M.missing(id) }
      return Performed(before: state, after: state)
    }
    return try write(actor: staff.login, action: command.step.action, subject: M.stream(id)) { tx in
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

  /// The stream of case `other` when it, not case `id`, recorded their link (nil: `id` did, or
  /// nobody did — the machine's own refusal says so).
  func linkRecordedOnOtherEnd<M: CaseWorkMachine>(_: M.Type, _ id: String, _ other: String)
    throws -> String?
  {
    guard let state = try caseState(M.self, id),
      !(M.links(state) + M.fixedLinks(state)).contains(where: {
        FindKey.normalised($0) == FindKey.normalised(other)
      }),
      let key = FindKey.link(id).first
    else { return nil }
    let probe = FindQuery.Probe(
      field: .number, key: FindKey.key(.number, FindKey.normalised(other)), prefix: false)
    for stream in try findStreams(probe) {
      let names = try db.fetchOne(
        "SELECT 1 FROM case_find WHERE stream = ? AND key = ?", [stream, key]
      ) { _ in true }
      if names == true { return stream }
    }
    return nil
  }

  /// 取消关联 from the end that did not record the link: the removal is written on the stream
  /// that holds it, judged by that case's rules (the operator must be able to work it).
  func unlinkAtOtherEnd(_ stream: String, from id: String, reason: String, as staff: Staff)
    throws
  {
    let otherID = String(splitStream(stream).id)
    let command = CaseWorkCommand.unlink(case: id, reason: reason)
    switch FoundCase.Kind(stream: stream) {
    case .application?:
      try performWork(command, on: otherID, of: ApplicationMachine.self, as: staff)
    case .complaint?: try performWork(command, on: otherID, of: ComplaintMachine.self, as: staff)
    case .rectification?:
      try performWork(command, on: otherID, of: RectificationMachine.self, as: staff)
    case nil: throw Refusal("关联案件 \(otherID) 的类型无法识别")
    }
  }
}
