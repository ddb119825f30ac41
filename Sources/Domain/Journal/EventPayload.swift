/// What an event carries (`EventDraft(stream:type:body:)`, `Event.decode`): written as canonical
/// JSON into the hash-chained journal and read back by every fold, here and on the nodes it
/// syncs to. Its JSON shape is therefore frozen once released: keys, types and encodings stay; a
/// Swift property is renamed only with a `CodingKeys` entry keeping its key (the golden journal
/// and bundle tests pin the bytes). Fold states and projection bodies are not payloads.
public protocol EventPayload: Codable, Equatable, Sendable {}
