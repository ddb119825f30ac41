/// A payload's JSON parsed into values, strictly: what this reader does not take exactly as
/// `JSONDecoder` would (a number with a fraction or exponent is kept as text, to be read only as
/// a `Double`; anything malformed, a duplicate key, a control character in a string) is not
/// parsed at all, and the caller decodes with `JSONDecoder` instead (`PayloadDecoding`).
enum PayloadJSON {
  case null
  case bool(Bool)
  /// A number written as an integer that fits an `Int` (not `-0`, which is a `Double`).
  case int(Int)
  /// Any other number, as written.
  case number(String)
  case string(String)
  case array([PayloadJSON])
  /// Members in the order written (keys unique).
  case object([(key: String, value: PayloadJSON)])

  /// The value of a whole text; nil when the text is not JSON this reader takes.
  static func parse(_ text: String) -> PayloadJSON? {
    var text = text
    return text.withUTF8 { bytes in
      var reader = Reader(bytes: bytes)
      guard let value = reader.value(depth: 0) else { return nil }
      reader.skipSpace()
      return reader.at == bytes.count ? value : nil
    }
  }

  static func parse(_ bytes: [UInt8]) -> PayloadJSON? {
    bytes.withUnsafeBufferPointer { bytes in
      var reader = Reader(bytes: bytes)
      guard let value = reader.value(depth: 0) else { return nil }
      reader.skipSpace()
      return reader.at == bytes.count ? value : nil
    }
  }

  /// The kind of value, for an error message.
  var kind: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .int, .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A recursive-descent reader over UTF-8 bytes; every method returns nil on anything it does
/// not take.
private struct Reader {
  let bytes: UnsafeBufferPointer<UInt8>
  var at = 0
  /// Deeper than this is left to `JSONDecoder` (it has its own limit); payloads nest a few levels.
  static let maximumDepth = 256

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  mutating func skipSpace() {
    while at < bytes.count {
      switch bytes[at] {
      case 0x20, 0x0A, 0x0D, 0x09: at += 1
      default: return
      }
    }
  }

  mutating func value(depth: Int) -> PayloadJSON? {
    guard depth < Self.maximumDepth else { return nil }
    skipSpace()
    guard at < bytes.count else { return nil }
    switch bytes[at] {
    case UInt8(ascii: "{"): return object(depth: depth)
    case UInt8(ascii: "["): return array(depth: depth)
    case UInt8(ascii: "\""): return string().map(PayloadJSON.string)
    case UInt8(ascii: "t"): return literal("true", .bool(true))
    case UInt8(ascii: "f"): return literal("false", .bool(false))
    case UInt8(ascii: "n"): return literal("null", .null)
    default: return number()
    }
  }

  mutating func literal(_ word: StaticString, _ value: PayloadJSON) -> PayloadJSON? {
    let n = word.utf8CodeUnitCount
    guard at + n <= bytes.count else { return nil }
    for i in 0..<n where bytes[at + i] != word.utf8Start[i] { return nil }
    at += n
    return value
  }

  mutating func object(depth: Int) -> PayloadJSON? {
    at += 1
    var members: [(key: String, value: PayloadJSON)] = []
    skipSpace()
    if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
      at += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard at < bytes.count, bytes[at] == UInt8(ascii: "\""), let key = string() else {
        return nil
      }
      skipSpace()
      guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
      at += 1
      guard let value = value(depth: depth + 1) else { return nil }
      // A repeated key is resolved by `JSONDecoder` its own way: not guessed here.
      for m in members where m.key == key { return nil }
      members.append((key, value))
      guard let more = next(closing: "}") else { return nil }
      if !more { return .object(members) }
    }
  }

