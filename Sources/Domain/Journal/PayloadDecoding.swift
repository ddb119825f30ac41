import Foundation

/// Decodes payloads without `JSONDecoder` where that gives the very same value, and with it
/// everywhere else: a rebuild or an import decodes hundreds of thousands of payloads, and
/// Foundation's decoder was most of their time.
///
/// Exactly equivalent by construction: the reader takes only JSON it reads as Foundation does
/// (`PayloadJSON`), and the decoder gives up — the whole payload then goes to `JSONDecoder` —
/// at anything it does not answer exactly as Foundation would: any error at all (even one a
/// payload's own `init(from:)` catches, since Foundation's own answer there might differ), a type
/// Foundation treats specially (`Date`, `Data`, `URL`, `Decimal`), a `Float`, an integer
/// written with a fraction or exponent, a number out of range. `PayloadDecodingTests` decode
/// every event of the demo and of a generated journal both ways and compare.
public enum PayloadDecoding {
  public static func decode<T: Decodable>(_: T.Type, from payload: String) throws -> T {
    if let value = fast(T.self, from: payload) { return value }
    return try JSONDecoder().decode(T.self, from: Data(payload.utf8))
  }

  public static func decode<T: Decodable>(_: T.Type, from bytes: [UInt8]) throws -> T {
    if let json = PayloadJSON.parse(bytes), let value = fast(T.self, json: json) { return value }
    return try JSONDecoder().decode(T.self, from: Data(bytes))
  }

  /// The value the fast path gives, or nil where it gives up (never a different value).
  static func fast<T: Decodable>(_: T.Type, from payload: String) -> T? {
    guard let json = PayloadJSON.parse(payload) else { return nil }
    return fast(T.self, json: json)
  }

  static func fast<T: Decodable>(_: T.Type, json: PayloadJSON) -> T? {
    let state = ValueDecoder.State()
    let decoder = ValueDecoder(json, path: nil, state: state)
    guard let value = try? decoder.decodeValue(T.self), !state.gaveUp else { return nil }
    return value
  }
}

/// Why the fast path stopped; never seen by a caller (the payload is decoded by Foundation).
struct GaveUp: Error {}

/// A `Decoder` over a parsed value.
struct ValueDecoder: Decoder {
  final class State {
    /// Set at anything not answered exactly as `JSONDecoder` would: the result is dropped.
    var gaveUp = false
  }

  /// A key on the way down, linked to its parent's: the path is built only when asked for.
  final class Path {
    let parent: Path?
    let key: any CodingKey
    init(_ parent: Path?, _ key: any CodingKey) {
      self.parent = parent
      self.key = key
    }
  }

  let value: PayloadJSON
  let path: Path?
  let state: State
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  var codingPath: [any CodingKey] {
    var keys: [any CodingKey] = []
    var p = path
    while let node = p {
      keys.append(node.key)
      p = node.parent
    }
    return keys.reversed()
  }

  init(_ value: PayloadJSON, path: Path?, state: State) {
    self.value = value
    self.path = path
    self.state = state
  }

  func giveUp() -> GaveUp {
    state.gaveUp = true
    return GaveUp()
  }

  func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else { throw giveUp() }
    return KeyedDecodingContainer(KeyedValues<Key>(decoder: self, members: members))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else { throw giveUp() }
    return UnkeyedValues(decoder: self, elements: elements)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

  /// `value` as a `T`, through the primitive readers for the primitive types.
  func decodeValue<T: Decodable>(_: T.Type) throws -> T {
    // Metatypes compared by identity: cheaper than a cast per value.
    let type = ObjectIdentifier(T.self)
    if type == ObjectIdentifier(String.self) { return try cast(decode(String.self)) }
    if type == ObjectIdentifier(Int.self) { return try cast(integer(Int.self)) }
    if type == ObjectIdentifier(Bool.self) { return try cast(decode(Bool.self)) }
    if type == ObjectIdentifier(Double.self) { return try cast(decode(Double.self)) }
    if type == ObjectIdentifier(Int64.self) { return try cast(integer(Int64.self)) }
    // `JSONDecoder` reads these its own way (strategies), not through their `init(from:)`.
    // Compared one by one: a set's hashing cost more than the five comparisons.
    if type == ObjectIdentifier(Date.self) || type == ObjectIdentifier(Data.self)
      || type == ObjectIdentifier(URL.self) || type == ObjectIdentifier(Decimal.self)
      || type == ObjectIdentifier(Float.self)
    {
      throw giveUp()
    }
    return try T(from: self)
  }

