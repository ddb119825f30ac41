/// 按键解码 — turns what the terminal sends into keys, without trusting terminfo to be right.
///
/// Township clerks reach the workstation over SSH from PuTTY, the Linux console or an old
/// terminal whose `TERM` names something else; curses' keypad mode knows only the strings terminfo
/// lists for that `TERM`, and splits any other sequence into Esc plus characters (a cancelled
/// form, then a digit that switches panes). This decoder reads the input itself: terminfo's own
/// strings first, then every family's sequences (`KeyDecoder+Tables`), and any other complete
/// CSI/SS3 sequence is consumed and ignored. A value type fed one scalar at a time, so tests
/// drive it with bytes and the driver with `get_wch`'s scalars (UTF-8 text from an input method
/// arrives as characters).
///
/// Esc followed by a digit within the Esc delay is F1…F10 (Esc 0 = F10), Midnight Commander's
/// convention for terminals whose function keys do not arrive. Bracketed paste arrives as one
/// `.paste`, so a pasted newline is text, never Enter.
public struct KeyDecoder: Equatable, Sendable {
  /// What the reader waits for before calling `timeout()`.
  public enum Wait: Equatable, Sendable {
    /// A lone Esc: is it a key, or the start of a sequence / Esc+digit?
    case escape
    /// Inside a sequence: the rest is on its way (a slow link may split it).
    case sequence
    /// Inside a bracketed paste.
    case paste
  }

  /// Terminfo's key strings for this terminal (`kf1` → F1), tried before the built-in tables.
  let terminfo: [[Unicode.Scalar]: Key]
  /// Prefixes of the terminfo strings, to know when to keep reading.
  let terminfoPrefixes: Set<[Unicode.Scalar]>
  /// The sequence read so far, starting with Esc.
  private(set) var pending: [Unicode.Scalar] = []
  private var pasted: [Unicode.Scalar]?

  static let esc: Unicode.Scalar = "\u{1b}"
  static let pasteStart: [Unicode.Scalar] = Array("\u{1b}[200~".unicodeScalars)
  static let pasteEnd: [Unicode.Scalar] = Array("\u{1b}[201~".unicodeScalars)

  /// - Parameter terminfo: key strings by key, e.g. `["\u{1b}OP": .function(1)]`. Strings that do
  ///   not start with Esc are ignored (single bytes are decoded by their value).
  public init(terminfo: [String: Key] = [:]) {
    var table: [[Unicode.Scalar]: Key] = [:]
    var prefixes: Set<[Unicode.Scalar]> = []
    for (s, key) in terminfo {
      let scalars = Array(s.unicodeScalars)
      guard scalars.count > 1, scalars.first == Self.esc else { continue }
      table[scalars] = key
      for n in 1..<scalars.count { prefixes.insert(Array(scalars.prefix(n))) }
    }
    self.terminfo = table
    self.terminfoPrefixes = prefixes
  }

  /// What the reader should wait for; nil when no key is half read.
  public var waiting: Wait? {
    if pasted != nil { return .paste }
    if pending.isEmpty { return nil }
    return pending.count == 1 ? .escape : .sequence
  }

  /// Feeds one scalar; returns the keys it completes (often none, sometimes two).
  public mutating func feed(_ s: Unicode.Scalar) -> [Key] {
    if pasted != nil { return feedPaste(s) }
    if pending.isEmpty {
      if s == Self.esc {
        pending = [s]
        return []
      }
      return Self.plain(s).map { [$0] } ?? []
    }
    pending.append(s)
    if let key = terminfo[pending] {
      pending = []
      return [key]
    }
    if pending.count == 2 { return afterEscape(s) }
    return continueSequence(s)
  }

  /// The wait ran out: a lone Esc is Esc; a half sequence is dropped (Esc alone would cancel a
  /// form, its characters would type into it); an unterminated paste is text.
  public mutating func timeout() -> [Key] {
    if let p = pasted {
      pasted = nil
      return [.paste(String(String.UnicodeScalarView(p)))]
    }
    defer { pending = [] }
    return pending.count == 1 ? [.escape] : []
  }

  /// Decodes a whole input at once, as if the wait ran out at its end (for tests and tools).
  public static func decode(_ bytes: [UInt8], terminfo: [String: Key] = [:]) -> [Key] {
    var d = KeyDecoder(terminfo: terminfo)
    var keys: [Key] = []
    for s in String(decoding: bytes, as: UTF8.self).unicodeScalars { keys += d.feed(s) }
    return keys + d.timeout()
  }

  // MARK: - States

  private mutating func afterEscape(_ s: Unicode.Scalar) -> [Key] {
    if terminfoPrefixes.contains(pending) { return [] }
    switch s {
    case "[", "O": return []
    case "0"..."9":
      pending = []
      let n = Int(s.value - 48)
      return [.function(n == 0 ? 10 : n)]
    case Self.esc:
      // Esc Esc: the first was a key; the second may start a sequence.
      pending = [s]
      return [.escape]
    default:
      pending = []
      return [.escape] + (Self.plain(s).map { [$0] } ?? [])
    }
  }

  private mutating func continueSequence(_ s: Unicode.Scalar) -> [Key] {
    if terminfoPrefixes.contains(pending) { return [] }
    if s == Self.esc {
      // A broken sequence: drop it, start again.
      pending = [s]
      return []
    }
    if s.value < 0x20 || s.value > 0x7e {
      // Not part of any sequence: drop the half read, keep the key.
      pending = []
      return Self.plain(s).map { [$0] } ?? []
    }
    guard Self.isComplete(pending) else { return [] }
    let sequence = pending
    pending = []
    if sequence == Self.pasteStart {
      pasted = []
      return []
    }
    return Self.key(for: sequence).map { [$0] } ?? []
  }

  private mutating func feedPaste(_ s: Unicode.Scalar) -> [Key] {
    guard var p = pasted else { return [] }
    p.append(s)
    if p.count >= Self.pasteEnd.count, Array(p.suffix(Self.pasteEnd.count)) == Self.pasteEnd {
      pasted = nil
      let text = String(String.UnicodeScalarView(p.dropLast(Self.pasteEnd.count)))
      return text.isEmpty ? [] : [.paste(text)]
    }
    pasted = p
    return []
  }

  /// A key from one scalar outside any sequence.
  static func plain(_ s: Unicode.Scalar) -> Key? {
    switch s.value {
    case 10, 13: return .enter
    case 27: return .escape
    case 9: return .tab
    case 8, 127: return .backspace
    case 1...26: return Unicode.Scalar(s.value + 96).map { .control(Character($0)) }
    case 0...31: return nil
    case 0x80...0x9f: return nil  // C1 controls: never text
    default: return .char(Character(s))
    }
  }
}
