/// One running (or stopped) clock of an application, as the deadline index stores it.
public struct ApplicationClock: Equatable, Sendable {
  /// `intake` before acceptance, `main` for the promised limit, `clockStop` for a special step.
  public var purpose: String
  /// The case state in the clerk's words (待受理, 审查中, 暂停(现场勘验) …).
  public var state: String
  public var start: CivilDate
  public var limitDays: Int
  public var due: CivilDate
  /// The clock is stopped: the countdown shows 暂停.
  public var paused: Bool
}

/// 时限 — deadlines counted in working days from the calendar, never from the wall clock: the fold
/// of the same events gives the same dates on every node.
extension Application {
  /// The last day of the 网上预审 limit, while the case awaits pre-review (nil otherwise).
  /// After this day the application is deemed accepted (行政许可法 第三十二条).
  public func preReviewLimitEnd(_ calendar: WorkCalendar) -> CivilDate? {
    guard status == .awaitingPreReview else { return nil }
    return calendar.deadline(receivedAt: intakeStartedOn, workingDays: preReviewDays)
  }

  /// Whether the law has accepted it by `today` without a pre-review, so an event must record it.
  public func isDeemedAccepted(today: CivilDate, _ calendar: WorkCalendar) -> Bool {
    guard let end = preReviewLimitEnd(calendar) else { return false }
    return today > end
  }

  /// Working days a finished clock stop took: the days after its start up to and including its
  /// end day. The main clock counts the start day and resumes counting after the end day.
  static func length(of stop: ClockStop, _ calendar: WorkCalendar) -> Int {
    guard let end = stop.endedOn else { return stop.promisedDays }
    return max(0, calendar.workingDays(after: stop.startedOn, through: end))
  }

  /// 办结期限 — the promised limit counted from acceptance, pushed back by every clock stop (a
  /// running one by its promised duration).
  ///
  /// Counting in ordinals makes this one deadline computation however many stops there were:
  /// the due day is the working day `promised + Σ stop lengths` after the acceptance day.
  public func mainDue(_ calendar: WorkCalendar) -> CivilDate? {
    guard let acceptedOn else { return nil }
    let stopped = stops.reduce(0) { $0 + Self.length(of: $1, calendar) }
    let extended = limitExtension?.days ?? 0
    return calendar.deadline(
      receivedAt: acceptedOn, workingDays: item.promisedDays + stopped + extended)
  }

  /// 按时办结 — for a concluded case, whether it was concluded by its 办结期限 (the promised
  /// limit pushed back by its clock stops); nil for a case not concluded (open, 不予受理, 撤回).
  public func concludedOnTime(_ calendar: WorkCalendar) -> Bool? {
    guard status == .concluded, let closedOn, let due = mainDue(calendar) else { return nil }
    return closedOn <= due
  }

  /// The open clocks: none once the case is closed.
  public func clocks(_ calendar: WorkCalendar) -> [ApplicationClock] {
    guard status.isOpen else { return [] }
    switch status {
    case .awaitingPreReview, .awaitingAcceptance:
      return [
        ApplicationClock(
          purpose: "intake", state: status.title, start: intakeStartedOn,
          limitDays: preReviewDays,
          due: calendar.deadline(receivedAt: intakeStartedOn, workingDays: preReviewDays),
          paused: false)
      ]
    case .awaitingSupplement:
      // The organisation waits on the applicant: no clock runs, the row only says so.
      let since = supplementRequests.last?.on ?? intakeStartedOn
      return [
        ApplicationClock(
          purpose: "intake", state: status.title, start: intakeStartedOn,
          limitDays: preReviewDays, due: since, paused: true)
      ]
    default:
      guard let acceptedOn, let due = mainDue(calendar) else { return [] }
      var out = [
        ApplicationClock(
          purpose: "main", state: statusText, start: acceptedOn, limitDays: item.promisedDays,
          due: due, paused: runningStop != nil)
      ]
      if let s = runningStop {
        out.append(
          ApplicationClock(
            purpose: "clockStop", state: s.kind.title, start: s.startedOn,
            limitDays: s.promisedDays,
            due: s.promisedEnd(calendar),
            paused: false))
      }
      return out
    }
  }

  /// The clock a queue shows: the case's own (intake or main), not a clock stop's.
  public func queueClock(_ calendar: WorkCalendar) -> ApplicationClock? {
    clocks(calendar).first
  }
}
