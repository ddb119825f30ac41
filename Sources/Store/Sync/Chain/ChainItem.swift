import Domain

/// A high-water mark of one origin's chain: the last sequence number held and its hash.
public struct ChainMark: Equatable, Sendable {
  public var seq: Int64
  public var hash: String

  /// Before an origin's first event.
  public static let empty = ChainMark(seq: 0, hash: "")
}

/// 省略区间 — consecutive events of an origin held (or sent) only as the hashes at their ends:
/// events outside the recipient's scope. `prevHash` is the hash before `first`, `hash` the hash
/// of `last`, so the chain still links across the range.
struct ElidedRange: Equatable {
  var first: Int64
  var last: Int64
  var prevHash: String
  var hash: String
}

extension ElidedRange: RowDecodable, Decodable {
  static let table = "chain_elided"
  static let keyColumn = "first_seq"
  /// What a statement selects to read ranges.
  static let columns = "first_seq, last_seq, prev_hash, hash"

  enum CodingKeys: String, CodingKey {
    case first = "first_seq"
    case last = "last_seq"
    case prevHash = "prev_hash"
    case hash
  }
}

extension Connection {
  /// Each origin's mark, from a statement of `table` selecting `origin, seq, hash` (a chain
  /// head, what a peer holds, a bundle's marks); a row that cannot be read throws
  /// `StoreError.unreadableRow`.
  func chainMarks(
    of table: String, _ sql: String, _ args: [any SQLBindable] = [], cached: Bool = false
  ) throws -> [String: ChainMark] {
    var out: [String: ChainMark] = [:]
    try forEach(sql, args, cached: cached) { row in
      try row.read(table, keyColumn: "origin") { r in
        out[try r.decode("origin")] = ChainMark(
          seq: try r.decode("seq"), hash: try r.decode("hash"))
      }
    }
    return out
  }
}

/// One item of a bundle's cover of an origin: an event, or an elided range.
struct ChainItem {
  var origin: String
  var first: Int64
  var last: Int64
  var prevHash: String
  var hash: String
  /// nil for an elided range.
  var event: Event?

  init(event: Event) {
    origin = event.origin
    first = event.seq
    last = event.seq
    prevHash = event.prevHash
    hash = event.hash
    self.event = event
  }

  init(origin: String, elided range: ElidedRange) {
    self.origin = origin
    first = range.first
    last = range.last
    prevHash = range.prevHash
    hash = range.hash
    event = nil
  }

  var isElided: Bool { event == nil }
  var range: ElidedRange { ElidedRange(first: first, last: last, prevHash: prevHash, hash: hash) }
}
