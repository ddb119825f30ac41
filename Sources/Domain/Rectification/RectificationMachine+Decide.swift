import Foundation

extension Action {
  /// 登记评价 — by hand from other channels (the counter records its own at conclusion).
  public static let registerRating = Action(
    "rating.register", "登记评价", roles: [.counter, .supervisor])
  /// 办理差评整改 — verify, classify, extend, feed back: the organisation that served (谁办理、谁负责).
  public static let handleRectification = Action(
    "rectification.handle", "办理差评整改", roles: [.handler], ownOrganisationOnly: true)
  /// 复核无效差评申请 — the 好差评 management department (第三十七条(二)).
  public static let reviewInvalidRating = Action(
    "rectification.review", "复核无效差评申请", roles: [.supervisor])
  /// 回访 and closing without one (第三十七条(四)).
  public static let callBackRating = Action(
    "rectification.callback", "差评回访", roles: [.supervisor])
  /// 好差评统计 (第四十七、四十九条).
  public static let readRatingStatistics = Action(
    "rating.statistics", "查看好差评统计", roles: [.supervisor])
}

/// One step a clerk takes on a rectification case.
public enum RectificationCommand: CaseCommand, Equatable, Decodable {
  public typealias Machine = RectificationMachine

  // What the clerk entered; `decide` checks it and builds the event's payload.
  case verify(
    contact: ContactMethod, findings: String, claim: InvalidityKind? = nil,
    evidence: String? = nil, track: RectificationTrack? = nil)
  case review(approved: Bool, opinion: String)
  case classify(track: RectificationTrack, note: String = "")
  /// 申请延期: working days within the rule, the reason as told to the reviewer.
  case requestExtension(days: Int, reason: String, toldVia: ContactMethod)
  /// 审批延期: the new deadline of an approval is the decision's to work out.
  case decideExtension(approved: Bool, opinion: String)
  case feedback(measures: String)
  case callBack(method: ContactMethod, response: ReviewerResponse, record: String)
  case closeWithoutCallback(reason: String)

  public var step: RectificationStep {
    switch self {
    case .verify: return .verify
    case .review: return .review
    case .classify: return .classify
    case .requestExtension: return .requestExtension
    case .decideExtension: return .decideExtension
    case .feedback: return .feedback
    case .callBack: return .callBack
    case .closeWithoutCallback: return .closeWithoutCallback
    }
  }
}

/// The kinds of step, for menus and permissions.
public enum RectificationStep: String, CaseStep {
  public typealias Machine = RectificationMachine

  case verify, review, classify, requestExtension, decideExtension, feedback, callBack
  case closeWithoutCallback

  public var title: String {
    switch self {
    case .verify: return "核实"
    case .review: return "复核"
    case .classify: return "整改方式"
    case .requestExtension: return "申请延期"
    case .decideExtension: return "审批延期"
    case .feedback: return "整改反馈"
    case .callBack: return "回访"
    case .closeWithoutCallback: return "不回访办结"
    }
  }

  public var action: Action {
    switch self {
    case .verify, .classify, .requestExtension, .feedback: return .handleRectification
    case .decideExtension: return .approveRectificationExtension
    case .review: return .reviewInvalidRating
    case .callBack, .closeWithoutCallback: return .callBackRating
    }
  }
}

extension RectificationMachine: CaseMachine {
  public static func missing(_ id: String) -> Refusal { Refusal("整改案件 \(id) 不存在") }

