/// Payload of `case.noted`.
public struct CaseNotePayload: EventPayload {
  public var kind: NoteKind
  public var text: String
}

/// Payload of `case.assigned`.
public struct CaseAssignmentPayload: EventPayload {
  public var assignee: String
}

/// Payload of `case.redirected`.
public struct CaseRedirectionPayload: EventPayload {
  public var org: String
  public var orgName: String
  public var reason: String
}

/// One change of case work: what a `case.*` event says, decoded.
public enum CaseWorkChange: Equatable, Sendable {
  case noted(CaseNotePayload)
  case assigned(CaseAssignmentPayload)
  case redirected(CaseRedirectionPayload)
  case corrected(CaseCorrectionPayload)
  case linked(CaseLinkPayload)
  case unlinked(CaseUnlinkPayload)

  public static let types: Set<EventType> = [
    .caseNoted, .caseAssigned, .caseRedirected, .caseCorrected, .caseLinked, .caseUnlinked,
  ]

  public func draft(stream: String) -> EventDraft {
    switch self {
    case .noted(let b): return EventDraft(stream: stream, type: .caseNoted, body: b)
    case .assigned(let b): return EventDraft(stream: stream, type: .caseAssigned, body: b)
    case .redirected(let b): return EventDraft(stream: stream, type: .caseRedirected, body: b)
    case .corrected(let b): return EventDraft(stream: stream, type: .caseCorrected, body: b)
    case .linked(let b): return EventDraft(stream: stream, type: .caseLinked, body: b)
    case .unlinked(let b): return EventDraft(stream: stream, type: .caseUnlinked, body: b)
    }
  }

  /// nil when `e` is not case work; a failure when it is but its payload does not decode.
  public static func decode(_ e: Event) -> Result<CaseWorkChange, Refusal>? {
    guard types.contains(e.type) else { return nil }
    do {
      switch e.type {
      case .caseNoted: return .success(.noted(try e.decode(CaseNotePayload.self)))
      case .caseAssigned: return .success(.assigned(try e.decode(CaseAssignmentPayload.self)))
      case .caseCorrected: return .success(.corrected(try e.decode(CaseCorrectionPayload.self)))
      case .caseLinked: return .success(.linked(try e.decode(CaseLinkPayload.self)))
      case .caseUnlinked: return .success(.unlinked(try e.decode(CaseUnlinkPayload.self)))
      default: return .success(.redirected(try e.decode(CaseRedirectionPayload.self)))
      }
    } catch {
      return .failure(Refusal("案件办理记录 \(e.type) 内容无法解析"))
    }
  }

  /// The step an event of this change records, for judging its actor (sync import, audit).
  public func step(actor: String) -> CaseWorkStep {
    switch self {
    case .noted: return .note
    case .assigned(let b): return b.assignee == actor ? .claim : .assign
    case .redirected: return .redirect
    case .corrected: return .correct
    case .linked, .unlinked: return .link
    }
  }
}
