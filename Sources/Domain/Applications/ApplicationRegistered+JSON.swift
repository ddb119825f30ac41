import Foundation

/// A payload that composes its own canonical JSON from parts (byte for byte what
/// `JSONEncoder` with sorted keys writes), where a part repeats across many events.
public protocol CanonicalComposed {
  var canonicalJSON: String { get }
}

extension ApplicationRegistered: CanonicalComposed {
  /// The item snapshot is most of a registration's payload and the same for every case of one
  /// item version: it is encoded once and reused; the rest is encoded as usual. Keys in sorted
  /// order, as `.sortedKeys` writes them.
  public var canonicalJSON: String {
    "{\"applicant\":" + CanonicalJSON.encodeWithFoundation(applicant)
      + (assistance.map { ",\"assistance\":" + CanonicalJSON.encodeWithFoundation($0) } ?? "")
      + ",\"channel\":"
      + CanonicalJSON.encodeWithFoundation(channel) + ",\"item\":"
      + ItemSnapshotJSON.shared.json(item)
      + ",\"materials\":" + CanonicalJSON.encodeWithFoundation(materials) + ",\"note\":"
      + CanonicalJSON.encodeWithFoundation(note)
      + (package.map { ",\"package\":" + CanonicalJSON.encodeWithFoundation($0) } ?? "")
      + (platform.map { ",\"platform\":" + CanonicalJSON.encodeWithFoundation($0) } ?? "")
      + ",\"preReviewDays\":" + String(preReviewDays)
      + ",\"registeredOrg\":" + CanonicalJSON.encodeWithFoundation(registeredOrg) + "}"
  }
}

/// Canonical JSON of item snapshots, by item code, reused while the snapshot is equal.
final class ItemSnapshotJSON: @unchecked Sendable {
  static let shared = ItemSnapshotJSON()
  /// Snapshots before the cache starts over (a district has a few hundred items).
  static let capacity = 1024
  private let lock = NSLock()
  private var entries: [String: (item: ItemSnapshot, json: String)] = [:]
  /// Snapshots by the hash of the JSON text they were decoded from (hashed as one run of
  /// bytes, in place: `[UInt8]`'s own hashing feeds the hasher a byte at a time, and a key
  /// made for each lookup copied the text), each with its text to compare.
  private var decoded: [Int: [(bytes: [UInt8], item: ItemSnapshot)]] = [:]
  private var decodedCount = 0

  func json(_ item: ItemSnapshot) -> String {
    lock.lock()
    let hit = entries[item.code]
    lock.unlock()
    if let hit, hit.item == item { return hit.json }
    let json = CanonicalJSON.encodeWithFoundation(item)
    lock.lock()
    defer { lock.unlock() }
    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
    entries[item.code] = (item, json)
    return json
  }

  /// The snapshot a JSON text decodes to; the last few hundred texts are remembered.
  func snapshot(_ json: [UInt8]) throws -> ItemSnapshot {
    try json.withUnsafeBufferPointer { try snapshot($0) }
  }

  /// Whether two texts are the same bytes, compared as one run (an element-wise walk over a
  /// snapshot's few hundred bytes cost as much as hashing them).
  private static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    return a.withUnsafeBufferPointer {
      guard let x = $0.baseAddress, let y = b.baseAddress else { return b.isEmpty }
      return memcmp(x, y, b.count) == 0
    }
  }

  /// The same, read in place: the bytes are copied into a key only when the text is new.
  func snapshot(_ json: UnsafeBufferPointer<UInt8>) throws -> ItemSnapshot {
    var hasher = Hasher()
    hasher.combine(bytes: UnsafeRawBufferPointer(json))
    let hash = hasher.finalize()
    lock.lock()
    let hit = decoded[hash]?.first { Self.same($0.bytes, json) }
    lock.unlock()
    if let hit { return hit.item }
    let item = try PayloadDecoding.decode(ItemSnapshot.self, from: Array(json))
    lock.lock()
    defer { lock.unlock() }
    if decodedCount >= Self.capacity {
      decoded.removeAll(keepingCapacity: true)
      decodedCount = 0
    }
    decoded[hash, default: []].append((Array(json), item))
    decodedCount += 1
    return item
  }
}

