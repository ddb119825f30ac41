import Domain
import Foundation

/// A step taken: the case as it was and as the step left it.
public struct Performed<State: Sendable & Equatable>: Sendable, Equatable {
  public var before: State
  public var after: State

}

extension Performed where State == Application {
  public var application: Application { after }
  /// The notices this step issued (受理通知书, 一次性告知书 …), in order.
  public var notices: [IssuedNotice] { Array(after.notices.dropFirst(before.notices.count)) }
}

extension Store {
  /// 办理 — one step on a case of any kind, the one entry point the panes, the command line and
  /// the demo use: inside one transaction the case is re-read (another clerk may have acted since
  /// the screen was drawn), the machine says whether the step is open to `staff` and decides its
  /// events; a refusal rolls back and is written to the refusal log.
  @discardableResult
  public func perform<C: CaseCommand>(_ command: C, on id: String, as staff: Staff) throws
    -> Performed<C.Machine.State>
  {
    typealias M = C.Machine
    // The law's own steps come first (视为受理): a clerk's step is judged on the case as it is.
    if M.self == ApplicationMachine.self { try recordDeemedAcceptance(caseID: id) }
    let action = command.step.action
    return try write(actor: staff.login, action: action, subject: M.stream(id)) { tx in
      let context = caseContext(staff, tx)
      guard let before = try caseState(M.self, id) else { throw M.missing(id) }
      try tx.append(try M.attempt(before, command, context).get())
      guard let after = try caseState(M.self, id) else { throw M.missing(id) }
      return Performed(before: before, after: after)
    }
  }

  /// Why `step` is not open to `staff` on `state` now (nil: it is): what a pane shows or hides a
  /// key by, the same answer `perform` gives.
  public func availability<S: CaseStep>(
    _ step: S, on state: S.Machine.State, for staff: Staff, at now: Date
  ) -> Refusal? {
    S.Machine.availability(state, step, caseContext(staff, nil, at: now))
  }

  /// The steps open to `staff` on `state` now.
  public func availableSteps<M: CaseMachine>(
    on state: M.State, of machine: M.Type = M.self, for staff: Staff, at now: Date
  ) -> [M.Step] {
    M.availableSteps(state, caseContext(staff, nil, at: now))
  }

  /// A case as the fold of its events (nil when there is none), without the events held at
  /// import (`sync.held`), as its projection is folded: a step is judged on the case the clerk
  /// sees.
  public func caseState<M: StreamReducer>(_ machine: M.Type, _ id: String) throws -> M.State? {
    let stream = M.stream(id)
    var events = try Journal.events(stream: stream, db: db)
    guard !events.isEmpty else { return nil }
    let held = try heldEvents(of: stream)
    if !held.isEmpty {
      events.removeAll { e in held.contains { $0.origin == e.origin && $0.seq == e.seq } }
    }
    return M.fold(events, foldContext).state
  }

  /// The context of a decision: inside `tx` when the step is being written, else a read at
  /// `now` (the screen's time; the store's clock when not given).
  func caseContext(_ staff: Staff, _ tx: WriteContext?, at now: Date? = nil) -> CaseContext {
    CaseContext(
      staff: staff, now: tx?.now ?? now ?? clock(), fold: foldContext, node: node,
      lookup: StoreCaseLookup(store: self, tx: tx))
  }
}

/// The store's answers to a case machine; what draws numbers or records needs the transaction.
struct StoreCaseLookup: CaseLookup {
  let store: Store
  let tx: WriteContext?

  func organisation(_ code: String) throws -> Organisation? { try store.organisation(code) }
  func complaint(_ id: String) throws -> Complaint? { try store.complaint(id: id) }
  func ruleTable() throws -> RuleTable { try store.ruleTable() }
  func staffMember(_ login: String) throws -> Staff? { try store.staff(login: login) }

  func catalogDecisionContext(itemCode: String, excluding changeID: String) throws
    -> CatalogDecisionContext
  {
    let names = try store.organisationNames()
    var ctx = CatalogDecisionContext(
      history: try store.catalogHistory(code: itemCode), organisations: Set(names.keys),
      pendingChange: try store.pendingCatalogChange(itemCode: itemCode, excluding: changeID))
    ctx.centre = try store.centreOrganisations()
    ctx.organisationNames = names
    return ctx
  }

  func openListAdjustments(touching itemCode: String) throws -> [String] {
    try store.db.values(
      "id", of: "list_adjustment", as: String.self,
      """
      SELECT a.id FROM list_adjustment_item li JOIN list_adjustment a ON a.id = li.id
      WHERE li.code = ? AND li.settled_by IS NULL AND a.state = 'open' ORDER BY a.id
      """, [itemCode])
  }

  func noticeNumber(_ kind: NoticeKind) throws -> String {
    let tx = try transaction()
    return kind.number(
      node: store.node.code, year: tx.today.year, serial: try tx.nextNumber(series: kind.series))
  }

  func recordRating(_ input: RatingInput) throws -> (rating: String, rectification: String?) {
    let (rating, rectification) = try store.recordRating(input, tx: try transaction())
    return (rating, rectification)
  }

  func transaction() throws -> WriteContext {
    guard let tx else { throw Refusal("只能在办理时登记(没有写入事务)") }
    return tx
  }
}
