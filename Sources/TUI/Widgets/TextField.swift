import Domain
import Foundation

/// 文本框 — one line of editable text, measured in display columns.
///
/// Chinese typed through the terminal's input method arrives as wide characters; the caret is
/// kept in characters and drawn in columns, and the real cursor is put there so the input
/// method's candidate window follows it.
public struct TextField: EditsText, Equatable, Sendable {
  public var label: String
  /// The text and its caret (in characters), edited by the keys every text widget shares.
  public private(set) var editor: EditableText
  /// Shown dimmed when the field is empty.
  public var placeholder: String
  /// Set by validation; drawn under or beside the field.
  public var error: String?

  public init(label: String, text: String = "", maxLength: Int = 200, placeholder: String = "") {
    self.label = label
    self.editor = EditableText(text: text, maxLength: maxLength)
    self.placeholder = placeholder
  }

  public var isEmpty: Bool { text.trimmingSpaces().isEmpty }
  public var trimmed: String { text.trimmingSpaces() }

  public mutating func set(_ value: String) { editor.set(value) }

  /// Inserts at the caret; false (nothing changed) when it would pass the limit.
  public mutating func insert(_ piece: String) -> Bool {
    guard editor.insert(piece) else { return false }
    error = nil
    return true
  }

  /// Edits for the key; false if it is not an editing key (the form then tries it). An edit or a
  /// caret move clears the validation error.
  public mutating func handle(_ key: Key) -> Bool {
    guard let changed = editor.handle(key) else { return false }
    if changed { error = nil }
    return true
  }

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
