import Domain
import Foundation

/// 文本框 — one line of editable text, measured in display columns.
///
/// Chinese typed through the terminal's input method arrives as wide characters; the caret is
/// kept in characters and drawn in columns, and the real cursor is put there so the input
/// method's candidate window follows it.
public struct TextField: Equatable, Sendable {
  public var label: String
  public private(set) var text: String
  /// Caret position in characters.
  public private(set) var caret: Int
  public var maxLength: Int
  /// Shown dimmed when the field is empty.
  public var placeholder: String
  /// Set by validation; drawn under or beside the field.
  public var error: String?
  /// Set when a typed character was refused because the field is full, until the next key.
  public private(set) var refusedAtLimit = false

  public init(label: String, text: String = "", maxLength: Int = 200, placeholder: String = "") {
    self.label = label
    self.text = String(text.prefix(maxLength))
    self.caret = self.text.count
    self.maxLength = maxLength
    self.placeholder = placeholder
  }

  public var isEmpty: Bool { text.trimmingSpaces().isEmpty }
  public var trimmed: String { text.trimmingSpaces() }

  public mutating func set(_ value: String) {
    text = String(value.prefix(maxLength))
    caret = text.count
  }

  /// Edits for the key; false if it is not an editing key (the form then tries it).
  public mutating func handle(_ key: Key) -> Bool {
    refusedAtLimit = false
    switch key {
    case .char(let c):
      guard text.count < maxLength else {
        refusedAtLimit = true
        return true
      }
      let i = text.index(text.startIndex, offsetBy: caret)
      text.insert(c, at: i)
      caret += 1
    case .backspace:
      guard caret > 0 else { return true }
      let i = text.index(text.startIndex, offsetBy: caret - 1)
      text.remove(at: i)
      caret -= 1
    case .delete:
      guard caret < text.count else { return true }
      text.remove(at: text.index(text.startIndex, offsetBy: caret))
    case .left: caret = max(0, caret - 1)
    case .right: caret = min(text.count, caret + 1)
    case .home, .control("a"): caret = 0
    case .end, .control("e"): caret = text.count
    case .control("u"):
      text = ""
      caret = 0
    default:
      return false
    }
    error = nil
    return true
  }

  /// `55/60字` once the text nears its limit, so the clerk sees it coming; nil before.
  public var limitNote: String? { FieldLimit.note(count: text.count, max: maxLength) }

  /// Draws the field's value in `width` columns starting at (x, y); when focused, scrolls so the
  /// caret is visible and puts the terminal cursor on it.
  public func render(into frame: inout Frame, x: Int, y: Int, width: Int, focused: Bool) {
    guard width > 0 else { return }
    let style: Style = focused ? .focusedField : (error != nil ? .danger : .field)
    frame.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
    if text.isEmpty && !focused {
      frame.put(placeholder, x: x, y: y, maxWidth: width, style: Style(fg: .cyan, underline: true))
      return
    }
    let chars = Array(text)
    let caretColumn = DisplayWidth.of(String(chars[0..<caret]))
    // Scroll by whole characters until the caret (plus room for one wide glyph) fits.
    var start = 0
    var startColumn = 0
    while focused, caretColumn - startColumn > width - 1, start < chars.count {
      startColumn += DisplayWidth.of(chars[start])
      start += 1
    }
    let visible = String(chars[start...])
    let (shown, _) = DisplayWidth.prefix(visible, fitting: width)
    frame.put(shown, x: x, y: y, maxWidth: width, style: style)
    if focused { frame.cursor = (x + caretColumn - startColumn, y) }
  }
}
