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
  /// Where curses writes (for the bracketed-paste switch, which terminfo does not describe).
  private let output: UnsafeMutablePointer<FILE>?
  private var decoder = KeyDecoder()
  private var queued: [Key] = []
  private let escapeDelay: Int32

  /// Starts curses on the controlling terminal. The locale must already be set.
  init(forceMonochrome: Bool, escapeDelay: Int32 = 400) {
    initscr()
    monochrome = forceMonochrome
    output = cnc_stdout()
    self.escapeDelay = escapeDelay
    configure()
  }

  /// Starts curses on another terminal: `output`/`input` are its streams (a pseudo-terminal).
  init?(terminalType: String, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)
  {
    guard let s = newterm(terminalType, output, input) else { return nil }
    screen = s
    set_term(s)
    monochrome = false
    self.output = output
    escapeDelay = 400
    configure()
  }

  private func configure() {
    // Raw rather than cbreak: Ctrl-C arrives as a key (quit cleanly, terminal restored) instead of
    // a signal that would leave the clerk's terminal in curses mode.
    raw()
    noecho()
    nonl()
    keypad(cnc_stdscr(), false)
    decoder = KeyDecoder(terminfo: Self.terminfoKeys())
    setBracketedPaste(true)
    monochrome = monochrome || !has_colors()
    if !monochrome {
      start_color()
      use_default_colors()
    }
  }

  func stop() {
    curs_set(1)
    setBracketedPaste(false)
    endwin()
    if let screen { delscreen(screen) }
  }

  /// Pasted text arrives between `ESC[200~` and `ESC[201~`, so a pasted newline is not Enter.
  /// Terminals that do not know the mode ignore the request.
  private func setBracketedPaste(_ on: Bool) {
    guard let output else { return }
    fputs(on ? "\u{1b}[?2004h" : "\u{1b}[?2004l", output)
    fflush(output)
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
  ///
  /// Curses' keypad mode is off: it knows only terminfo's strings for this `TERM` and splits any
  /// other sequence into Esc plus characters. `get_wch` still assembles UTF-8 (an input method's
  /// Chinese arrives as characters) and reports resizes; `KeyDecoder` does the rest.
  func readKey(timeoutMs: Int32) -> Key? {
    if !queued.isEmpty { return queued.removeFirst() }
    var wait = timeoutMs
    while true {
      wtimeout(cnc_stdscr(), wait)
      var ch: wint_t = 0
      let rc = cnc_get_wch(&ch)
      if rc == cnc_err() {
        guard decoder.waiting != nil else { return nil }
        queued += decoder.timeout()
      } else if rc == cnc_key_code_yes() {
        guard Int32(ch) == cnc_key_resize() else { continue }
        queued += decoder.timeout()
        queued.append(.resize)
      } else if let s = Unicode.Scalar(UInt32(ch)) {
        queued += decoder.feed(s)
      }
      if !queued.isEmpty { return queued.removeFirst() }
      switch decoder.waiting {
      case nil: return nil
      case .escape: wait = escapeDelay
      case .sequence: wait = Self.sequenceDelay
      case .paste: wait = Self.pasteDelay
      }
    }
  }

  /// How long a lone Esc waits for a digit or a sequence. Long enough to press Esc then a digit
  /// (F1…F10 on terminals without function keys); `ESCDELAY` (ms) overrides, as for curses.
  static func escapeDelay(_ environment: [String: String]) -> Int32 {
    if let v = environment["ESCDELAY"].flatMap({ Int32($0) }), (10...3000).contains(v) { return v }
    return 400
  }

  /// Once `ESC[` has arrived the rest is a sequence; a slow link may deliver it late.
  static let sequenceDelay: Int32 = 1000
  static let pasteDelay: Int32 = 2000

  /// This terminal's key strings from terminfo, for the decoder to try first.
  static func terminfoKeys() -> [String: Key] {
    var names: [(String, Key)] = [
      ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("khome", .home),
      ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown), ("kdch1", .delete),
      ("kich1", .insert), ("kcbt", .backTab), ("kent", .enter),
    ]
    names += (1...12).map { ("kf\($0)", Key.function($0)) }
    var table: [String: Key] = [:]
    for (name, key) in names {
      guard let s = cnc_string_capability(name) else { continue }
      table[String(cString: s)] = key
    }
    return table
  }
}
