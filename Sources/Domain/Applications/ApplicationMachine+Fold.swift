/// 办件 stream `application/<CASE-ID>`.
extension ApplicationMachine: StreamReducer {
  public static func apply(_ state: Application?, _ event: Event, _ context: FoldContext)
    -> Result<Application, Refusal>
  {
    applying(state, event, context)
  }

  /// In place: the case is the largest state a rebuild folds, at every one of its events.
  public static func apply(to state: inout Application?, _ event: Event, _ context: FoldContext)
    -> Refusal?
  {
    if let work = applyWork(state, event, context) { return settle(&state, work) }
    let change: ApplicationChange
    do {
      guard let c = try ApplicationChange.decode(event) else {
        return Refusal("未知的办件事件 \(event.type)")
      }
      change = c
    } catch {
      return Refusal("办件事件内容无法解析")
    }
    let step = StepContext(
      caseID: String(splitStream(event.stream).id), date: context.zone.civilDate(event.date),
      timestamp: event.timestamp, actor: event.actor, calendar: context.calendar)
    return ApplicationMachine.advance(&state, change, step)
  }
}
