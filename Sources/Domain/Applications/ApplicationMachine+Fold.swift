/// 办件 stream `application/<CASE-ID>`.
extension ApplicationMachine: StreamReducer {
  public static func apply(_ state: Application?, _ event: Event, _ context: FoldContext)
    -> Result<Application, Refusal>
  {
    if let work = applyWork(state, event, context) { return work }
    let change: ApplicationChange
    do {
      guard let c = try ApplicationChange.decode(event) else {
        return .failure(Refusal("未知的办件事件 \(event.type)"))
      }
      change = c
    } catch {
      return .failure(Refusal("办件事件内容无法解析"))
    }
    let step = StepContext(
      caseID: String(splitStream(event.stream).id), date: context.zone.civilDate(event.date),
      timestamp: event.timestamp, actor: event.actor, calendar: context.calendar)
    return ApplicationMachine.next(state, change, step)
  }
}
