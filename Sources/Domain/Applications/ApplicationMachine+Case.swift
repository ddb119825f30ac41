import Foundation

/// Applications as a case machine: commands become changes (their notices numbered only when
/// the change is allowed), availability is the permission of the desk or the implementing
/// organisation and the state's rules.
extension ApplicationMachine: CaseMachine {
  public static func missing(_ id: String) -> Refusal {
    Refusal("办件\(FieldText.sanitizeForDisplay(id))不存在")
  }

  public static func decide(
    _ state: Application, _ command: ApplicationCommand, _ context: CaseContext
  ) -> Result<[EventDraft], Refusal> {
    let step = StepContext(caseID: state.caseID, context)
    return Result {
      var (change, _) = try decided(state, command, step) { try context.lookup.noticeNumber($0) }
      if case .rated(let p) = change {
        // The rating itself belongs to 好差评: recorded in this same transaction, a bad one
        // opens its rectification case; the case keeps the references.
        change = try rated(p, of: state, step, context)
      }
      return [change.draft(caseID: state.caseID)]
    }.mapError { $0 as? Refusal ?? Refusal("操作失败:\($0)") }
  }

  /// Records the applicant's rating with the 好差评 feature and returns the case's change with
  /// the rating's references.
  static func rated(
    _ p: RatingPayload, of a: Application, _ step: StepContext, _ context: CaseContext
  ) throws -> ApplicationChange {
    guard let level = RatingLevel(title: p.level) else { throw Refusal("评价等级「\(p.level)」无效") }
    // 谁办理、谁负责: the implementing organisation owns the item and any rectification.
    let input = RatingInput(
      channel: .counter, serviceCaseID: a.caseID, itemCode: a.item.code, itemName: a.item.name,
      organisation: a.item.organisation, level: level, comment: p.comment, realName: p.realName,
      reviewerName: p.realName ? a.applicant.name : nil,
      reviewerPhone: p.realName ? a.applicant.phone : nil, ratedOn: step.date)
    let (ratingID, rectificationID) = try context.lookup.recordRating(input)
    var linked = p
    linked.ratingID = ratingID
    linked.rectificationID = rectificationID
    let change = ApplicationChange.rated(linked)
    if case .failure(let r) = next(a, change, step) { throw r }
    return change
  }

  public static func availability(
    _ a: Application, _ step: ApplicationStep, _ context: CaseContext
  ) -> Refusal? {
    let c = StepContext(caseID: a.caseID, context)
    return permission(a, step.action, context) ?? deemedBarrier(a, c) ?? stateRefusal(a, step, c)
  }

  /// The permission of `action` on `a`: the implementing organisation's, or the service
  /// centre's counters for the desk's steps.
  public static func permission(_ a: Application, _ action: Action, _ context: CaseContext)
    -> Refusal?
  {
    let staff = context.staff
    let atCentre: Bool
    do {
      atCentre = try context.lookup.organisation(staff.org)?.kind == .district
    } catch {
      return Refusal("无法读取单位「\(staff.org)」:\(error)")
    }
    let org = ApplicationActions.organisation(
      for: action, staff: staff, implementing: a.item.organisation, staffAtServiceCentre: atCentre)
    return Permission.check(
      staff, action, organisation: org,
      organisationName: org == a.item.organisation
        ? a.item.organisationName : context.organisationName(org))
  }

  public static func openDeadlines(_ a: Application, _ calendar: WorkCalendar) -> [OpenDeadline] {
    a.clocks(calendar).map {
      OpenDeadline(
        purpose: $0.purpose, kind: streamKind, caseID: a.caseID,
        // The 督办 board names the assignee (认领, 指派), else whoever reviews it.
        organisation: a.item.organisation, handler: a.work.assignee ?? a.review?.by,
        title: a.item.name,
        state: $0.state, start: $0.start, limitDays: $0.limitDays, due: $0.due, paused: $0.paused)
    }
  }
}

extension StepContext {
  /// The step context of an event appended at `now` by `actor`: the same day (in `zone`) and
  /// millisecond the journal records.
  public init(
    caseID: String, at now: Date, zone: DeploymentZone, actor: String, calendar: WorkCalendar
  ) {
    let ms = Int64((now.timeIntervalSince1970 * 1000).rounded())
    let instant = Date(timeIntervalSince1970: TimeInterval(ms) / 1000)
    self.init(
      caseID: caseID, date: zone.civilDate(instant), timestamp: ms, actor: actor,
      calendar: calendar)
  }

  /// The same at the context's instant, by its staff member.
  public init(caseID: String, _ context: CaseContext) {
    self.init(
      caseID: caseID, at: context.now, zone: context.fold.zone, actor: context.staff.login,
      calendar: context.calendar)
  }
}
