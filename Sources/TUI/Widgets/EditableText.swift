/// The editing both text widgets share (`TextField`, `TextArea`): a text of at most `maxLength`
/// characters and a caret kept in characters, moved and edited by the same keys everywhere.
public struct EditableText: Equatable, Sendable {
  public private(set) var text: String
  /// Caret position in characters.
  public private(set) var caret: Int
  public var maxLength: Int
  /// Set when a typed character was refused because the field is full, until the next key.
  public private(set) var refusedAtLimit = false

  public init(text: String, maxLength: Int) {
    self.text = String(text.prefix(maxLength))
    self.caret = self.text.count
    self.maxLength = maxLength
  }

  public mutating func set(_ value: String) {
    text = String(value.prefix(maxLength))
    caret = text.count
  }

  /// What an editing key did: nil when it is not one (the widget or the form then tries it),
  /// false when it was taken but changed nothing (full field, nothing to delete), true when it
  /// edited the text or moved the caret.
  public mutating func handle(_ key: Key) -> Bool? {
    refusedAtLimit = false
    switch key {
    case .char(let c):
      guard text.count < maxLength else {
        refusedAtLimit = true
        return false
      }
      text.insert(c, at: text.index(text.startIndex, offsetBy: caret))
      caret += 1
    case .backspace:
      guard caret > 0 else { return false }
      text.remove(at: text.index(text.startIndex, offsetBy: caret - 1))
      caret -= 1
    case .delete:
      guard caret < text.count else { return false }
      text.remove(at: text.index(text.startIndex, offsetBy: caret))
    case .left: caret = max(0, caret - 1)
    case .right: caret = min(text.count, caret + 1)
    case .home, .control("a"): caret = 0
    case .end, .control("e"): caret = text.count
    case .control("u"): set("")
    default: return nil
    }
    return true
  }

  /// Puts `piece` at the caret (a 常用语 chosen with F6), caret after it; false, changing
  /// nothing, when the text would pass `maxLength`.
  public mutating func insert(_ piece: String) -> Bool {
    refusedAtLimit = false
    guard text.count + piece.count <= maxLength else { return false }
    text.insert(contentsOf: piece, at: text.index(text.startIndex, offsetBy: caret))
    caret += piece.count
    return true
  }

  /// A caret move the widget works out itself (a wrapped line up or down); nil when there is
  /// nowhere to go. Like any key, it ends a refusal at the limit.
  public mutating func moveCaret(to offset: Int?) -> Bool {
    refusedAtLimit = false
    guard let offset else { return false }
    caret = min(max(0, offset), text.count)
    return true
  }

  /// `55/60字` once the text nears its limit, so the clerk sees it coming; nil before.
  public var limitNote: String? { FieldLimit.note(count: text.count, max: maxLength) }
}

/// A widget whose text is an `EditableText` (`TextField`, `TextArea`): what it shows of the text
/// is read through its editor.
public protocol EditsText {
  var editor: EditableText { get }
}

extension EditsText {
  public var text: String { editor.text }
  public var caret: Int { editor.caret }
  public var maxLength: Int { editor.maxLength }
  public var refusedAtLimit: Bool { editor.refusedAtLimit }
  /// `55/60字` once the text nears its limit, so the clerk sees it coming; nil before.
  public var limitNote: String? { editor.limitNote }
}
