/// A stream whose events each decode into a change of one record (a staff member, an
/// organisation, a phrase, a rating, a supervision notice…). What every such reducer refuses in
/// the same words is said here once: an event type the stream does not have, a payload that does
/// not decode, a change to a record not yet created.
public protocol RecordReducer: StreamReducer {
  /// What the stream holds, as a conflict names it: `单位` in 「单位事件内容无法解析」.
  static var noun: String { get }
  /// The state after `event`; nil for an event type the stream does not have. Throws a
  /// `Refusal` for an event not valid in `state`, any other error for a payload that does not
  /// decode.
  static func next(_ state: State?, _ event: Event, _ context: FoldContext) throws -> State?
}

extension RecordReducer {
  public static func apply(_ state: State?, _ event: Event, _ context: FoldContext) -> Result<
    State, Refusal
  > {
    do {
      guard let next = try next(state, event, context) else {
        return .failure(Refusal("未知的\(noun)事件 \(event.type)"))
      }
      return .success(next)
    } catch let refusal as Refusal {
      return .failure(refusal)
    } catch {
      return .failure(Refusal("\(noun)事件内容无法解析"))
    }
  }

  /// The record a change applies to: refused while there is none.
  static func existing(_ state: State?) throws -> State {
    guard let state else { throw Refusal("\(noun)不存在") }
    return state
  }
}