/// A payload that can decode itself faster than `JSONDecoder` would, giving the same value.
public protocol CanonicalDecomposed: Decodable {
  static func decodeComposed(_ payload: String) throws -> Self
}

extension ApplicationRegistered: CanonicalDecomposed {
  /// The registration without its item (which `JSONDecoder` ignores as an unknown key).
  private struct Rest: Decodable {
    var applicant: Applicant
    var channel: ApplicationChannel
    var note: String
    var materials: [MaterialStatus]
    var registeredOrg: String
    var preReviewDays: Int
    var assistance: ApplicationAssistance?
    var platform: PlatformSubmission?
    var package: String?
  }

  /// The item snapshot is looked up by its JSON text (decoded once per item version, as it
  /// was encoded once); the rest of the payload is decoded with the item cut out. A payload
  /// whose item cannot be found exactly once at the top level is decoded whole. The text is
  /// read in place (a registration is most of a rebuild's decoding).
  public static func decodeComposed(_ payload: String) throws -> ApplicationRegistered {
    var text = payload
    return try text.withUTF8 { bytes in
      guard let range = JSONScan.topLevelObject(of: "item", in: bytes) else {
        return try PayloadDecoding.decode(Self.self, from: Array(bytes))
      }
      let item = try ItemSnapshotJSON.shared.snapshot(UnsafeBufferPointer(rebasing: bytes[range]))
      var restText = [UInt8]()
      restText.reserveCapacity(bytes.count - range.count + 1)
      restText.append(contentsOf: bytes[..<range.lowerBound])
      restText.append(UInt8(ascii: "0"))
      restText.append(contentsOf: bytes[range.upperBound...])
      let rest = try PayloadDecoding.decode(Rest.self, from: restText)
      return ApplicationRegistered(
        item: item, applicant: rest.applicant, channel: rest.channel, note: rest.note,
        materials: rest.materials, registeredOrg: rest.registeredOrg,
        preReviewDays: rest.preReviewDays, assistance: rest.assistance, platform: rest.platform,
        package: rest.package)
    }
  }
}

/// Just enough JSON scanning to find one key's object value at the top level of an object.
enum JSONScan {
  private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

  /// The byte range of `key`'s value (an object) in the top-level object; nil unless the key
  /// occurs there exactly once, its value is an object and the text is well nested.
  static func topLevelObject(of key: String, in b: [UInt8]) -> Range<Int>? {
    b.withUnsafeBufferPointer { topLevelObject(of: key, in: $0) }
  }

  static func topLevelObject(of key: String, in b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    var quotedKey = "\"\(key)\""
    return quotedKey.withUTF8 { quoted in
      var depth = 0
      var i = 0
      var keyNext = false
      var start: Int?
      var found: Range<Int>?
      var occurrences = 0
      func skipSpace(_ j: inout Int) {
        while j < b.count, b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x0D || b[j] == 0x09 {
          j += 1
        }
      }
      while i < b.count {
        let c = b[i]
        switch c {
        case quote:
          let s = i
          i += 1
          while i < b.count, b[i] != quote { i += b[i] == backslash ? 2 : 1 }
          guard i < b.count else { return nil }
          if depth == 1, keyNext, i + 1 - s == quoted.count,
            UnsafeBufferPointer(rebasing: b[s...i]).elementsEqual(quoted)
          {
            occurrences += 1
            var j = i + 1
            skipSpace(&j)
            guard j < b.count, b[j] == UInt8(ascii: ":") else { return nil }
            j += 1
            skipSpace(&j)
            guard j < b.count, b[j] == UInt8(ascii: "{") else { return nil }
            start = j
            i = j
            keyNext = false
            continue  // the brace is counted below, on the next turn
          }
          keyNext = false
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          depth += 1
          keyNext = c == UInt8(ascii: "{") && depth == 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          depth -= 1
          guard depth >= 0 else { return nil }
          if depth == 1, let s = start {
            found = s..<(i + 1)
            start = nil
          }
        case UInt8(ascii: ","):
          keyNext = depth == 1
        default: break
        }
        i += 1
      }
      guard depth == 0, occurrences == 1 else { return nil }
      return found
    }
  }
}
