import Domain
import Foundation

/// 多行文本 — a paragraph that wraps to the field's width (complaint content, reasons, results).
///
/// Enter moves on to the next field rather than breaking the line: a clerk fills these in one go,
/// and a stored newline is drawn as a space in lists anyway.
public struct TextArea: EditsText, Equatable, Sendable {
  /// The text and its caret (in characters), edited by the keys every text widget shares.
  public private(set) var editor: EditableText
  public var lines: Int

  public init(text: String = "", maxLength: Int = 2000, lines: Int = 3) {
    self.editor = EditableText(text: text, maxLength: maxLength)
    self.lines = lines
  }

  public var trimmed: String { text.trimmingSpacesAndNewlines() }

  public mutating func set(_ value: String) { editor.set(value) }

  /// Inserts at the caret; false (nothing changed) when it would pass the limit.
  public mutating func insert(_ piece: String) -> Bool { editor.insert(piece) }

  /// Edits and horizontal/vertical caret moves; Up/Down move by a wrapped line of `width`.
  public mutating func handle(_ key: Key, width: Int) -> Bool {
    guard key == .up || key == .down else { return editor.handle(key) != nil }
    let layout = Self.layout(text, width: width)
    let (line, col) = Self.position(of: caret, in: layout)
    let target = key == .up ? line - 1 : line + 1
    let inside = target >= 0 && target < layout.count
    return editor.moveCaret(to: inside ? Self.offset(line: target, column: col, in: layout) : nil)
  }

  /// Wrapped lines as (start offset, characters).
  static func layout(_ text: String, width: Int) -> [(Int, [Character])] {
    var out: [(Int, [Character])] = []
    var current: [Character] = []
    var start = 0
    var used = 0
    for (i, c) in text.enumerated() {
      let w = DisplayWidth.of(c == "\n" ? " " : c)
      if used + w > max(2, width) {
        out.append((start, current))
        current = []
        start = i
        used = 0
      }
      current.append(c)
      used += w
    }
    out.append((start, current))
    return out
  }

  static func position(of caret: Int, in layout: [(Int, [Character])]) -> (Int, Int) {
    for (i, (start, chars)) in layout.enumerated().reversed() where caret >= start {
      let col = DisplayWidth.of(String(chars.prefix(caret - start)))
      return (i, col)
    }
    return (0, 0)
  }

  static func offset(line: Int, column: Int, in layout: [(Int, [Character])]) -> Int {
    let (start, chars) = layout[line]
    var used = 0
    var n = 0
    for c in chars {
      let w = DisplayWidth.of(c)
      if used + w > column { break }
      used += w
      n += 1
    }
    return start + n
  }

  public func render(into frame: inout Frame, x: Int, y: Int, width: Int, focused: Bool) {
    let style: Style = focused ? .focusedField : .field
    frame.fill(Rect(x: x, y: y, width: width, height: lines), style: style)
    let layout = Self.layout(text, width: width)
    let (caretLine, caretCol) = Self.position(of: caret, in: layout)
    // Unfocused, a paragraph shows its beginning; focused, the lines around the caret.
    let first = focused ? max(0, min(caretLine - lines + 1, layout.count - lines)) : 0
    for (i, (_, chars)) in layout.enumerated().dropFirst(first).prefix(lines) {
      let shown = String(chars.map { $0 == "\n" ? " " : $0 })
      frame.put(shown, x: x, y: y + i - first, maxWidth: width, style: style)
    }
    if focused {
      // At the very end of a full line the caret sits at the start of the next one.
      var line = caretLine - first
      var col = caretCol
      if col >= width {
        line += 1
        col = 0
      }
      if line < lines { frame.cursor = (x + col, y + line) }
    }
  }
}