  mutating func array(depth: Int) -> PayloadJSON? {
    at += 1
    var elements: [PayloadJSON] = []
    skipSpace()
    if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
      at += 1
      return .array(elements)
    }
    while true {
      guard let value = value(depth: depth + 1) else { return nil }
      elements.append(value)
      guard let more = next(closing: "]") else { return nil }
      if !more { return .array(elements) }
    }
  }

  /// After a member or an element: true past a comma (another follows), false past the
  /// closing bracket, nil at anything else.
  mutating func next(closing: Unicode.Scalar) -> Bool? {
    skipSpace()
    guard at < bytes.count else { return nil }
    let c = bytes[at]
    at += 1
    if c == UInt8(ascii: ",") { return true }
    return c == UInt8(ascii: closing) ? false : nil
  }

  /// A string at `at` (its opening quote); escapes resolved, unpaired surrogates refused.
  mutating func string() -> String? {
    at += 1
    let start = at
    // Most strings have no escape: their bytes are the string's.
    while at < bytes.count {
      let c = bytes[at]
      if c == UInt8(ascii: "\"") {
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        at += 1
        return s
      }
      if c == UInt8(ascii: "\\") { break }
      guard c >= 0x20 else { return nil }
      at += 1
    }
    guard at < bytes.count else { return nil }
    var out = Array(bytes[start..<at])
    while at < bytes.count {
      let c = bytes[at]
      if c == UInt8(ascii: "\"") {
        at += 1
        return String(decoding: out, as: UTF8.self)
      }
      guard c >= 0x20 else { return nil }
      if c != UInt8(ascii: "\\") {
        out.append(c)
        at += 1
        continue
      }
      at += 1
      guard at < bytes.count else { return nil }
      let e = bytes[at]
      at += 1
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        guard let unit = hex4() else { return nil }
        var scalar: UInt32 = UInt32(unit)
        if (0xD800..<0xDC00).contains(unit) {
          guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"),
            bytes[at + 1] == UInt8(ascii: "u")
          else { return nil }
          at += 2
          guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
          scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if (0xDC00..<0xE000).contains(unit) {
          return nil
        }
        guard let s = Unicode.Scalar(scalar) else { return nil }
        out.append(contentsOf: Array(String(Character(s)).utf8))
      default: return nil
      }
    }
    return nil
  }

  mutating func hex4() -> UInt16? {
    guard at + 4 <= bytes.count else { return nil }
    var v: UInt16 = 0
    for _ in 0..<4 {
      let c = bytes[at]
      let d: UInt8
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
      default: return nil
      }
      v = v << 4 | UInt16(d)
      at += 1
    }
    return v
  }

  /// A number in JSON's grammar: an integer that fits as `.int`, anything else as its text.
  mutating func number() -> PayloadJSON? {
    let start = at
    var negative = false
    if at < bytes.count, bytes[at] == UInt8(ascii: "-") {
      negative = true
      at += 1
    }
    let intStart = at
    func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    guard at < bytes.count, isDigit(bytes[at]) else { return nil }
    if bytes[at] == UInt8(ascii: "0") {
      at += 1
      // A leading zero stands alone.
      if at < bytes.count, isDigit(bytes[at]) { return nil }
    } else {
      while at < bytes.count, isDigit(bytes[at]) { at += 1 }
    }
    let intEnd = at
    var plain = true
    if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
      plain = false
      at += 1
      guard at < bytes.count, isDigit(bytes[at]) else { return nil }
      while at < bytes.count, isDigit(bytes[at]) { at += 1 }
    }
    if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
      plain = false
      at += 1
      if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") {
        at += 1
      }
      guard at < bytes.count, isDigit(bytes[at]) else { return nil }
      while at < bytes.count, isDigit(bytes[at]) { at += 1 }
    }
    if plain, intEnd - intStart <= 18,
      !(negative && intEnd - intStart == 1 && bytes[intStart] == 0x30)
    {
      // 18 digits always fit an Int; longer integers are read as text.
      var v = 0
      for i in intStart..<intEnd { v = v * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
      return .int(negative ? -v : v)
    }
    return .number(
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
  }
}
