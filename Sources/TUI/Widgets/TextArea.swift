import Domain
import Foundation

/// 多行文本 — a paragraph that wraps to the field's width (complaint content, reasons, results).
///
/// Enter moves on to the next field rather than breaking the line: a clerk fills these in one go,
/// and a stored newline is drawn as a space in lists anyway.
public struct TextArea: Equatable, Sendable {
  public private(set) var text: String
  public private(set) var caret: Int
  public var maxLength: Int
  public var lines: Int
  /// Set when a typed character was refused because the field is full, until the next key.
  public private(set) var refusedAtLimit = false

  public init(text: String = "", maxLength: Int = 2000, lines: Int = 3) {
    self.text = String(text.prefix(maxLength))
    self.caret = self.text.count
    self.maxLength = maxLength
    self.lines = lines
  }

  public var trimmed: String { text.trimmingSpacesAndNewlines() }

  public mutating func set(_ value: String) {
    text = String(value.prefix(maxLength))
    caret = text.count
  }

  /// Edits and horizontal/vertical caret moves; Up/Down move by a wrapped line of `width`.
  public mutating func handle(_ key: Key, width: Int) -> Bool {
    refusedAtLimit = false
    switch key {
    case .char(let c):
      guard text.count < maxLength else {
        refusedAtLimit = true
        return true
      }
      text.insert(c, at: text.index(text.startIndex, offsetBy: caret))
      caret += 1
    case .backspace:
      guard caret > 0 else { return true }
      text.remove(at: text.index(text.startIndex, offsetBy: caret - 1))
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
    case .up, .down:
      let layout = Self.layout(text, width: width)
      let (line, col) = Self.position(of: caret, in: layout)
      let target = key == .up ? line - 1 : line + 1
      guard target >= 0, target < layout.count else { return false }
      caret = Self.offset(line: target, column: col, in: layout)
    default:
      return false
    }
    return true
  }

  /// `1980/2000字` once the text nears its limit; nil before.
  public var limitNote: String? { FieldLimit.note(count: text.count, max: maxLength) }

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
