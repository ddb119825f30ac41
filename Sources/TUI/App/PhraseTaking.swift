import Domain
import Store

/// A pane whose forms have multi-line fields: F6 there opens the 常用语 of the focused field's
/// kind (`PhraseOverlay`), and the chosen one is inserted at its caret.
protocol PhraseTaking: Pane {
  /// The focused multi-line field offering 常用语, nil when none has focus.
  var phraseSlot: PhraseSlot? { get }
  /// Inserts at the caret; the refusal (nothing changed) when the field's limit would be passed.
  mutating func insertPhrase(_ text: String) -> Refusal?
}

/// Where the workstation reads the 常用语 it offers: the store, or a fake in tests.
public protocol PhraseSource {
  func phrasesOffered(_ kind: PhraseKind, to staff: Staff, limit: Int) throws -> [PhraseTemplate]
}

extension Store: PhraseSource {}

// The panes' forms, each through its step flow (new files rather than edits to the panes).

extension ComplaintsPane: PhraseTaking {
  var phraseSlot: PhraseSlot? { flow.phraseSlot }
  mutating func insertPhrase(_ text: String) -> Refusal? { flow.insertPhrase(text) }
}

extension RectificationPane: PhraseTaking {
  var phraseSlot: PhraseSlot? { flow.phraseSlot }
  mutating func insertPhrase(_ text: String) -> Refusal? { flow.insertPhrase(text) }
}

extension SupervisionPane: PhraseTaking {
  var phraseSlot: PhraseSlot? { flow.phraseSlot }
  mutating func insertPhrase(_ text: String) -> Refusal? { flow.insertPhrase(text) }
}

/// The catalog's step forms (review, test notes). Its draft editor is not a step flow: there F6
/// stays 国家标准要素, and the item's own texts take no 常用语.
extension CatalogPane: PhraseTaking {
  var phraseSlot: PhraseSlot? { editor == nil ? flow.phraseSlot : nil }
  mutating func insertPhrase(_ text: String) -> Refusal? { flow.insertPhrase(text) }
}

extension AdminPane: PhraseTaking {
  var phraseSlot: PhraseSlot? { flow.phraseSlot }
  mutating func insertPhrase(_ text: String) -> Refusal? { flow.insertPhrase(text) }
}

/// A step's form (`layer`), the one-time notice's notes (补正说明) or case work (`work`).
extension ApplicationsPane: PhraseTaking {
  var phraseSlot: PhraseSlot? {
    switch layer {
    case .form(let f, _): return f.phraseSlot
    case .supplement(let e): return e.phraseSlot
    default: return work.phraseSlot
    }
  }

  mutating func insertPhrase(_ text: String) -> Refusal? {
    switch layer {
    case .form(var f, let step):
      let refusal = f.insertPhrase(text)
      layer = .form(f, step)
      return refusal
    case .supplement(var e):
      let refusal = e.insertPhrase(text)
      layer = .supplement(e)
      return refusal
    default: return work.insertPhrase(text)
    }
  }
}
