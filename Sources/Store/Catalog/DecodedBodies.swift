/// Values decoded from JSON stored in a table, reused while the stored text is byte for byte
/// what was decoded. The stored text is read every time, so a change by this process, another
/// process or a rolled-back transaction is seen at once; only the decoding is saved.
final class DecodedBodies<Value> {
  private var entries: [String: (text: String, value: Value?)] = [:]
  /// Entries before the cache starts over (a district's catalog has a few hundred items).
  static var capacity: Int { 4096 }

  func value(_ key: String, text: String, decode: (String) -> Value?) -> Value? {
    if let hit = entries[key], hit.text.utf8.elementsEqual(text.utf8) { return hit.value }
    let value = decode(text)
    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
    entries[key] = (text, value)
    return value
  }
}
