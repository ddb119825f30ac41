import Foundation

/// The text of an event that arrived by sync, checked with the rules a local write obeys before
/// anything of it is applied: a township (or a tampered bundle) must not be able to put into
/// this node's lists, messages and files a name that could not have been typed here — an escape
/// sequence, a bidi override, a 200-character "name".
public enum IncomingText {
  /// Why `event` cannot be applied here, nil when its text is acceptable.
  public static func problem(_ event: Event) -> Refusal? {
    for (field, value) in [
      ("操作人", event.actor), ("数据流", event.stream), ("类型", event.type.rawValue),
    ]
    // Characters are never more than bytes: only a long one is counted by character.
    where (value.utf8.count > 200 && value.count > 200)
      || value.unicodeScalars.contains(where: SafeText.isUnsafe)
    {
      return Refusal("「\(field)」含有控制字符或过长")
    }
    do {
      switch event.type {
      case .staffAdded:
        let s = try event.decode(Staff.self)
        if let r = StaffReducer.checkLogin(s.login) { return r }
        if let p = FieldText.checkPersonName(s.name, field: "姓名", maxLength: 20) {
          return Refusal(p.message)
        }
      case .orgDefined:
        if let r = OrganisationReducer.check(
          try event.decode(OrganisationDefined.self).organisation)
        {
          return r
        }
      case .peerRegistered:
        let p = try event.decode(PeerNode.self)
        if let r = NodeEnrolment.checkCode(p.code) ?? NodeEnrolment.checkName(p.name) { return r }
      default: break
      }
    } catch {
      return Refusal("事件内容无法解析")
    }
    return payloadProblem(event.payload)
  }

  /// Every string of a JSON payload, read as the text it decodes to: no control or format
  /// character except the line breaks and tabs free text may hold, raw or escaped (`\u001b`,
  /// `\u202e`). Scanned rather than parsed: an import checks 100,000 events.
  static func payloadProblem(_ payload: String) -> Refusal? {
    if payload.utf8.count > maxPayloadBytes { return Refusal("事件内容超过\(maxPayloadBytes)字节") }
    if isPlainlySafe(payload) { return nil }
    return scalarProblem(payload)
  }

  /// Whether the payload holds nothing `scalarProblem` could refuse, decided on its UTF-8 bytes
  /// without building anything (an import checks every payload it receives, most of them
  /// plain). Anything it is not sure of — an escape other than `\"` `\\` `/` `n` `r` `t` and
  /// harmless ASCII ones, a control, any scalar `SafeText` calls unsafe — is false, and the full
  /// scan decides and names the problem: it refuses at least what that scan refuses.
  static func isPlainlySafe(_ payload: String) -> Bool {
    var text = payload
    return text.withUTF8 { bytes -> Bool in
      let n = bytes.count
      var i = 0
      while i < n {
        let b = bytes[i]
        if b < 0x80 {
          if b == 0x5C, i + 1 < n {
            // `\u`, `\b`, `\f`, a control or a non-ASCII scalar after the backslash: the scan.
            let c = bytes[i + 1]
            if c < 0x20 || c >= 0x7F || c == 0x75 || c == 0x62 || c == 0x66 { return false }
            i += 2
            continue
          }
          if b < 0x20 || b == 0x7F, b != 0x0A, b != 0x0D, b != 0x09 { return false }
          i += 1
          continue
        }
        // A String's bytes are valid UTF-8: the lead byte says how many follow.
        var value: UInt32
        var width: Int
        switch b {
        case 0xF0...: (value, width) = (UInt32(b & 0x07), 4)
        case 0xE0...: (value, width) = (UInt32(b & 0x0F), 3)
        default: (value, width) = (UInt32(b & 0x1F), 2)
        }
        guard i + width <= n else { return false }
        for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), !SafeText.isUnsafe(scalar) else { return false }
        i += width
      }
      return true
    }
  }

  /// The full scan, scalar by scalar, escapes decoded (the one that names a problem).
  static func scalarProblem(_ payload: String) -> Refusal? {
    let scalars = Array(payload.unicodeScalars)
    var i = 0
    while i < scalars.count {
      var scalar = scalars[i]
      i += 1
      if scalar == "\\", i < scalars.count {
        let escaped = scalars[i]
        i += 1
        switch escaped {
        case "b", "f": return Refusal("内容含有控制字符")
        case "u":
          guard var value = hex(scalars, at: i) else { return Refusal("事件内容无法解析") }
          i += 4
          // A surrogate pair: the character it encodes is what is checked.
          if (0xD800...0xDBFF).contains(value), i + 6 <= scalars.count, scalars[i] == "\\",
            scalars[i + 1] == "u", let low = hex(scalars, at: i + 2),
            (0xDC00...0xDFFF).contains(low)
          {
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            i += 6
          }
          guard let decoded = Unicode.Scalar(value) else { continue }
          scalar = decoded
        case "\"", "\\", "/", "n", "r", "t": continue
        // Not an escape JSON has: the character after the backslash is checked like any other
        // (a raw ESC or bidi override behind a backslash went through unchecked).
        default: scalar = escaped
        }
      }
      if SafeText.isUnsafe(scalar), scalar != "\n", scalar != "\r", scalar != "\t" {
        return Refusal("内容含有控制字符")
      }
    }
    return nil
  }

  /// The largest payload accepted (a complaint with its history is a few kilobytes).
  public static let maxPayloadBytes = 1_000_000

  private static func hex(_ scalars: [Unicode.Scalar], at start: Int) -> UInt32? {
    guard start + 4 <= scalars.count else { return nil }
    var value: UInt32 = 0
    for scalar in scalars[start..<start + 4] {
      guard let digit = Character(scalar).hexDigitValue else { return nil }
      value = value << 4 + UInt32(digit)
    }
    return value
  }
}
