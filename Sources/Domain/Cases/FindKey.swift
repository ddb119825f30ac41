/// 查找键 — what a case can be found by (查找, F7): its number, and the people it names.
///
/// A case's keys are stored, one row each, in an index ordered by key, so every lookup is a
/// range of that index: a whole or leading part of a number is a prefix of `N:`, its last
/// digits a prefix of the number written backwards (`R:`), a name a prefix of `M:`, a phone,
/// an ID number or an upstream ticket number an exact key. No lookup reads a case table whole.
public enum FindKey {
  /// What a key finds a case by; its tag starts the key.
  public enum Field: String, CaseIterable, Sendable {
    case number = "N"
    case numberTail = "R"
    case name = "M"
    case phone = "P"
    case idNumber = "I"
    case ticket = "T"
    /// A case this one names as related (关联案件): found from both ends, never searched.
    case link = "L"

    /// How the result list says why a case was found.
    public var title: String {
      switch self {
      case .number: return "案件编号"
      case .numberTail: return "编号尾号"
      case .name: return "姓名/名称"
      case .phone: return "电话"
      case .idNumber: return "证件号码"
      case .ticket: return "工单号"
      case .link: return "关联案件"
      }
    }

    /// Keys that name a person (a case's "same person" links follow these).
    public var namesPerson: Bool { self == .phone || self == .idNumber }
  }

  /// `BYQ-2026-000123` and `byq2026000123` alike: upper case, without spaces or dashes.
  public static func normalised(_ text: String) -> String {
    // Case numbers and ID numbers are ASCII, where each byte is a Character (but CR LF, the
    // one two-byte Character, which takes the general way): filtered and upper-cased by byte,
    // the same result without a grapheme walk (a rebuild writes every case's keys).
    // Names are mostly CJK ideographs, each a Character of its own (no combining mark or joiner
    // can follow one in such a text), none dropped and none with a case: their bytes are kept
    // as they are, by the same walk.
    if text.unicodeScalars.allSatisfy({
      ($0.value < 0x80 && $0 != "\r") || (0x4E00...0x9FFF).contains($0.value)
    }) {
      var out: [UInt8] = []
      out.reserveCapacity(text.utf8.count)
      for b in text.utf8 where !droppedASCII.contains(b) {
        out.append(b >= 0x61 && b <= 0x7A ? b - 0x20 : b)
      }
      return String(decoding: out, as: UTF8.self)
    }
    return String(text.filter { !dropped.contains($0) }).uppercased()
  }

  private static let dropped: Set<Character> = [
    "-", "—", "－", "_", " ", "\u{3000}", "\t", "\n", "/",
  ]
  /// The ASCII ones among `dropped`.
  private static let droppedASCII: [UInt8] = Array("-_ \t\n/".utf8)

  /// Digits only: `0943-8221234` and `09438221234` are one phone.
  public static func digits(_ text: String) -> String {
    // ASCII digits are single bytes and never part of a longer Character but for a following
    // combining mark, which the Character test excludes: the general way keeps that rule.
    guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
      return String(text.filter { $0.isASCII && $0.isNumber })
    }
    return String(decoding: text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
  }

  public static func key(_ field: Field, _ value: String) -> String {
    field.rawValue + ":" + value
  }

  /// The field a stored key belongs to.
  public static func field(of key: String) -> Field? {
    guard let colon = key.firstIndex(of: ":") else { return nil }
    return Field(rawValue: String(key[..<colon]))
  }

  /// Keys of a case number: whole, and backwards for its last digits.
  public static func number(_ caseID: String) -> [String] {
    let n = normalised(caseID)
    guard !n.isEmpty else { return [] }
    // An ASCII number (every case number) reversed by byte: each byte is a Character there,
    // but CR LF, which takes the general way.
    let reversed =
      n.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
      ? String(decoding: n.utf8.reversed(), as: UTF8.self) : String(n.reversed())
    return [key(.number, n), key(.numberTail, reversed)]
  }

  /// Keys of a person or organisation named on a case; empty values give none.
  public static func person(name: String?, phone: String?, idNumber: String?) -> [String] {
    var out: [String] = []
    if let n = name.map(normalised), !n.isEmpty { out.append(key(.name, n)) }
    if let p = phone.map(digits), p.count >= 5 { out.append(key(.phone, p)) }
    if let i = idNumber.map(normalised), !i.isEmpty { out.append(key(.idNumber, i)) }
    return out
  }

  /// The key of a related case's number.
  public static func link(_ caseID: String?) -> [String] {
    guard let n = caseID.map(normalised), !n.isEmpty else { return [] }
    return [key(.link, n)]
  }

  /// Keys of an upstream platform's ticket number (12345, 省/市平台工单号).
  public static func ticket(_ number: String?) -> [String] {
    guard let t = number.map(normalised), !t.isEmpty else { return [] }
    return [key(.ticket, t)]
  }
}

/// 查找条件 — what the clerk typed, as the index ranges that answer it.
public struct FindQuery: Equatable, Sendable {
  /// One index range: keys equal to `key`, or starting with it.
  public struct Probe: Equatable, Sendable {
    public var field: FindKey.Field
    public var key: String
    public var prefix: Bool

    public init(field: FindKey.Field, key: String, prefix: Bool) {
      self.field = field
      self.key = key
      self.prefix = prefix
    }
  }

  public let text: String
  public let probes: [Probe]

  /// Fewer digits than this match too many case numbers to be a search.
  public static let minimumDigits = 4

  /// Parses `text`; a refusal in the clerk's words when it cannot be searched.
  public static func parse(_ text: String) -> Result<FindQuery, Refusal> {
    let q = FindKey.normalised(text)
    guard !q.isEmpty else {
      return .failure(Refusal("请输入案件编号(或尾号)、姓名、证件号码、电话或工单号"))
    }
    var probes: [Probe] = []
    func add(_ f: FindKey.Field, _ v: String, prefix: Bool) {
      probes.append(Probe(field: f, key: FindKey.key(f, v), prefix: prefix))
    }
    let allDigits = q.allSatisfy { $0.isASCII && $0.isNumber }
    let ascii = q.allSatisfy(\.isASCII)
    if allDigits {
      guard q.count >= minimumDigits else {
        return .failure(Refusal("请至少输入\(minimumDigits)位数字(案件编号尾号、电话或证件号码)"))
      }
      add(.numberTail, String(q.reversed()), prefix: true)
      add(.phone, q, prefix: false)
    }
    if ascii {
      // A number's leading part (BYQ2026) or whole; an ID or ticket number exactly.
      if q.contains(where: \.isLetter) { add(.number, q, prefix: true) }
      add(.idNumber, q, prefix: false)
      add(.ticket, q, prefix: false)
      if q.count >= 2, q.contains(where: \.isLetter) { add(.name, q, prefix: true) }
    } else {
      add(.name, q, prefix: true)
      add(.ticket, q, prefix: false)
    }
    return .success(FindQuery(text: q, probes: probes))
  }
}
