import Domain

/// Applies one origin's bundle items in sequence order inside the import transaction, then the
/// quarantined items the new head reaches. The head is kept here and written once at the end.
struct OriginApplier {
  let chain: LocalChain
  let origin: String
  let peer: String
  let receivedAt: Int64
  private let startHead: ChainMark
  private(set) var head: ChainMark
  private(set) var applied = 0
  private(set) var duplicates = 0
  private(set) var quarantined = 0
  /// Streams of the events inserted, in order.
  private(set) var touched: [String] = []

  init(chain: LocalChain, origin: String, peer: String, receivedAt: Int64) throws {
    self.chain = chain
    self.origin = origin
    self.peer = peer
    self.receivedAt = receivedAt
    startHead = try chain.head(origin)
    head = startHead
  }

  mutating func take(_ item: ChainItem) throws {
    switch try chain.classify(item, head: head) {
    case .duplicate:
      if !item.isElided { duplicates += 1 }
    case .backfill(let range):
      guard let event = item.event else { return }
      try chain.deleteElided(origin, first: range.first)
      if range.first < event.seq {
        try chain.insertElided(
          origin,
          ElidedRange(
            first: range.first, last: event.seq - 1, prevHash: range.prevHash,
            hash: event.prevHash))
      }
      if event.seq < range.last {
        try chain.insertElided(
          origin,
          ElidedRange(
            first: event.seq + 1, last: range.last, prevHash: event.hash, hash: range.hash))
      }
      try insert(event)
    case .extends:
      if let event = item.event {
        try insert(event)
      } else {
        let first = max(item.first, head.seq + 1)
        try chain.appendElided(
          origin,
          ElidedRange(first: first, last: item.last, prevHash: head.hash, hash: item.hash))
      }
      head = ChainMark(seq: item.last, hash: item.hash)
    case .gap:
      if let held = try chain.quarantinedHash(item) {
        guard held == item.hash else { throw ChainContradiction(origin: origin, seq: item.first) }
      } else {
        try chain.quarantine(item, peer: peer, at: receivedAt)
        if !item.isElided { quarantined += 1 }
      }
    }
  }

  /// Inserts every item of the attached bundle (schema `bundle`) after the head, in two
  /// statements: the rest of a cover that links on from the head. Validation checked each of
  /// those items and its link to the one before; the item meeting the head went through `take`.
  /// - Parameter streams: this origin's events in the bundle, by sequence number, with their
  ///   streams (validation's `Outcome.streams`): those after the head are touched.
  mutating func extendInBulk(to end: ChainMark, streams: [(seq: Int64, stream: String)]) throws {
    guard end.seq > head.seq else { return }
    let db = chain.db
    let from = head.seq
    touched += streams.filter { $0.seq > from }.map(\.stream)
    try db.hot.run(
      """
      INSERT INTO journal (\(Journal.columns))
      SELECT \(Journal.columns) FROM bundle.event WHERE origin = ? AND seq > ?
      """, [origin, from])
    applied += db.changes
    db.memo.forget(prefix: "journal:")
    try db.hot.run(
      """
      INSERT INTO chain_elided (origin, first_seq, last_seq, prev_hash, hash)
      SELECT origin, first_seq, last_seq, prev_hash, hash FROM bundle.elided
      WHERE origin = ? AND first_seq > ?
      """, [origin, from])
    head = end
  }

  private mutating func insert(_ event: Event) throws {
    try Journal.insert(event, db: chain.db)
    applied += 1
    touched.append(event.stream)
  }

  /// Applies quarantined items the head now reaches, until the next gap; then writes the head.
  mutating func finish() throws {
    while true {
      let ready = try chain.quarantined(origin, upTo: head.seq + 1)
      guard !ready.isEmpty else { break }
      for item in ready {
        try chain.release(item)
        try take(item)
      }
    }
    if head != startHead { try chain.setHead(origin, head) }
  }
}