  /// Checks a command's input against the calendar, then the transition (through `apply`), and
  /// returns the events to append — for an approved 复核 also the rating's `rating.invalidated`.
  public static func decide(
    _ state: Rectification, _ command: RectificationCommand, _ caseContext: CaseContext
  ) -> Result<[EventDraft], Refusal> {
    let limits = RectificationLimits.standard
    let context = caseContext.fold
    let now = caseContext.now
    let actor = caseContext.staff
    let today = context.zone.civilDate(now)
    var drafts: [EventDraft] = []
    let stream = Self.stream(state.id)
    do {
      switch command {
      case .verify(let contact, let findings, let claim, let evidence, let track):
        var v = RectificationVerified(
          contact: contact, findings: try text(findings, "核实情况", max: 500), claim: claim,
          evidence: evidence, track: track)
        if v.contact == .unreachable && state.rating.realName {
          throw Refusal("实名差评应立即联系评价人核实,不能选「未能联系」", article: "第三十七条")
        }
        if v.claim != nil {
          v.evidence = try text(v.evidence ?? "", "证明材料", max: 1000)
          v.track = nil
        } else {
          v.evidence = nil
        }
        drafts.append(EventDraft(stream: stream, type: .rectificationVerified, body: v))
      case .review(let approved, let opinion):
        let r = RectificationReviewed(
          approved: approved, opinion: try text(opinion, "复核意见", max: 500))
        drafts.append(EventDraft(stream: stream, type: .rectificationReviewed, body: r))
        if r.approved {
          drafts.append(
            EventDraft(
              stream: RatingReducer.stream(state.ratingID), type: .ratingInvalidated,
              body: RatingRectificationLink(rectificationID: state.id)))
        }
      case .classify(let track, let note):
        let c = RectificationClassified(
          track: track, note: try text(note, "说明", max: 200, required: false))
        drafts.append(EventDraft(stream: stream, type: .rectificationClassified, body: c))
      case .requestExtension(let days, let reason, let toldVia):
        let x = RectificationExtensionRequested(
          days: days, reason: try text(reason, "延期理由", max: 300), toldVia: toldVia)
        try checkExtensionRequest(state, x, today: today, context.calendar, limits)
        drafts.append(EventDraft(stream: stream, type: .rectificationExtensionRequested, body: x))
      case .decideExtension(let approved, let opinion):
        let d = RectificationExtensionDecided(
          approved: approved, opinion: try text(opinion, "审批意见", max: 300),
          newDue: approved
            ? state.extensionRequest.flatMap { extendedDue(state, $0, context.calendar) } : nil)
        drafts.append(EventDraft(stream: stream, type: .rectificationExtensionDecided, body: d))
      case .feedback(let measures):
        let f = RectificationFeedback(measures: try text(measures, "整改措施", max: 1000))
        drafts.append(EventDraft(stream: stream, type: .rectificationFeedback, body: f))
      case .callBack(let method, let response, let record):
        let c = RectificationCalledBack(
          method: method, response: response, record: try text(record, "回访记录", max: 500))
        if c.method == .unreachable && c.response != .unreachable {
          throw Refusal("未能联系评价人时,评价人意见应为「未能联系」")
        }
        drafts.append(EventDraft(stream: stream, type: .rectificationCalledBack, body: c))
      case .closeWithoutCallback(let reason):
        let c = RectificationClosedWithoutCallback(reason: try text(reason, "不回访原因", max: 300))
        drafts.append(
          EventDraft(stream: stream, type: .rectificationClosedWithoutCallback, body: c))
      }
    } catch let r as Refusal {
      return .failure(r)
    } catch {
      return .failure(Refusal("操作失败"))
    }
    // The transition rules are `apply`'s: try the event on the state as it stands.
    let trial = Event(
      origin: "", seq: 0, stream: stream, type: drafts[0].type, payload: drafts[0].payload,
      actor: actor.login, node: "", timestamp: Int64(now.timeIntervalSince1970 * 1000),
      prevHash: "", hash: "")
    if case .failure(let r) = apply(state, trial, context) { return .failure(r) }
    return .success(drafts)
  }

  /// Trimmed, checked text (length, control characters); throws the field's problem.
  static func text(_ value: String, _ field: String, max: Int, required: Bool = true) throws
    -> String
  {
    if let p = FieldText.check(
      value, field: field, required: required, maxLength: max, multiline: true)
    {
      throw Refusal(p.message)
    }
    return value.trimmingSpacesAndNewlines()
  }

