// The 抽查 events as the commands write them: checked, then built, here rather than in the Store.

extension SpotCheckReducer {
  /// 抽查 `id`: `size` of the `population` (the cases concluded in the period) drawn with
  /// `seed`, recorded so anyone can redraw the same sample; or why no draw is possible.
  public static func draw(
    _ id: String, from: CivilDate, to: CivilDate, size: Int, seed: UInt64, population: [String]
  ) -> Result<EventDraft, Refusal> {
    if let r = check(from: from, to: to, size: size, population: population.count) {
      return .failure(r)
    }
    let draw = SpotCheckDraw(
      from: from, to: to, size: size, seed: SpotCheckSampler.hex(seed),
      population: population.count,
      cases: SpotCheckSampler.sample(population, size: size, seed: seed))
    return .success(EventDraft(stream: stream(id), type: .spotCheckDrawn, body: draw))
  }

  /// 抽查结论 on one drawn case of `state` (抽查 `id`); or why it may not be recorded.
  public static func verdict(
    _ state: SpotCheck?, id: String, caseID: String, _ verdict: SpotCheckVerdict, note: String
  ) -> Result<EventDraft, Refusal> {
    let body = SpotCheckVerdictPayload(
      caseID: caseID, verdict: verdict, note: note.trimmingSpaces())
    if let r = check(state, body) { return .failure(r) }
    return .success(EventDraft(stream: stream(id), type: .spotCheckVerdict, body: body))
  }
}
