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
public enum RectificationCommand: Equatable, Sendable {
  case verify(RectificationVerified)
  case review(RectificationReviewed)
  case classify(RectificationClassified)
  case extend(RectificationExtended)
  case feedback(RectificationFeedback)
  case callBack(RectificationCalledBack)
  case closeWithoutCallback(RectificationClosedWithoutCallback)

  public var step: RectificationStep {
    switch self {
    case .verify: return .verify
    case .review: return .review
    case .classify: return .classify
    case .extend: return .extend
    case .feedback: return .feedback
    case .callBack: return .callBack
    case .closeWithoutCallback: return .closeWithoutCallback
    }
  }
}

/// The kinds of step, for menus and permissions.
public enum RectificationStep: String, CaseIterable, Sendable {
  case verify, review, classify, extend, feedback, callBack, closeWithoutCallback

  public var title: String {
    switch self {
    case .verify: return "核实"
    case .review: return "复核"
    case .classify: return "整改方式"
    case .extend: return "延期"
    case .feedback: return "整改反馈"
    case .callBack: return "回访"
    case .closeWithoutCallback: return "不回访办结"
    }
  }

  public var action: Action {
    switch self {
    case .verify, .classify, .extend, .feedback: return .handleRectification
    case .review: return .reviewInvalidRating
    case .callBack, .closeWithoutCallback: return .callBackRating
    }
  }
}

extension RectificationReducer {
  /// Checks a command against its input, the actor and the calendar, then against the state
  /// (through `apply`), and returns the events to append — for an approved 复核 also the
  /// rating's `rating.invalidated`.
  public static func decide(
    _ state: Rectification, _ command: RectificationCommand, actor: Staff, now: Date,
    context: FoldContext, limits: RectificationLimits = .standard
  ) -> Result<[EventDraft], Refusal> {
    let today = context.zone.civilDate(now)
    var drafts: [EventDraft] = []
    let stream = Self.stream(state.id)
    do {
      switch command {
      case .verify(var v):
        v.findings = try text(v.findings, "核实情况", max: 500)
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
      case .review(var r):
        r.opinion = try text(r.opinion, "复核意见", max: 500)
        if actor.org == state.organisation {
          throw Refusal("不能复核本单位提出的无效差评申请", article: "第三十七条")
        }
        if let claimant = state.claimedBy, claimant == actor.login {
          throw Refusal("不能复核自己提出的无效差评申请", article: "第三十七条")
        }
        drafts.append(EventDraft(stream: stream, type: .rectificationReviewed, body: r))
        if r.approved {
          drafts.append(
            EventDraft(
              stream: RatingReducer.stream(state.ratingID), type: .ratingInvalidated,
              body: RatingRectificationLink(rectificationID: state.id)))
        }
      case .classify(var c):
        c.note = try text(c.note, "说明", max: 200, required: false)
        drafts.append(EventDraft(stream: stream, type: .rectificationClassified, body: c))
      case .extend(var x):
        x.reason = try text(x.reason, "延期理由", max: 300)
        try checkExtension(state, x, today: today, context.calendar, limits)
        drafts.append(EventDraft(stream: stream, type: .rectificationExtended, body: x))
      case .feedback(var f):
        f.measures = try text(f.measures, "整改措施", max: 1000)
        drafts.append(EventDraft(stream: stream, type: .rectificationFeedback, body: f))
      case .callBack(var c):
        c.record = try text(c.record, "回访记录", max: 500)
        if c.method == .unreachable && c.response != .unreachable {
          throw Refusal("未能联系评价人时,评价人意见应为「未能联系」")
        }
        drafts.append(EventDraft(stream: stream, type: .rectificationCalledBack, body: c))
      case .closeWithoutCallback(var c):
        c.reason = try text(c.reason, "不回访原因", max: 300)
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

  /// > 确需延长处置时间的……可适当延长,但需向评价人说明理由 (第三十七条(三)).
  static func checkExtension(
    _ s: Rectification, _ x: RectificationExtended, today: CivilDate, _ calendar: WorkCalendar,
    _ limits: RectificationLimits
  ) throws {
    if x.toldVia == .unreachable && s.rating.realName {
      throw Refusal("延期须向评价人说明理由,实名评价不能选「未能联系」", article: "第三十七条")
    }
    guard s.phase == .rectifying, s.track == .complex, let due = s.due(calendar, limits) else {
      return  // `apply` gives the reason.
    }
    if today > due {
      throw Refusal("已超过整改期限(\(due.iso)),不能再延期;请尽快整改并反馈")
    }
    guard x.newDue > due else {
      throw Refusal("新的截止日期应晚于现在的截止日期 \(due.iso)")
    }
    guard calendar.isWorkingDay(x.newDue) else {
      throw Refusal("新的截止日期 \(x.newDue.iso) 不是工作日")
    }
    let latest = calendar.deadline(receivedAt: due, workingDays: limits.maxExtensionDays)
    guard x.newDue <= latest else {
      throw Refusal("每次延期不超过\(limits.maxExtensionDays)个工作日,最晚可延至 \(latest.iso)")
    }
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

  /// The steps this staff member can take now, in the order a menu shows them.
  public static func steps(_ s: Rectification, for staff: Staff) -> [RectificationStep] {
    let handles =
      staff.has(.handler) && (staff.org == s.organisation || staff.has(.supervisor))
    let supervises = staff.has(.supervisor)
    switch s.phase {
    case .verifying:
      return handles ? [.verify] : []
    case .awaitingReview:
      return supervises && staff.org != s.organisation && staff.login != s.claimedBy
        ? [.review] : []
    case .rectifying:
      guard handles else { return [] }
      var out: [RectificationStep] = []
      if s.track != .complex { out.append(.classify) }
      if s.track == .complex { out.append(.extend) }
      if s.track != nil { out.append(.feedback) }
      return out
    case .awaitingCallback:
      guard supervises else { return [] }
      return s.rating.realName ? [.callBack] : [.callBack, .closeWithoutCallback]
    case .closed:
      return []
    }
  }
}
