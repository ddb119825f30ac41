/// 输出净化 — the one sanitiser for text that leaves the program: the command line (results and
/// error messages quoting arguments), CSV cells, notices and every cell the workstation draws.
///
/// Text reaches zwfw from forms, imports, township sync and argv; an escape sequence printed raw
/// recolours, moves or retitles the clerk's terminal, and a bidi override makes a printed page
/// say something else than its bytes. None of them is ever emitted: each is shown as a visible
/// mark so the reader sees that something was there.
///
/// - An escape sequence (`ESC [ 31 m`, `ESC ] 0 ; title BEL`, C1 CSI/OSC …) becomes one `␛`.
/// - Any other C0 control becomes its control picture (`␇` for BEL, `␀` for NUL), DEL `␡`.
/// - C1 controls, format characters (Unicode Cf: bidi overrides U+202A–E and isolates
///   U+2066–9, zero-width spaces, the BOM …) and the line/paragraph separators become `�`.
///   The zero-width joiner stays: it only joins emoji.
/// - Line breaks and tabs become a space on one line (`line`), and stay in `lines`.
public enum SafeText {
  /// The mark of an escape sequence.
  public static let escapeMark: Character = "\u{241B}"
  /// The mark of a C1 control or an invisible format character.
  public static let formatMark: Character = "\u{FFFD}"

  /// Text for one line: a table cell, a CSV cell, a terminal cell.
  public static func line(_ text: String) -> String { clean(text, keepLines: false) }

  /// Text that may have several lines (a command's output, a notice): `\n` and tabs are kept.
  public static func lines(_ text: String) -> String { clean(text, keepLines: true) }

  /// Whether `scalar` is never emitted: C0, DEL, C1, a format character (except ZWJ), U+2028/9.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
    if v < 0xAD { return false }  // fast path: ASCII and Latin-1 letters
    // Fast path: CJK punctuation, kana and ideographs hold no format character (an import
    // checks every scalar of 100,000 payloads, most of them Chinese).
    if (0x3000...0x9FFF).contains(v) { return false }
    if v == 0x200D { return false }
    if v == 0x2028 || v == 0x2029 { return true }
    return scalar.properties.generalCategory == .format
  }

  static func clean(_ text: String, keepLines: Bool) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      guard isUnsafe(scalar) else {
        out.append(scalar)
        i += 1
        continue
      }
      let v = scalar.value
      switch v {
      case 0x0A, 0x09:
        out.append(keepLines ? scalar : " ")
        i += 1
      case 0x0D:
        // CRLF is one line break; a lone CR (which would overwrite the line) is shown.
        if i + 1 < scalars.count, scalars[i + 1] == "\n" {
          out.append(keepLines ? "\n" : " ")
          i += 2
        } else {
          out.append("\u{240D}")
          i += 1
        }
      case 0x1B, 0x9B, 0x90, 0x98, 0x9D, 0x9E, 0x9F:
        i = ControlSequence.end(scalars, at: i)
        out.append(contentsOf: String(escapeMark).unicodeScalars)
      case ..<0x20:
        out.append(Unicode.Scalar(0x2400 + v) ?? "\u{FFFD}")
        i += 1
      case 0x7F:
        out.append("\u{2421}")
        i += 1
      default:
        out.append(contentsOf: String(formatMark).unicodeScalars)
        i += 1
      }
    }
    return String(out)
  }
}

/// Where an escape sequence or a C1 control string ends, so it goes whole: `ESC [ 31 m` is one
/// mark, not a mark followed by "[31m".
enum ControlSequence {
  /// Index just past the control character or sequence starting at `start`.
  static func end(_ scalars: [Unicode.Scalar], at start: Int) -> Int {
    let value = scalars[start].value
    let i = start + 1
    switch value {
    case 0x0D where i < scalars.count && scalars[i] == "\n":
      return i + 1  // CRLF is one line break.
    case 0x1B:  // ESC
      guard i < scalars.count else { return i }
      switch scalars[i] {
      case "[": return endOfCSI(scalars, from: i + 1)
      case "]", "P", "X", "^", "_": return endOfString(scalars, from: i + 1)
      default:
        // Two-character sequences (ESC 7, ESC c); a following control is handled on its own.
        return SafeText.isUnsafe(scalars[i]) ? i : i + 1
      }
    case 0x9B: return endOfCSI(scalars, from: i)  // C1 CSI
    case 0x90, 0x98, 0x9D, 0x9E, 0x9F: return endOfString(scalars, from: i)  // DCS SOS OSC PM APC
    default: return i
    }
  }

  /// Past a CSI's parameter and intermediate bytes and its final byte (0x40–0x7E).
  private static func endOfCSI(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var i = start
    while i < scalars.count, (0x20...0x3F).contains(scalars[i].value) { i += 1 }
    if i < scalars.count, (0x40...0x7E).contains(scalars[i].value) { i += 1 }
    return i
  }

  /// Past a control string (OSC, DCS …) and its terminator, BEL or ST (ESC \ or U+009C).
  /// An unterminated string loses only its introducer: the rest is shown as plain text rather than
  /// hiding what may be the substance of a complaint.
  private static func endOfString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var i = start
    while i < scalars.count {
      switch scalars[i].value {
      case 0x07, 0x9C: return i + 1
      case 0x1B where i + 1 < scalars.count && scalars[i + 1] == "\\": return i + 2
      default: i += 1
      }
    }
    return start
  }
}
