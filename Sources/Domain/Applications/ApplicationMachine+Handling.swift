extension ApplicationMachine {
  /// 审查 — the implementing organisation takes up the accepted case.
  static func startReview(_ n: inout Application, _ opinion: String, _ c: StepContext)
    -> Refusal?
  {
    written(&n, opinion, "审查意见", required: false) {
      $0.status = .underReview
      $0.review = StepRecord(on: c.date, by: c.actor, text: opinion)
    }
  }

  /// 特别程序 — stops the main clock for its own promised duration (第十一条).
  static func stopClock(_ n: inout Application, _ p: ClockStopPayload, _ c: StepContext)
    -> Refusal?
  {
    guard ApplicationRules.clockStopDays.contains(p.days) else {
      return Refusal(
        "特别程序承诺时长应为\(ApplicationRules.clockStopDays.lowerBound)至\(ApplicationRules.clockStopDays.upperBound)个工作日"
      )
    }
    if let r = ApplicationRules.checkText(p.reason, "特别程序事由", required: true) { return r }
    n.stops.append(
      ClockStop(
        kind: p.kind, promisedDays: p.days, reason: p.reason, startedOn: c.date,
        startedBy: c.actor, notice: p.notice))
    let end = c.calendar.deadline(receivedAt: c.date, workingDays: p.days)
    n.notices.append(
      IssuedNotice(
        kind: .clockStop, number: p.notice, issuedOn: c.date, issuedBy: c.actor,
        values: [
          "程序名称": p.kind.title, "程序时长": "\(p.days)个工作日", "程序事由": p.reason,
          "开始日期": NoticeTemplate.chineseDate(c.date),
          "预计结束日期": NoticeTemplate.chineseDate(end),
        ]))
    return nil
  }

  static func resumeClock(_ n: inout Application, _ note: String, _ c: StepContext) -> Refusal? {
    // `stateRefusal` has checked that the last stop is running.
    written(&n, note, "特别程序结果", required: false) {
      $0.endRunningStop(on: c.date, by: c.actor, note: note)
    }
  }

  /// 决定 — once; a denial needs its reason.
  static func decide(_ n: inout Application, _ p: DecisionPayload, _ c: StepContext) -> Refusal? {
    if let r = ApplicationRules.checkText(
      p.reason, p.decision == .denied ? "不予准予理由" : "决定说明", required: p.decision == .denied)
    {
      return r
    }
    n.status = .decided
    n.decision = p.decision
    n.decisionRecord = StepRecord(on: c.date, by: c.actor, text: p.reason)
    return nil
  }

  /// 办结 — the result handed over: certificate, delivery, fee.
  static func conclude(_ n: inout Application, _ p: ConclusionPayload, _ c: StepContext)
    -> Refusal?
  {
    guard let decision = n.decision else {
      return Refusal("办件\(n.caseID)\(n.status.title),作出决定后才能办结")
    }
    if let r = ApplicationRules.checkConclusion(p, decision: decision) { return r }
    // The notice's values are those of the case before this step.
    let values = ApplicationRules.conclusionValues(n, p, c.date)
    n.status = .concluded
    n.closedOn = c.date
    n.conclusion = ApplicationConclusion(
      certificateName: p.certificateName, certificateNumber: p.certificateNumber,
      delivery: p.delivery, trackingNumber: p.trackingNumber, feeFen: p.feeFen, on: c.date,
      by: c.actor)
    n.notices.append(
      IssuedNotice(
        kind: decision == .approved ? .conclusion : .denial, number: p.notice, issuedOn: c.date,
        issuedBy: c.actor, values: values))
    return nil
  }
}

extension ApplicationMachine {
  /// 延长审批 — the promised limit extended once by `days`, with the reason told to the applicant
  /// in a written notice (行政许可法 第四十二条).
  static func extendLimit(_ n: inout Application, _ p: LimitExtensionPayload, _ c: StepContext)
    -> Refusal?
  {
    let range = ApplicationRules.extensionDays
    guard range.contains(p.days) else {
      return Refusal(
        "延长期限应为\(range.lowerBound)至\(range.upperBound)个工作日", article: "行政许可法第四十二条")
    }
    if let r = ApplicationRules.checkText(p.reason, "延长理由", required: true) { return r }
    let before = n.mainDue(c.calendar)
    n.limitExtension = LimitExtension(
      days: p.days, reason: p.reason, on: c.date, by: c.actor, notice: p.notice)
    let after = n.mainDue(c.calendar)
    n.notices.append(
      IssuedNotice(
        kind: .extension, number: p.notice, issuedOn: c.date, issuedBy: c.actor,
        values: [
          "延长期限": "\(p.days)个工作日", "延长理由": p.reason,
          "原办结期限": before.map(NoticeTemplate.chineseDate) ?? "",
          "延长后办结期限": after.map(NoticeTemplate.chineseDate) ?? "",
        ]))
    return nil
  }
}
