import Foundation

/// 案件状态机 — the one shape of every kind of case (投诉建议, 办件, 差评整改, 事项变更).
///
/// The fold (`StreamReducer.apply`) says what an event does to the state; `decide` turns a
/// clerk's command into the events to append (building their payloads, so no caller writes a
/// payload by hand); `availability` says whether a step may be taken now and, when not, why —
/// the one answer a pane shows or hides a key by, and the store checks before deciding;
/// `openDeadlines` lists the clocks the 督办 index keeps.
public protocol CaseMachine: StreamReducer {
  /// What a clerk asks for, with everything they typed.
  associatedtype Command: CaseCommand where Command.Machine == Self
  /// The kinds of step, without inputs: what a key stands for.
  associatedtype Step: CaseStep where Step.Machine == Self

  /// The events for `command` on `state`, or why it may not happen. Availability is checked
  /// first by the caller (`CaseMachine.attempt`); `decide` adds the checks of the inputs.
  static func decide(_ state: State, _ command: Command, _ context: CaseContext) -> Result<
    [EventDraft], Refusal
  >

  /// Why `step` is not open to the context's staff on `state` now (permission, then the state's
  /// rules); nil when it is.
  static func availability(_ state: State, _ step: Step, _ context: CaseContext) -> Refusal?

  /// The clocks of the case still running, for the deadline index.
  static func openDeadlines(_ state: State, _ calendar: WorkCalendar) -> [OpenDeadline]

  /// What the clerk reads when the case number names no case.
  static func missing(_ id: String) -> Refusal

  /// What the actor of a recorded event needed, on the case as the events before it left it
  /// (`CaseAuthority`); `unknown` by default.
  static func authority(of e: Event, on state: State?) -> CaseAuthority<Step>
}

/// A command of one case machine (the machine is found from the command's type).
public protocol CaseCommand: Sendable {
  associatedtype Machine: CaseMachine where Machine.Command == Self
  /// The kind of step this command takes.
  var step: Machine.Step { get }
}

/// A kind of step of one case machine (what a key stands for).
public protocol CaseStep: Hashable, Sendable, CaseIterable {
  associatedtype Machine: CaseMachine where Machine.Step == Self
  /// The action (roles, own organisation only) the step needs of its actor.
  var action: Action { get }
}

extension CaseMachine {
  /// Availability, then the decision: the events a command appends, or the refusal.
  public static func attempt(_ state: State, _ command: Command, _ context: CaseContext)
    -> Result<[EventDraft], Refusal>
  {
    if let refusal = availability(state, command.step, context) { return .failure(refusal) }
    return decide(state, command, context)
  }

  /// The steps open to the context's staff now, in declaration order (a menu's order).
  public static func availableSteps(_ state: State, _ context: CaseContext) -> [Step] {
    Step.allCases.filter { availability(state, $0, context) == nil }
  }

  /// The permission part of availability: the step's action for the organisation that owns the
  /// case.
  static func permission(
    _ step: Step, _ context: CaseContext, organisation: String?, name: String? = nil
  ) -> Refusal? {
    Permission.check(
      context.staff, step.action, organisation: organisation,
      organisationName: name ?? organisation.flatMap { context.organisationName($0) })
  }
}

/// What a decision may consult besides the state and the command: who acts, when, under which
/// calendar, and what the store knows (inside the step's transaction when it is written).
public struct CaseContext {
  public var staff: Staff
  public var now: Date
  public var fold: FoldContext
  /// The node the step is taken on (事项库 and other district data are kept at the district's).
  public var node: NodeIdentity
  public var lookup: any CaseLookup

  public init(
    staff: Staff, now: Date, fold: FoldContext, node: NodeIdentity, lookup: any CaseLookup
  ) {
    self.staff = staff
    self.now = now
    self.fold = fold
    self.node = node
    self.lookup = lookup
  }

  public var today: CivilDate { fold.zone.civilDate(now) }
  public var calendar: WorkCalendar { fold.calendar }

  /// Why district data may not be changed here: it is kept at the district's node (第十三条).
  func districtOnly(_ what: String) -> Refusal? {
    node.isDistrict
      ? nil : Refusal("\(what)由区级节点统一维护,本节点(\(node.name))通过同步接收", article: "第十三条")
  }

  /// An organisation's name for a message (the code when it cannot be read).
  func organisationName(_ code: String) -> String? {
    do { return try lookup.organisation(code)?.name } catch { return nil }
  }
}

/// What a case machine may ask of the store. Reads answer inside the step's transaction when the
/// step is written; the recording functions are called only by `decide`, which runs only there.
public protocol CaseLookup {
  func organisation(_ code: String) throws -> Organisation?
  /// Another complaint (the other side of a merge).
  func complaint(_ id: String) throws -> Complaint?
  func ruleTable() throws -> RuleTable
  /// What a catalog change is judged against: the item's versions, the organisations, another
  /// open change of the item.
  func catalogDecisionContext(itemCode: String, excluding changeID: String) throws
    -> CatalogDecisionContext
  /// Open list adjustments that wait for the item (settled when a version takes effect).
  func openListAdjustments(touching itemCode: String) throws -> [String]
  /// The next number of a notice series (文书编号), drawn in the step's transaction.
  func noticeNumber(_ kind: NoticeKind) throws -> String
  /// Records an applicant's rating (好差评) in the step's transaction: the rating's id and the
  /// rectification case a bad one opened.
  func recordRating(_ input: RatingInput) throws -> (rating: String, rectification: String?)
  /// A staff member by login (an assignment's assignee), nil when there is none.
  func staffMember(_ login: String) throws -> Staff?
  /// 关联: the one case `text` names (a number, its last digits, a phone …) among those
  /// `staff` may see; refused, in the clerk's words, when none or several are found.
  func linkTarget(_ text: String, for staff: Staff) throws -> CaseLinkTarget
  /// Whether `target` already links to the case numbered `caseID` (a link shows both ways).
  func linksBack(_ target: CaseLinkTarget, to caseID: String) throws -> Bool
}

extension CaseLookup {
  public func linkTarget(_ text: String, for staff: Staff) throws -> CaseLinkTarget {
    throw Refusal("本节点不能查找关联案件")
  }

  public func linksBack(_ target: CaseLinkTarget, to caseID: String) throws -> Bool { false }
}
