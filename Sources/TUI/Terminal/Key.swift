/// A key press, decoded by `KeyDecoder` from what the terminal sends.
public enum Key: Hashable, Sendable {
  case char(Character)
  case enter, escape, tab, backTab, backspace, delete, insert
  case up, down, left, right, home, end, pageUp, pageDown
  case function(Int)
  /// Ctrl-letter, e.g. `.control("u")` for Ctrl-U.
  case control(Character)
  case resize
  /// Text pasted by the terminal (bracketed paste): typed into a field, never run as keys.
  case paste(String)

  /// How the key is written in the key bar, help and README (ASCII only: no arrow glyphs, whose
  /// width differs between terminals).
  public var label: String {
    switch self {
    case .char(" "): return "空格"
    case .char(let c): return String(c)
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .backspace: return "Backspace"
    case .delete: return "Del"
    case .insert: return "Ins"
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .function(let n): return "F\(n)"
    case .control(let c): return "Ctrl-\(String(c).uppercased())"
    case .resize: return "resize"
    case .paste: return "粘贴"
    }
  }

  /// Which way the key moves a form's focus between fields: Tab forward, Shift-Tab back.
  public var fieldStep: Int? {
    switch self {
    case .tab: return 1
    case .backTab: return -1
    default: return nil
    }
  }

  /// A printable character a text field would insert.
  public var text: Character? {
    if case .char(let c) = self { return c }
    return nil
  }
}