  private func cast<T, V>(_ v: V) throws -> T {
    guard let t = v as? T else { throw giveUp() }
    return t
  }

  func child(_ value: PayloadJSON, _ key: any CodingKey) -> ValueDecoder {
    ValueDecoder(value, path: Path(path, key), state: state)
  }

  func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
    guard case .int(let n) = value, let v = T(exactly: n) else { throw giveUp() }
    return v
  }
}

extension PayloadJSON {
  /// A primitive read as `ValueDecoder` reads it, without a decoder of its own (no path is
  /// built for a leaf: the value alone decides, and any miss gives up the whole payload).
  func string(_ d: ValueDecoder) throws -> String {
    guard case .string(let s) = self else { throw d.giveUp() }
    return s
  }

  func bool(_ d: ValueDecoder) throws -> Bool {
    guard case .bool(let b) = self else { throw d.giveUp() }
    return b
  }

  func integer<T: FixedWidthInteger>(_: T.Type, _ d: ValueDecoder) throws -> T {
    guard case .int(let n) = self, let v = T(exactly: n) else { throw d.giveUp() }
    return v
  }
}

extension ValueDecoder: SingleValueDecodingContainer {
  func decodeNil() -> Bool {
    if case .null = value { return true }
    return false
  }
  func decode(_: Bool.Type) throws -> Bool {
    guard case .bool(let b) = value else { throw giveUp() }
    return b
  }
  func decode(_: String.Type) throws -> String {
    guard case .string(let s) = value else { throw giveUp() }
    return s
  }
  func decode(_: Double.Type) throws -> Double {
    switch value {
    case .int(let n) where n.magnitude < 1 << 53: return Double(n)
    case .int(let n): return try parsed(String(n))
    case .number(let text): return try parsed(text)
    default: throw giveUp()
    }
  }
  private func parsed(_ text: String) throws -> Double {
    guard let d = Double(text), d.isFinite else { throw giveUp() }
    return d
  }
  func decode(_: Float.Type) throws -> Float { throw giveUp() }
  func decode(_: Int.Type) throws -> Int { try integer(Int.self) }
  func decode(_: Int8.Type) throws -> Int8 { try integer(Int8.self) }
  func decode(_: Int16.Type) throws -> Int16 { try integer(Int16.self) }
  func decode(_: Int32.Type) throws -> Int32 { try integer(Int32.self) }
  func decode(_: Int64.Type) throws -> Int64 { try integer(Int64.self) }
  func decode(_: UInt.Type) throws -> UInt { try integer(UInt.self) }
  func decode(_: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
  func decode(_: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
  func decode(_: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
  func decode(_: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }
  func decode<T: Decodable>(_: T.Type) throws -> T { try decodeValue(T.self) }
}

/// An object's members for a `KeyedDecodingContainer`.
struct KeyedValues<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: ValueDecoder
  let members: [(key: String, value: PayloadJSON)]
  var codingPath: [any CodingKey] { decoder.codingPath }
  var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

  func contains(_ key: Key) -> Bool { lookUp(key) != nil }

  private func lookUp(_ key: Key) -> PayloadJSON? {
    let name = key.stringValue
    for m in members where m.key == name { return m.value }
    return nil
  }

  private func int<T: FixedWidthInteger>(_ key: Key) throws -> T {
    try value(key).integer(T.self, decoder)
  }

  private func value(_ key: Key) throws -> PayloadJSON {
    guard let v = lookUp(key) else { throw decoder.giveUp() }
    return v
  }

  private func child(_ key: Key) throws -> ValueDecoder {
    decoder.child(try value(key), key)
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    if case .null = try value(key) { return true }
    return false
  }
  func decode(_: Bool.Type, forKey key: Key) throws -> Bool { try value(key).bool(decoder) }
  func decode(_: String.Type, forKey key: Key) throws -> String {
    try value(key).string(decoder)
  }
  /// What the protocol's own `decodeIfPresent` does (contains, decodeNil, decode), with one
  /// look-up instead of three.
  func decodeIfPresent(_: String.Type, forKey key: Key) throws -> String? {
    switch lookUp(key) {
    case nil, .null?: return nil
    case let v?: return try v.string(decoder)
    }
  }
  func decodeIfPresent<T: Decodable>(_: T.Type, forKey key: Key) throws -> T? {
    switch lookUp(key) {
    case nil, .null?: return nil
    case let v?: return try decoder.child(v, key).decodeValue(T.self)
    }
  }
  func decode(_: Double.Type, forKey key: Key) throws -> Double {
    try child(key).decode(Double.self)
  }
  func decode(_: Float.Type, forKey key: Key) throws -> Float { throw decoder.giveUp() }
  func decode(_: Int.Type, forKey k: Key) throws -> Int { try int(k) }
  func decode(_: Int8.Type, forKey k: Key) throws -> Int8 { try int(k) }
  func decode(_: Int16.Type, forKey k: Key) throws -> Int16 { try int(k) }
  func decode(_: Int32.Type, forKey k: Key) throws -> Int32 { try int(k) }
  func decode(_: Int64.Type, forKey k: Key) throws -> Int64 { try int(k) }
  func decode(_: UInt.Type, forKey k: Key) throws -> UInt { try int(k) }
  func decode(_: UInt8.Type, forKey k: Key) throws -> UInt8 { try int(k) }
  func decode(_: UInt16.Type, forKey k: Key) throws -> UInt16 { try int(k) }
  func decode(_: UInt32.Type, forKey k: Key) throws -> UInt32 { try int(k) }
  func decode(_: UInt64.Type, forKey k: Key) throws -> UInt64 { try int(k) }
  func decode<T: Decodable>(_: T.Type, forKey key: Key) throws -> T {
    try child(key).decodeValue(T.self)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
    throws -> KeyedDecodingContainer<NestedKey>
  {
    try child(key).container(keyedBy: type)
  }
  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try child(key).unkeyedContainer()
  }
  func superDecoder() throws -> any Decoder { throw decoder.giveUp() }
  func superDecoder(forKey key: Key) throws -> any Decoder { throw decoder.giveUp() }
}

/// An array's elements for an `UnkeyedDecodingContainer`.
struct UnkeyedValues: UnkeyedDecodingContainer {
  let decoder: ValueDecoder
  let elements: [PayloadJSON]
  var currentIndex = 0
  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  struct Index: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue _: String) { nil }
  }

