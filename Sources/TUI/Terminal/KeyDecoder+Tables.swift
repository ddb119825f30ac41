/// The sequences real terminals send, by family. Modifiers (Shift/Ctrl/Alt, the `;5` in
/// `ESC[1;5A` or rxvt's `^`/`$`/`@` finals) are read and dropped: no binding uses them, and a
/// Ctrl-Right should still move right rather than vanish.
///
/// - xterm, VTE, screen, tmux: `ESC[A`…`ESC[D` and `ESC OA`…, Home/End `ESC[H`/`ESC[F`/`ESC OH`/
///   `ESC OF`, F1–F4 `ESC OP`…`ESC OS` (`ESC[1;2P` with modifiers), F5–F12 `ESC[15~`…`ESC[24~`.
/// - VT220, PuTTY, screen, tmux: Home `ESC[1~`, Insert `ESC[2~`, Delete `ESC[3~`, End `ESC[4~`,
///   PgUp/PgDn `ESC[5~`/`ESC[6~`, F1–F4 `ESC[11~`…`ESC[14~`.
/// - Linux console: F1–F5 `ESC[[A`…`ESC[[E`.
/// - rxvt: Home/End `ESC[7~`/`ESC[8~`, modified `ESC[2^`, `ESC[5$`, `ESC[3@`, shifted arrows
///   `ESC[a`…, Ctrl arrows `ESC Oa`….
extension KeyDecoder {
  /// Longer than any key a terminal sends: a runaway "sequence" is dropped, not buffered.
  static let longestSequence = 32

  /// True when `s` (starting `ESC[` or `ESC O`) is a whole sequence.
  static func isComplete(_ s: [Unicode.Scalar]) -> Bool {
    guard s.count >= 3, let last = s.last else { return false }
    if s.count >= longestSequence { return true }
    if s[1] == "[" && s[2] == "[" { return s.count == 4 }  // Linux console: ESC [ [ A
    if s[1] == "[" && last == "$" && s.count > 3 { return true }  // rxvt: ESC [ 2 $
    return (0x40...0x7e).contains(last.value)
  }

  /// The key a complete sequence stands for; nil for sequences that are no key of ours (focus
  /// reports, mouse, replies, keypad-centre): those are consumed and ignored.
  static func key(for s: [Unicode.Scalar]) -> Key? {
    guard s.count >= 3, s.count < longestSequence, let final = s.last else { return nil }
    let body = s.dropFirst(2).dropLast()
    if s[1] == "O" {
      guard body.allSatisfy({ $0 == ";" || ("0"..."9").contains($0) }) else { return nil }
      return ss3[final]
    }
    if s[2] == "[" { return linuxConsole[final] }
    // Private parameters (`ESC[?…`, `ESC[<…`) are terminal replies and mouse reports.
    guard body.allSatisfy({ $0 == ";" || ("0"..."9").contains($0) }) else { return nil }
    let number = Int(String(String.UnicodeScalarView(body.prefix { $0 != ";" })))
    switch final {
    case "~", "^", "$", "@":
      return number.flatMap { tilde[$0] }
    default:
      return csiLetter[final]
    }
  }

  /// `ESC O x`.
  static let ss3: [Unicode.Scalar: Key] = [
    "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end,
    "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
    "M": .enter,
    // rxvt: Ctrl-arrows.
    "a": .up, "b": .down, "c": .right, "d": .left,
  ]

  /// `ESC [ params x`.
  static let csiLetter: [Unicode.Scalar: Key] = [
    "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "Z": .backTab,
    "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
    // rxvt: Shift-arrows.
    "a": .up, "b": .down, "c": .right, "d": .left,
  ]

  /// `ESC [ n ~` (and rxvt's `^`, `$`, `@` for the same n with modifiers).
  static let tilde: [Int: Key] = [
    1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
    11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4),
    15: .function(5), 17: .function(6), 18: .function(7), 19: .function(8),
    20: .function(9), 21: .function(10), 23: .function(11), 24: .function(12),
  ]

  /// `ESC [ [ x`: the Linux console's F1–F5.
  static let linuxConsole: [Unicode.Scalar: Key] = [
    "A": .function(1), "B": .function(2), "C": .function(3), "D": .function(4),
    "E": .function(5),
  ]
}
