import Domain

/// Where a bundle item lands against what this node holds of its origin.
enum ItemDisposition: Equatable {
  /// Already held, with the same hash: nothing to do.
  case duplicate
  /// An event inside a range held only as hashes (a case that came into scope): it fills part of
  /// that range.
  case backfill(ElidedRange)
  /// Continues the chain from the head (or straddles it: the part beyond the head is new).
  case extends
  /// Begins after a gap: waits in quarantine for the missing events.
  case gap
}

/// The item contradicts what this node holds: a fork at (origin, seq).
struct ChainContradiction: Error, Equatable {
  let origin: String
  let seq: Int64
}

extension LocalChain {
  /// Decides an item's disposition, given the origin's head as it stands now. Reads only.
  ///
  /// The item's own hash and its links to its neighbours in the bundle were checked before; here
  /// every hash the item states is compared with any hash this node knows at the same place.
  func classify(_ item: ChainItem, head: ChainMark) throws -> ItemDisposition {
    let origin = item.origin
    if item.last <= head.seq {
      if let event = item.event {
        if let held = try eventHash(origin, event.seq) {
          guard held == event.hash else { throw ChainContradiction(origin: origin, seq: event.seq) }
          return .duplicate
        }
        guard let range = try elided(origin, containing: event.seq) else {
          throw ChainContradiction(origin: origin, seq: event.seq)
        }
        if event.seq == range.first, event.prevHash != range.prevHash {
          throw ChainContradiction(origin: origin, seq: event.seq)
        }
        if event.seq == range.last, event.hash != range.hash {
          throw ChainContradiction(origin: origin, seq: event.seq)
        }
        try checkLink(item)
        return .backfill(range)
      }
      if let known = try knownHash(origin, item.last), known != item.hash {
        throw ChainContradiction(origin: origin, seq: item.last)
      }
      try checkLink(item)
      return .duplicate
    }
    if item.first > head.seq + 1 { return .gap }
    if item.first == head.seq + 1 {
      guard item.prevHash == head.hash else {
        throw ChainContradiction(origin: origin, seq: head.seq)
      }
    } else {
      try checkLink(item)
    }
    return .extends
  }

  /// The hash before the item, where this node knows it, must be the item's `prevHash`.
  private func checkLink(_ item: ChainItem) throws {
    if let before = try knownHash(item.origin, item.first - 1), before != item.prevHash {
      throw ChainContradiction(origin: item.origin, seq: item.first - 1)
    }
  }
}