  private mutating func next() throws -> ValueDecoder {
    guard !isAtEnd else { throw decoder.giveUp() }
    let d = decoder.child(elements[currentIndex], Index(intValue: currentIndex))
    currentIndex += 1
    return d
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd else { throw decoder.giveUp() }
    if case .null = elements[currentIndex] {
      currentIndex += 1
      return true
    }
    return false
  }
  /// The next element as it is, for a primitive (no decoder of its own).
  private mutating func nextValue() throws -> PayloadJSON {
    guard !isAtEnd else { throw decoder.giveUp() }
    defer { currentIndex += 1 }
    return elements[currentIndex]
  }

  mutating func decode(_: Bool.Type) throws -> Bool { try nextValue().bool(decoder) }
  mutating func decode(_: String.Type) throws -> String { try nextValue().string(decoder) }
  mutating func decode(_: Double.Type) throws -> Double { try next().decode(Double.self) }
  mutating func decode(_: Float.Type) throws -> Float { throw decoder.giveUp() }
  mutating func decode(_: Int.Type) throws -> Int { try next().integer(Int.self) }
  mutating func decode(_: Int8.Type) throws -> Int8 { try next().integer(Int8.self) }
  mutating func decode(_: Int16.Type) throws -> Int16 { try next().integer(Int16.self) }
  mutating func decode(_: Int32.Type) throws -> Int32 { try next().integer(Int32.self) }
  mutating func decode(_: Int64.Type) throws -> Int64 { try next().integer(Int64.self) }
  mutating func decode(_: UInt.Type) throws -> UInt { try next().integer(UInt.self) }
  mutating func decode(_: UInt8.Type) throws -> UInt8 { try next().integer(UInt8.self) }
  mutating func decode(_: UInt16.Type) throws -> UInt16 { try next().integer(UInt16.self) }
  mutating func decode(_: UInt32.Type) throws -> UInt32 { try next().integer(UInt32.self) }
  mutating func decode(_: UInt64.Type) throws -> UInt64 { try next().integer(UInt64.self) }
  mutating func decode<T: Decodable>(_: T.Type) throws -> T { try next().decodeValue(T.self) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next().container(keyedBy: type)
  }
  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next().unkeyedContainer()
  }
  mutating func superDecoder() throws -> any Decoder { throw decoder.giveUp() }
}

