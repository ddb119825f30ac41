/// Payload of `phrase.added`. `org` is omitted for a 全区通用 template.
public struct PhraseAddedPayload: Codable, Equatable, Sendable {
  public var kind: PhraseKind
  public var org: String?
  public var text: String
  public var position: Int
}

/// Payload of `phrase.edited`: the text and kind from now on.
public struct PhraseEditedPayload: Codable, Equatable, Sendable {
  public var kind: PhraseKind
  public var text: String
}

/// Payload of `phrase.moved`: the template's new place among those of its kind and scope.
public struct PhraseMovedPayload: Codable, Equatable, Sendable {
  public var position: Int
}

/// 常用语 stream `phrase/ID`. The scope (全区通用 or one organisation) is fixed when the template
/// is added: who may change it, and which nodes receive it, follow from it.
public enum PhraseReducer: RecordReducer {
  public typealias State = PhraseTemplate
  public static let streamKind = "phrase"

  public static let noun = "常用语"

  public static func next(_ state: State?, _ event: Event, _ context: FoldContext) throws -> State?
  {
    switch event.type {
    case .phraseAdded:
      guard state == nil else { throw Refusal("常用语已存在") }
      let p = try event.decode(PhraseAddedPayload.self)
      return PhraseTemplate(
        id: String(splitStream(event.stream).id), kind: p.kind, org: p.org, text: p.text,
        position: p.position)
    case .phraseEdited, .phraseMoved, .phraseRetired:
      var s = try existing(state)
      guard !s.retired else { throw Refusal("常用语 \(s.id) 已停用") }
      switch event.type {
      case .phraseEdited:
        let p = try event.decode(PhraseEditedPayload.self)
        s.kind = p.kind
        s.text = p.text
      case .phraseMoved: s.position = try event.decode(PhraseMovedPayload.self).position
      default: s.retired = true
      }
      return s
    default:
      return nil
    }
  }

  /// The scope of the template `e` changes: its payload's for `phrase.added`, otherwise the
  /// one the stream's events before it (`before`) gave it; nil when there is none yet.
  public static func scope(of e: Event, before: [Event], _ context: FoldContext) -> String?? {
    if e.type == .phraseAdded {
      guard let p = try? e.decode(PhraseAddedPayload.self) else { return nil }
      return .some(p.org)
    }
    guard let s = foldFromStart(before, context).state else { return nil }
    return .some(s.org)
  }

  // The events as the store's commands write them.

  public static func added(
    id: String, kind: PhraseKind, org: String?, text: String, position: Int
  ) -> EventDraft {
    EventDraft(
      stream: stream(id), type: .phraseAdded,
      body: PhraseAddedPayload(kind: kind, org: org, text: text, position: position))
  }

  public static func edited(_ id: String, kind: PhraseKind, text: String) -> EventDraft {
    EventDraft(
      stream: stream(id), type: .phraseEdited, body: PhraseEditedPayload(kind: kind, text: text))
  }

  public static func moved(_ id: String, to position: Int) -> EventDraft {
    EventDraft(stream: stream(id), type: .phraseMoved, body: PhraseMovedPayload(position: position))
  }

  public static func retired(_ id: String) -> EventDraft {
    EventDraft(stream: stream(id), type: .phraseRetired, body: NoPayload())
  }
}
