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
    "{\"applicant\":" + CanonicalJSON.encodeWithFoundation(applicant) + ",\"channel\":"
      + CanonicalJSON.encodeWithFoundation(channel) + ",\"item\":" + ItemSnapshotJSON.shared.json(item)
      + ",\"materials\":" + CanonicalJSON.encodeWithFoundation(materials) + ",\"note\":"
      + CanonicalJSON.encodeWithFoundation(note) + ",\"preReviewDays\":" + String(preReviewDays)
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
}