  /// Why the step is not open to the context's staff now: permission for the serving
  /// organisation (supervisors for 复核 and 回访), then the case's phase and its rules.
  public static func availability(
    _ s: Rectification, _ step: RectificationStep, _ context: CaseContext
  ) -> Refusal? {
    if let r = permission(step, context, organisation: s.organisation) { return r }
    if s.phase == .closed { return Refusal("整改案件已办结,不能再办理") }
    if let r = phaseRefusal(s, step) { return r }
    switch step {
    case .review: return reviewRefusal(s, by: context.staff)
    case .classify:
      guard s.track == .complex else { return nil }
      return Refusal("已确定为情况复杂,不能再改为\(RectificationTrack.immediate.title)")
    case .requestExtension:
      guard s.track == .complex else { return extensionRefusal }
      if s.extensionRequest?.isPending == true { return pendingRefusal }
      return lateExtensionRefusal(s, today: context.today, context.calendar)
    case .decideExtension: return extensionDecisionRefusal(s, context)
    case .feedback: return s.track == nil ? trackMissing : nil
    case .closeWithoutCallback: return realNameCallbackRefusal(s)
    case .verify, .callBack: return nil
    }
  }

  /// Why the case's phase does not take `step` (the words `apply` uses too).
  public static func phaseRefusal(_ s: Rectification, _ step: RectificationStep) -> Refusal? {
    let (phase, what): (RectificationPhase, String)
    switch step {
    case .verify: (phase, what) = (.verifying, step.title)
    case .review: (phase, what) = (.awaitingReview, step.title)
    case .classify: (phase, what) = (.rectifying, "确定整改方式")
    case .requestExtension, .decideExtension, .feedback: (phase, what) = (.rectifying, step.title)
    case .callBack: (phase, what) = (.awaitingCallback, step.title)
    case .closeWithoutCallback: (phase, what) = (.awaitingCallback, "办结")
    }
    do {
      try require(s, phase, what)
      return nil
    } catch {
      return error as? Refusal
    }
  }

  /// 复核 (第三十七条(二)): by the 好差评 management department, never by the organisation that
  /// claimed the rating invalid nor by the clerk who claimed it.
  public static func reviewRefusal(_ s: Rectification, by staff: Staff) -> Refusal? {
    if staff.org == s.organisation {
      return Refusal("不能复核本单位提出的无效差评申请", article: "第三十七条")
    }
    if let claimant = s.claimedBy, claimant == staff.login {
      return Refusal("不能复核自己提出的无效差评申请", article: "第三十七条")
    }
    return nil
  }

  /// A real-name rating is closed only after a callback that reached the reviewer (第三十七条).
  public static func realNameCallbackRefusal(_ s: Rectification) -> Refusal? {
    s.rating.realName ? Refusal("实名差评须回访后才能办结", article: "第三十七条") : nil
  }

  static let extensionRefusal = Refusal("只有情况复杂的整改可以申请延期", article: "第三十七条")
  static let trackMissing = Refusal("请先确定整改方式(立行立改或情况复杂)")

  public static func openDeadlines(_ s: Rectification, _ calendar: WorkCalendar)
    -> [OpenDeadline]
  {
    guard let due = s.due(calendar) else { return [] }
    return [
      OpenDeadline(
        // 待核实 runs to the next working day's end: a verification deadline, not 办结's.
        purpose: s.phase == .verifying ? "verification" : "main",
        kind: streamKind, caseID: s.id, organisation: s.organisation, handler: s.work.assignee,
        title: "差评整改: \(s.rating.itemName)", state: s.stateTitle,
        start: s.phase == .verifying ? s.openedOn : s.stageStart,
        limitDays: s.extendedDue == nil ? s.limitDays() : nil, due: due)
    ]
  }
}
