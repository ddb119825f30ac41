// The 督办 events as the commands write them: checked, then built, here rather than in the Store.

extension SupervisionReducer {
  /// 督办 `id` (文号 `number`) on `target`: the organisation must reply within `replyDays`
  /// working days (第三十条); or why the notice may not be issued.
  public static func issue(
    _ id: String, number: String, on target: SupervisionTarget, method: SupervisionMethod,
    requirement: String, replyDays: Int
  ) -> Result<EventDraft, Refusal> {
    let notice = SupervisionNotice(
      target: target, method: method, requirement: requirement.trimmingSpacesAndNewlines(),
      replyDays: replyDays, number: number)
    if let r = check(nil, issue: notice) { return .failure(r) }
    return .success(EventDraft(stream: stream(id), type: .supervisionIssued, body: notice))
  }

  /// 回复督办 — the organisation's answer to `state` (督办 `id`), once.
  public static func reply(_ state: Supervision?, id: String, _ reply: String) -> Result<
    EventDraft, Refusal
  > {
    let text = reply.trimmingSpacesAndNewlines()
    if let r = check(state, reply: text) { return .failure(r) }
    return .success(
      EventDraft(stream: stream(id), type: .supervisionReplied, body: ComplaintText(text: text)))
  }
}

extension SupervisionReducer {
  /// The reply deadline while the notice is unanswered: the 督办 drill-down and the overdue scan
  /// count it with the case's own (第三十条).
  public static func openDeadlines(_ s: Supervision) -> [OpenDeadline] {
    guard !s.isAnswered else { return [] }
    let t = s.notice.target
    return [
      OpenDeadline(
        purpose: "supervision", kind: t.kind, caseID: t.caseID, organisation: t.org,
        title: "督办回复: \(t.title)", state: "待回复督办", start: s.issuedOn,
        limitDays: s.notice.replyDays, due: s.replyDue)
    ]
  }
}
