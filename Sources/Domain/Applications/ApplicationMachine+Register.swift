import Foundation

// The two events that open and advance a case without a clerk's step command: 登记 and the
// law's 视为受理. Their payloads are built here, from the inputs, and checked by `next`, as
// `decide` builds every other step's.

extension ApplicationMachine {
  /// 登记 — the new case and its `application.registered` event: the item's current version
  /// snapshotted into the case, the applicant normalised, the note trimmed.
  public static func registration(
    of applicant: Applicant, channel: ApplicationChannel, note: String,
    materials: [MaterialStatus], item: DirectoryItem, registeredOrg: String, preReviewDays: Int,
    assistance: ApplicationAssistance = ApplicationAssistance(),
    platform: PlatformSubmission? = nil, _ step: StepContext
  ) -> Result<(Application, EventDraft), Refusal> {
    // 代办和帮办 is written only when there is some: other registrations keep their payload.
    let assisted =
      assistance.isEmpty
      ? nil
      : ApplicationAssistance(
        agent: assistance.agent?.normalized, helped: assistance.helped, groups: assistance.groups)
    let change = ApplicationChange.registered(
      ApplicationRegistered(
        item: item.snapshot, applicant: applicant.normalized, channel: channel,
        note: note.trimmingSpacesAndNewlines(), materials: materials,
        registeredOrg: registeredOrg, preReviewDays: preReviewDays, assistance: assisted,
        platform: platform))
    return next(nil, change, step).map { ($0, change.draft(caseID: step.caseID)) }
  }

  /// 视为受理 — the event the law writes once the pre-review limit has passed without an
  /// answer (行政许可法 第三十二条); nil when it is not due on `today`.
  public static func deemedAcceptance(_ a: Application, today: CivilDate, _ step: StepContext)
    -> EventDraft?
  {
    guard a.isDeemedAccepted(today: today, step.calendar),
      let end = a.preReviewLimitEnd(step.calendar)
    else { return nil }
    let change = ApplicationChange.deemedAccepted(DeemedAcceptancePayload(limitEndedOn: end))
    guard case .success = next(a, change, step) else { return nil }
    return change.draft(caseID: step.caseID)
  }
}