extension PayloadDecoding {
  /// While on (tests), every payload an event decodes is decoded both ways — this path and
  /// `JSONDecoder` alone — and compared (`==` and the canonical JSON of each), bypassing the
  /// payload cache; what was seen is tallied by event type and Swift type.
  public static let comparison = Comparison()

  public final class Comparison: @unchecked Sendable {
    public struct Tally: Sendable {
      /// "event.type Swift.Type" → payloads decoded on the fast path.
      public var fast: [String: Int] = [:]
      /// Payloads the fast path gave to `JSONDecoder` (same value, only slower), by pair.
      public var slow: [String: Int] = [:]
      /// Payloads whose two decodings differ (must stay empty), with the payload.
      public var different: [String] = []
      public var eventTypes: Set<String> {
        Set(
          (Array(fast.keys) + Array(slow.keys)).compactMap {
            $0.split(separator: " ").first.map(String.init)
          })
      }
    }

    private let lock = NSLock()
    private var tally: Tally?

    public var isOn: Bool {
      lock.lock()
      defer { lock.unlock() }
      return tally != nil
    }

    public func start() {
      lock.lock()
      defer { lock.unlock() }
      tally = Tally()
    }

    /// Stops comparing and returns what was seen.
    public func stop() -> Tally {
      lock.lock()
      defer { lock.unlock() }
      let t = tally ?? Tally()
      tally = nil
      return t
    }

    func decode<T: Decodable>(_: T.Type, _ event: Event) throws -> T {
      let foundation = try JSONDecoder().decode(T.self, from: Data(event.payload.utf8))
      let pair = "\(event.type.rawValue) \(T.self)"
      let mine: T?
      if let composed = T.self as? any CanonicalDecomposed.Type {
        mine = try composed.decodeComposed(event.payload) as? T
      } else {
        mine = PayloadDecoding.fast(T.self, from: event.payload)
      }
      lock.lock()
      defer { lock.unlock() }
      guard let mine else {
        tally?.slow[pair, default: 0] += 1
        return foundation
      }
      tally?.fast[pair, default: 0] += 1
      if !Self.same(mine, foundation) { tally?.different.append("\(pair): \(event.payload)") }
      return foundation
    }

    static func same<T>(_ a: T, _ b: T) -> Bool {
      if let a = a as? any Equatable, !equal(a, b) { return false }
      if let a = a as? any Encodable, let b = b as? any Encodable {
        return CanonicalJSON.encodeWithFoundation(a) == CanonicalJSON.encodeWithFoundation(b)
      }
      return true
    }

    private static func equal<E: Equatable>(_ a: E, _ b: Any) -> Bool {
      guard let b = b as? E else { return false }
      return a == b
    }
  }
}
