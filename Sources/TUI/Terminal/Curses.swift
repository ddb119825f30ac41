import CNcursesw
import Foundation

/// The terminal driver: the only code that calls ncurses.
///
/// It copies a `Frame` to the screen cell by cell, only where the cell changed since the last
/// copy, and lets curses send the difference: moving a selection over SSH costs a few bytes.
final class Curses {
  private(set) var monochrome: Bool
  private var previous: Frame?
  private var pairs: [Int: Int16] = [:]

  /// The screen when driving a terminal other than the controlling one (see `TerminalProbe`).
  private var screen: OpaquePointer?

  /// Starts curses on the controlling terminal. The locale must already be set.
  init(forceMonochrome: Bool) {
    initscr()
    monochrome = forceMonochrome
    configure()
  }

  /// Starts curses on another terminal: `output`/`input` are its streams (a pseudo-terminal).
  init?(terminalType: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)
  {
    guard let s = newterm(terminalType, output, input) else { return nil }
    screen = s
    set_term(s)
    monochrome = false
    configure()
  }

  private func configure() {
    // Raw rather than cbreak: Ctrl-C arrives as a key (quit cleanly, terminal restored) instead of
    // a signal that would leave the clerk's terminal in curses mode.
    raw()
    noecho()
    nonl()
    keypad(cnc_stdscr(), true)
    _ = cnc_set_escdelay(100)
    monochrome = monochrome || !has_colors()
    if !monochrome {
      start_color()
      use_default_colors()
    }
  }

  func stop() {
    curs_set(1)
    endwin()
    if let screen { delscreen(screen) }
  }

  var size: (width: Int, height: Int) { (Int(cnc_cols()), Int(cnc_lines())) }

  /// Forgets what is on screen (after a resize), so the next draw repaints everything.
  func invalidate() {
    previous = nil
    clearok(cnc_stdscr(), true)
  }

  func draw(_ frame: Frame) {
    let full = previous == nil || previous?.width != frame.width || previous?.height != frame.height
    if full { werase(cnc_stdscr()) }
    for y in 0..<frame.height {
      // A changed row is written whole: skipping unchanged cells next to a wide glyph that was
      // overlaid (a dialog's edge) leaves curses' idea of the row and ours apart. Curses still
      // sends the terminal only the cells that differ, so this costs no bytes on the wire.
      if !full, let prev = previous, (0..<frame.width).allSatisfy({ prev[$0, y] == frame[$0, y] }) {
        continue
      }
      for x in 0..<frame.width {
        let cell = frame[x, y]
        guard let glyph = cell.glyph else { continue }
        put(glyph, x: x, y: y, style: cell.style)
      }
    }
    if let c = frame.cursor {
      curs_set(1)
      wmove(cnc_stdscr(), Int32(c.y), Int32(c.x))
    } else {
      curs_set(0)
      wmove(cnc_stdscr(), Int32(max(0, frame.height - 1)), 0)
    }
    wrefresh(cnc_stdscr())
    previous = frame
  }

  private func put(_ glyph: Character, x: Int, y: Int, style: Style) {
    var wide: [wchar_t] = glyph.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
    wide.append(0)
    let (attrs, pair) = attributes(style)
    _ = cnc_put_cell(Int32(y), Int32(x), wide, attrs, pair)
  }

  private func attributes(_ s: Style) -> (Int32, Int16) {
    var a = cnc_a_normal()
    if monochrome {
      switch s.mono {
      case .plain: break
      case .bold: a |= cnc_a_bold()
      case .reverse: a |= cnc_a_reverse()
      case .boldReverse: a |= cnc_a_bold() | cnc_a_reverse()
      case .underline: a |= cnc_a_underline()
      }
      return (a, 0)
    }
    if s.bold { a |= cnc_a_bold() }
    if s.reverse { a |= cnc_a_reverse() }
    if s.underline { a |= cnc_a_underline() }
    return (a, pair(fg: s.fg, bg: s.bg))
  }

  private func pair(fg: Style.Color, bg: Style.Color) -> Int16 {
    if fg == .normal && bg == .normal { return 0 }
    let key = fg.rawValue * 16 + bg.rawValue
    if let p = pairs[key] { return p }
    let p = Int16(pairs.count + 1)
    init_pair(p, cursesColor(fg), cursesColor(bg))
    pairs[key] = p
    return p
  }

  private func cursesColor(_ c: Style.Color) -> Int16 {
    switch c {
    case .normal: return -1
    case .black: return Int16(COLOR_BLACK)
    case .red: return Int16(COLOR_RED)
    case .green: return Int16(COLOR_GREEN)
    case .yellow: return Int16(COLOR_YELLOW)
    case .blue: return Int16(COLOR_BLUE)
    case .magenta: return Int16(COLOR_MAGENTA)
    case .cyan: return Int16(COLOR_CYAN)
    case .white: return Int16(COLOR_WHITE)
    }
  }

  /// Waits up to `timeoutMs` for a key; nil on timeout.
  func readKey(timeoutMs: Int32) -> Key? {
    wtimeout(cnc_stdscr(), timeoutMs)
    var ch: wint_t = 0
    let rc = cnc_get_wch(&ch)
    if rc == cnc_err() { return nil }
    if rc == cnc_key_code_yes() { return Curses.functionKey(Int32(ch)) }
    return Curses.characterKey(UInt32(ch))
  }

  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case cnc_key_resize(): return .resize
    default:
      for n in 1...12 where code == cnc_key_f(Int32(n)) { return .function(n) }
      return nil
    }
  }

  static func characterKey(_ v: UInt32) -> Key? {
    switch v {
    case 10, 13: return .enter
    case 27: return .escape
    case 9: return .tab
    case 8, 127: return .backspace
    case 1...26:
      guard let s = Unicode.Scalar(v + 96) else { return nil }
      return .control(Character(s))
    default:
      guard v >= 32, let s = Unicode.Scalar(v) else { return nil }
      return .char(Character(s))
    }
  }
}
