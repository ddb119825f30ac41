import Domain

/// The first phase of an import, outside the write lock: everything that can be checked without
/// changing anything. Each event's hash is recomputed, each origin's items must link into one
/// unbroken cover, the digest must match the manifest, shared data must come from the district,
/// and every hash the bundle states is compared with what this node holds (a fork is found here,
/// before the lock is taken).
struct BundleValidation {
  let reader: BundleReader
  let node: NodeIdentity
  let chain: LocalChain
  var progress: ((Int, Int) -> Void)?
  /// Events handed to the checking thread at once (tests make it small to cross batches).
  var checkBatch = EventCheckPipeline.batchSize

  /// What applying the bundle would do, as seen from the snapshot the validation read.
  struct Outcome {
    var newItems = 0
    var duplicates = 0
    /// Where each origin's cover in the bundle ends.
    var ends: [String: ChainMark] = [:]
    /// Each origin's events in the bundle, by sequence number: their streams (the apply asks
    /// which are new here and which it touched without scanning the bundle again).
    var streams: [String: [(seq: Int64, stream: String)]] = [:]
    /// The latest timestamp of the bundle's events (the causal clock moves past it).
    var latest: Int64 = 0

    /// The distinct streams of the bundle's events, each once.
    var distinctStreams: [String] {
      var seen = Set<String>()
      return streams.keys.sorted().flatMap { streams[$0] ?? [] }.map(\.stream).filter {
        seen.insert($0).inserted
      }
    }
  }

  /// A cover being walked: the last item of the current origin and its head as seen so far.
  private struct Cursor {
    var origin: String
    var node: String
    var last: ChainItem
    var head: ChainMark
  }

  /// Each event's hash and text are checked on a second thread (`EventCheckPipeline`) while
  /// this one reads the bundle and walks the chains; the problem thrown is the one a check on
  /// one thread, item by item, would meet first.
  func run() throws -> Outcome {
    let path = reader.path
    let checker = EventCheckPipeline(batchSize: checkBatch) { Self.checkAlone($0, path: path) }
    defer { checker.close() }
    let outcome: Outcome
    let digest: String
    do {
      (outcome, digest) = try walk(checker)
    } catch {
      // An event the checker refused comes before the item this thread stopped at (or is it,
      // its hash checked before the rest): its problem is the first.
      throw checker.firstFailure() ?? error
    }
    if let failure = checker.firstFailure() { throw failure }
    guard digest == reader.manifest.digest else {
      throw BundleProblem.digestMismatch(path: path)
    }
    return outcome
  }

  /// Every item in bundle order, but for the checks `checkAlone` makes, which `checker` runs;
  /// the outcome and the digest of the items.
  private func walk(_ checker: EventCheckPipeline) throws -> (Outcome, String) {
    let path = reader.path
    let manifest = reader.manifest
    var outcome = Outcome()
    var digest = BundleDigest()
    var cursor: Cursor?
    var seen = 0
    let total = manifest.eventCount + manifest.elidedCount
    try reader.forEachItem { item in
      seen += 1
      if seen % 5000 == 0 { progress?(seen, total) }
      digest.add(item)
      guard item.first >= 1, item.last >= item.first, Self.isHash(item.hash),
        item.prevHash.isEmpty ? item.first == 1 : Self.isHash(item.prevHash)
      else { throw BundleProblem.chainBroken(origin: item.origin, seq: item.first) }
      if cursor?.origin != item.origin {
        guard let originNode = SyncScope.node(ofOrigin: item.origin) else {
          throw BundleProblem.malformed(path: path, detail: "来源「\(item.origin)」无效")
        }
        // Our own earlier epoch comes back from the district after a restore; the current one
        // never comes from anyone else.
        if originNode == node.code,
          !SyncScope.isEarlierEpoch(item.origin, of: node.code, before: node.epoch)
        {
          throw BundleProblem.ownEvent(origin: item.origin, seq: item.first)
        }
        if item.first == 1, !item.prevHash.isEmpty {
          throw BundleProblem.chainBroken(origin: item.origin, seq: 1)
        }
        cursor = Cursor(
          origin: item.origin, node: originNode, last: item, head: try chain.head(item.origin))
      } else if let c = cursor {
        guard item.first == c.last.last + 1, item.prevHash == c.last.hash else {
          throw BundleProblem.chainBroken(origin: item.origin, seq: item.first)
        }
      }
      guard var c = cursor else { return }
      if let event = item.event {
        try check(event, originNode: c.node, checker: checker)
        outcome.streams[event.origin, default: []].append((event.seq, event.stream))
        outcome.latest = max(outcome.latest, event.timestamp)
      }
      do {
        switch try chain.classify(item, head: c.head) {
        case .duplicate: outcome.duplicates += item.isElided ? 0 : 1
        case .backfill: outcome.newItems += 1
        case .extends:
          outcome.newItems += 1
          c.head = ChainMark(seq: item.last, hash: item.hash)
        case .gap:
          // Waiting in quarantine already (the same bundle again): nothing new.
          if try chain.quarantinedHash(item) != item.hash { outcome.newItems += 1 }
        }
      } catch let contradiction as ChainContradiction {
        throw BundleProblem.fork(
          peer: manifest.fromNode, origin: contradiction.origin, seq: contradiction.seq)
      }
      c.last = item
      cursor = c
      outcome.ends[item.origin] = ChainMark(seq: item.last, hash: item.hash)
    }
    progress?(total, total)
    return (outcome, digest.finalize())
  }

  /// One event on its own: well-formed, hashed as stored and its text acceptable here
  /// (`checkAlone`, handed to `checker` in their place among the checks), and authored where it
  /// may be.
  private func check(_ e: Event, originNode: String, checker: EventCheckPipeline) throws {
    // The stream's kind once: the checks below asked for it three times per event.
    let kind = SyncScope.kind(of: e.stream)
    guard e.node == originNode, !e.stream.isEmpty, !kind.isEmpty,
      !e.type.rawValue.isEmpty, !e.actor.isEmpty
    else {
      throw BundleProblem.malformed(path: reader.path, detail: "\(e.origin) 第 \(e.seq) 号事件字段无效")
    }
    try checker.submit(e)
    if SyncScope.localOnlyKinds.contains(kind) {
      throw BundleProblem.localOnly(origin: e.origin, seq: e.seq, stream: e.stream)
    }
    if SyncScope.districtOnlyKinds.contains(kind), e.node != node.district {
      throw BundleProblem.notAuthorised(origin: e.origin, seq: e.seq, stream: e.stream)
    }
  }

  /// The checks of one event made on the checking thread, in the order and at the place a
  /// validation on one thread made them (after the fields, before the authority): hashed as
  /// stored, then the text rules of a local write (names, lengths, controls). By profile the two
  /// together cost that thread about what the rest of the validation costs this one.
  static func checkAlone(_ e: Event, path: String) -> BundleProblem? {
    guard e.computedHash() == e.hash else {
      return BundleProblem.eventEdited(origin: e.origin, seq: e.seq)
    }
    if let refusal = IncomingText.problem(e) {
      return BundleProblem.malformed(
        path: path, detail: "\(e.origin) 第 \(e.seq) 号事件不符合本节点的规则:\(refusal.message)")
    }
    return nil
  }

  static func isHash(_ text: String) -> Bool {
    text.utf8.count == 64
      && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
  }
}
