import Foundation

/// 差评整改 stream `rectification/CASE-ID`: the state machine of 第三十七条.
///
/// `apply` holds the transition rules (which step may follow which), so a fold, a local command
/// and an imported event all obey the same ones; input, calendar and actor rules live in
/// `decide` (RectificationMachine+Decide.swift), which refuses before anything is written.
public enum RectificationMachine: StreamReducer {
  public static let streamKind = "rectification"

  public static func apply(_ state: Rectification?, _ event: Event, _ context: FoldContext)
    -> Result<Rectification, Refusal>
  {
    if let work = applyWork(state, event, context) { return work }
    let day = context.zone.civilDate(event.date)
    do {
      if event.type == .rectificationOpened {
        guard state == nil else { return .failure(Refusal("整改案件已存在,不能重复生成")) }
        let o = try event.decode(RectificationOpened.self)
        let id = String(splitStream(event.stream).id)
        return .success(
          Rectification(
            id: id, ratingID: o.ratingID, rating: o.rating, openedOn: day, at: event.timestamp))
      }
      guard var s = state else { return .failure(Refusal("整改案件不存在")) }
      if s.phase == .closed { return .failure(Refusal("整改案件已办结,不能再办理")) }
      switch event.type {
      case .rectificationVerified:
        try verify(&s, event.decode(RectificationVerified.self), event, day)
      case .rectificationReviewed:
        try review(&s, event.decode(RectificationReviewed.self), event, day)
      case .rectificationClassified:
        try classify(&s, event.decode(RectificationClassified.self))
      case .rectificationExtensionRequested:
        try requestExtension(&s, event.decode(RectificationExtensionRequested.self), event, day)
      case .rectificationExtensionDecided:
        try decideExtension(&s, event.decode(RectificationExtensionDecided.self), event, day)
      case .rectificationExtended:
        // Written before extensions needed approval: the handler's own new deadline.
        try require(s, .rectifying, "延期")
        guard s.track == .complex else { throw extensionRefusal }
        s.extendedDue = try event.decode(RectificationExtended.self).newDue
        s.extensions += 1
      case .rectificationFeedback:
        try require(s, .rectifying, "整改反馈")
        guard s.track != nil else { throw trackMissing }
        s.feedback = try event.decode(RectificationFeedback.self).measures
        s.phase = .awaitingCallback
        // Rectified within the deadline in force: an application still waiting lapses.
        if s.extensionRequest?.isPending == true { s.extensionRequest = nil }
      case .rectificationCalledBack:
        try callBack(&s, event.decode(RectificationCalledBack.self), day)
      case .rectificationClosedWithoutCallback:
        try require(s, .awaitingCallback, "办结")
        if let r = realNameCallbackRefusal(s) { throw r }
        s.noCallbackReason = try event.decode(RectificationClosedWithoutCallback.self).reason
        close(&s, .rectified, day)
      default:
        return .failure(Refusal("未知的整改事件 \(event.type)"))
      }
      s.updatedAt = event.timestamp
      return .success(s)
    } catch let r as Refusal {
      return .failure(r)
    } catch {
      return .failure(Refusal("整改事件内容无法解析"))
    }
  }

  static func require(_ s: State, _ phase: RectificationPhase, _ step: String) throws {
    guard s.phase == phase else {
      throw Refusal("案件处于「\(s.stateTitle)」,不能\(step)(须在「\(phase.title)」阶段)")
    }
  }

  static func verify(_ s: inout State, _ v: RectificationVerified, _ e: Event, _ day: CivilDate)
    throws
  {
    try require(s, .verifying, "核实")
    s.contact = v.contact
    s.findings = v.findings
    s.verifiedBy = e.actor
    switch (v.claim, v.track) {
    case (let claim?, nil):
      s.claim = claim
      s.evidence = v.evidence
      s.claimedBy = e.actor
      s.phase = .awaitingReview
    case (nil, let track?):
      s.track = track
      s.stageStart = day
      s.phase = .rectifying
    default:
      throw Refusal("核实结论应为「申请认定无效差评」或「情况属实、予以整改」之一")
    }
  }

  static func review(_ s: inout State, _ r: RectificationReviewed, _ e: Event, _ day: CivilDate)
    throws
  {
    try require(s, .awaitingReview, "复核")
    s.reviewApproved = r.approved
    s.reviewedBy = e.actor
    if r.approved {
      close(&s, .invalid, day)
    } else {
      // > 复核未通过则转入差评整改阶段 (第三十七条(二)); the handler then chooses how.
      s.phase = .rectifying
      s.track = nil
      s.stageStart = day
    }
  }

  static func classify(_ s: inout State, _ c: RectificationClassified) throws {
    try require(s, .rectifying, "确定整改方式")
    if s.track == .complex {
      throw Refusal("已确定为情况复杂,不能再改为\(c.track.title)")
    }
    if s.track == c.track { throw Refusal("整改方式已是\(c.track.title)") }
    s.track = c.track
  }

  static func callBack(_ s: inout State, _ c: RectificationCalledBack, _ day: CivilDate) throws {
    try require(s, .awaitingCallback, "回访")
    s.callbackAttempts += 1
    s.lastResponse = c.response
    switch c.response {
    case .satisfied, .basicallySatisfied:
      s.calledBack = true
      close(&s, .rectified, day)
    case .dissatisfied:
      // The reviewer is not satisfied with what was changed: another round of rectification.
      s.calledBack = true
      s.rounds += 1
      s.phase = .rectifying
      s.track = nil
      s.extendedDue = nil
      s.extensionRequest = nil
      s.stageStart = day
    case .unreachable:
      break  // The attempt is recorded; a real-name review waits for a callback that reaches them.
    }
  }

  static func close(_ s: inout State, _ outcome: RectificationOutcome, _ day: CivilDate) {
    s.phase = .closed
    s.outcome = outcome
    s.closedOn = day
  }
}
