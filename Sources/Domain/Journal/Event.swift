import Foundation

/// 事件 — one recorded change, as it stands in the journal.
///
/// Identity is `(origin, seq)`: origin is the node code plus the node's epoch (`BYQ.1`), so a node
/// restored from a backup takes a new epoch and never reuses a sequence number it already spent.
/// `hash` chains each origin's events: SHA-256 of the previous hash and the canonical bytes.
public struct Event: Sendable, Equatable {
  public var origin: String
  public var seq: Int64
  /// What the event is about: `case/BYQ-2026-000001`, `staff/zhangli`, `org/WXZ`, `calendar/2027`.
  public var stream: String
  public var type: EventType
  /// Canonical JSON (sorted keys), hashed exactly as stored.
  public var payload: String
  public var actor: String
  /// Node code where the change was made (the origin without its epoch).
  public var node: String
  /// Milliseconds since 1970-01-01 UTC.
  public var timestamp: Int64
  public var prevHash: String
  public var hash: String

  public init(
    origin: String, seq: Int64, stream: String, type: EventType, payload: String, actor: String,
    node: String, timestamp: Int64, prevHash: String, hash: String
  ) {
    self.origin = origin
    self.seq = seq
    self.stream = stream
    self.type = type
    self.payload = payload
    self.actor = actor
    self.node = node
    self.timestamp = timestamp
    self.prevHash = prevHash
    self.hash = hash
  }

  public var date: Date { Date(timeIntervalSince1970: TimeInterval(timestamp) / 1000) }

  /// The bytes the hash covers: every field but the hashes, unambiguous because each field is
  /// length-prefixed (a newline inside a payload cannot shift a boundary).
  public func canonicalBytes() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(payload.utf8.count + 128)
    for field in [
      origin, String(seq), stream, type.rawValue, actor, node, String(timestamp), payload,
    ] {
      let bytes = Array(field.utf8)
      out.append(contentsOf: Array(String(bytes.count).utf8))
      out.append(UInt8(ascii: ":"))
      out.append(contentsOf: bytes)
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  /// `hash = SHA-256(prev hash ‖ canonical bytes)`, lowercase hex.
  public static func chainHash(prevHash: String, canonical: [UInt8]) -> String {
    var hasher = SHA256()
    hasher.update(Array(prevHash.utf8))
    hasher.update(canonical)
    return SHA256.hex(hasher.finalize())
  }

  /// `chainHash(prevHash:canonical: canonicalBytes())`, fed to the hasher field by field: an
  /// import re-hashes every event it receives, and building the canonical bytes first copied
  /// every payload once more (`EventHashTests` checks both give the same hash).
  public func computedHash() -> String {
    var hasher = SHA256()
    hasher.update(prevHash.utf8)
    for field in [origin, String(seq), stream, type.rawValue, actor, node, String(timestamp)] {
      Self.feed(field, to: &hasher)
    }
    Self.feed(payload, to: &hasher)
    return SHA256.hex(hasher.finalize())
  }

  /// One field of the canonical bytes: its UTF-8 length, a colon, its bytes, a newline.
  private static func feed(_ field: String, to hasher: inout SHA256) {
    hasher.update((String(field.utf8.count) + ":").utf8)
    hasher.update(field.utf8)
    hasher.update(newline)
  }

  private static let newline: [UInt8] = [UInt8(ascii: "\n")]

  /// Decodes the payload; a payload that does not decode is a programmer error upstream, so it
  /// surfaces as a thrown error the caller turns into a conflict, never a crash.
  public func decode<T: Decodable>(_: T.Type) throws -> T {
    // Keyed by the event's hash, which covers the payload: hashing the payload text itself (Chinese,
    // so through Unicode normalisation) cost more than a sync import's decoding saved. A trial
    // event, not yet hashed, is decoded afresh.
    if PayloadDecoding.comparison.isOn {
      return try PayloadDecoding.comparison.decode(T.self, self)
    }
    guard !hash.isEmpty else { return try PayloadDecoding.decode(T.self, from: payload) }
    let key = PayloadCache.Key(type: ObjectIdentifier(T.self), eventHash: hash)
    if let hit: T = PayloadCache.shared.value(key) { return hit }
    // A payload that decodes itself is decoded so by the overload below, chosen where its type
    // is known; here (a generic caller) it is decoded as any other, to the same value.
    let value = try PayloadDecoding.decode(T.self, from: payload)
    PayloadCache.shared.store(value, key, size: payload.utf8.count)
    return value
  }

  /// The same for a payload that decodes itself (`CanonicalDecomposed`), chosen where the type
  /// is known: no conformance is looked up at run time.
  public func decode<T: CanonicalDecomposed>(_: T.Type) throws -> T {
    if PayloadDecoding.comparison.isOn {
      return try PayloadDecoding.comparison.decode(T.self, self)
    }
    guard !hash.isEmpty else { return try T.decodeComposed(payload) }
    let key = PayloadCache.Key(type: ObjectIdentifier(T.self), eventHash: hash)
    if let hit: T = PayloadCache.shared.value(key) { return hit }
    let value = try T.decodeComposed(payload)
    PayloadCache.shared.store(value, key, size: payload.utf8.count)
    return value
  }

  /// Seeds the payload cache with the value this (hashed) event's payload was encoded from.
  public func remember(_ body: PayloadBody) {
    guard !hash.isEmpty else { return }
    assert(body.roundTrips(payload), "payload of \(type) does not decode to what it encoded")
    PayloadCache.shared.store(
      body.value, PayloadCache.Key(type: body.type, eventHash: hash), size: payload.utf8.count)
  }

  /// Total order used for folding a stream: (timestamp, origin, seq).
  public static func foldOrder(_ a: Event, _ b: Event) -> Bool {
    if a.timestamp != b.timestamp { return a.timestamp < b.timestamp }
    if a.origin != b.origin { return a.origin < b.origin }
    return a.seq < b.seq
  }
}

/// An event's type, e.g. `staff.added`. Each feature declares its own in an extension.
public struct EventType: RawRepresentable, Hashable, Sendable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ raw: String) { self.rawValue = raw }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }
  /// `staff` of `staff.added`: which projection owns it.
  public var family: Substring { rawValue.split(separator: ".").first ?? Substring(rawValue) }
}

