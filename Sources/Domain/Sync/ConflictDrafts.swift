// The events about conflicts, built here for the import and the supervisor's command.

extension HeldEvent {
  /// `sync.held`: `event` from another node kept in the journal but out of every fold.
  public static func holding(_ event: Event, reason: String) -> EventDraft {
    EventDraft(
      stream: stream(holding: event.stream), type: .eventHeld,
      body: HeldEvent(origin: event.origin, seq: event.seq, reason: reason))
  }
}

extension ConflictResolution {
  /// `conflict.resolved` on `stream`: what the supervisor decided about event `seq` of `origin`;
  /// or why the words cannot be recorded.
  public static func resolving(
    stream: String, origin: String, seq: Int64, resolution: String
  ) -> Result<EventDraft, Refusal> {
    if let problem = FieldText.check(resolution, field: "处理意见", required: true, maxLength: 200) {
      return .failure(Refusal(problem.message))
    }
    let body = ConflictResolution(
      origin: origin, seq: seq, resolution: resolution.trimmingSpacesAndNewlines())
    return .success(EventDraft(stream: stream, type: .conflictResolved, body: body))
  }
}