/// An event decided but not yet appended: the journal gives it origin, seq, time and hash.
public struct EventDraft: Sendable, Equatable {
  public var stream: String
  public var type: EventType
  public var payload: String
  /// The value the payload was encoded from: once the journal has hashed the event, it seeds
  /// the payload cache, so the fold that follows the append does not decode what was just
  /// encoded. Not part of the draft's identity.
  public var body: PayloadBody?

  public init(stream: String, type: EventType, payload: String) {
    self.stream = stream
    self.type = type
    self.payload = payload
  }

  public init(stream: String, type: EventType, body: some Encodable) {
    self.init(stream: stream, type: type, payload: CanonicalJSON.encode(body))
  }

  public init<B: Codable & Sendable>(stream: String, type: EventType, body: B) {
    self.init(stream: stream, type: type, payload: CanonicalJSON.encode(body))
    self.body = PayloadBody(body)
  }

  public static func == (a: EventDraft, b: EventDraft) -> Bool {
    a.stream == b.stream && a.type == b.type && a.payload == b.payload
  }
}

/// A draft's payload as a value, keyed like `PayloadCache` keys it (by its type).
public struct PayloadBody: Sendable {
  let type: ObjectIdentifier
  let value: any Sendable
  /// Whether decoding `payload` gives back a value that encodes to the same text; checked in
  /// debug builds, where a payload type whose decoding is not the inverse of its encoding
  /// would make a fold from the cache differ from a fold from the journal.
  let roundTrips: @Sendable (String) -> Bool

  init<B: Codable & Sendable>(_ value: B) {
    type = ObjectIdentifier(B.self)
    self.value = value
    roundTrips = { payload in
      guard let again = try? JSONDecoder().decode(B.self, from: Data(payload.utf8)) else {
        return false
      }
      return CanonicalJSON.encode(again) == payload
    }
  }
}

/// Sorted-key JSON without escaped slashes: the same value always gives the same bytes.
public enum CanonicalJSON {
  public static func encode(_ value: some Encodable) -> String {
    if let composed = value as? any CanonicalComposed { return composed.canonicalJSON }
    return encodeWithFoundation(value)
  }

  /// `JSONEncoder` itself (sorted keys, unescaped slashes), also for a payload's parts.
  static func encodeWithFoundation(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      // Our payload types are plain structs of strings and numbers; failing to encode one is a
      // programmer error (e.g. a non-finite Double), not a user input problem.
      preconditionFailure("payload not encodable: \(error)")
    }
  }
}
