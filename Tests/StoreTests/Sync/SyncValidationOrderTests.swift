import Domain
import Foundation
import XCTest

@testable import Store

/// The hashes and text rules are checked on a second thread (`EventCheckPipeline`): a bad bundle
/// is still refused with the problem a check item by item would meet first, however the events
/// fall into the checker's batches.
extension SyncRefusalTests {
  /// Batches of one, a few (the reading thread runs ahead of the checker and the batches break
  /// anywhere) and the import's own (the whole test bundle in one).
  static let batchSizes = [1, 2, 3, 5, EventCheckPipeline.batchSize]

  /// The bundle's events in bundle order (the order validation reads them).
  func bundleEvents() throws -> [(origin: String, seq: Int64)] {
    var events: [(origin: String, seq: Int64)] = []
    _ = try unsealedCopy(of: bundle, label: "listed") { db in
      events = try db.fetchAll("SELECT origin, seq FROM event ORDER BY origin, seq") {
        ($0.text(0), $0.int64(1))
      }
    }
    return events
  }

  /// The problem the township's validation of `file` throws, `batch` events a batch; nil if
  /// it passes.
  func validationProblem(_ file: String, batch: Int) throws -> BundleProblem? {
    let w = township!
    let reader = try BundleReader(path: file) { try w.bundleKey(for: $0, path: file) }
    do {
      _ = try w.db.inTransaction(.deferred) {
        try BundleValidation(
          reader: reader, node: w.node, chain: LocalChain(db: w.db), checkBatch: batch
        ).run()
      }
      return nil
    } catch let problem as BundleProblem {
      return problem
    }
  }

  /// Validation of `file` refuses it with `expected` at every batch size, and so does the import.
  func assertFirstProblem(
    _ file: String, _ expected: BundleProblem, line: UInt = #line
  ) throws {
    for batch in Self.batchSizes {
      XCTAssertEqual(
        try validationProblem(file, batch: batch), expected, "batch \(batch)", line: line)
    }
    try assertRefused(file, file: #filePath, line) { $0 == expected }
  }

  /// An event of the bundle changed and hashed again (its own hash right; the next event's link
  /// to it broken): the text rules are reached.
  func rehash(_ db: Connection, origin: String, seq: Int64, _ sql: String) throws {
    try db.run("UPDATE event SET \(sql) WHERE origin = ? AND seq = ?", [origin, seq])
    let event = try XCTUnwrap(
      try db.fetchOne(
        "SELECT \(Journal.columns) FROM event WHERE origin = ? AND seq = ?", [origin, seq],
        Journal.read))
    try db.run(
      "UPDATE event SET hash = ? WHERE origin = ? AND seq = ?",
      [event.computedHash(), origin, seq])
  }

  func testAnEditedEventIsRefusedByThePipeline() throws {
    let events = try bundleEvents()
    XCTAssertGreaterThan(events.count, 6, "the batches must break inside the bundle")
    for k in [0, 3, events.count - 1] {
      let (origin, seq) = events[k]
      let edited = try tampered(
        "UPDATE event SET payload = payload || ' ' WHERE origin = '\(origin)' AND seq = \(seq)")
      try assertFirstProblem(edited, .eventEdited(origin: origin, seq: seq))
    }
    // The untouched bundle passes at every batch size.
    for batch in Self.batchSizes { XCTAssertNil(try validationProblem(bundle, batch: batch)) }
  }

  func testSeveralEditedEventsReportTheFirstInBundleOrder() throws {
    let events = try bundleEvents()
    let (origin, seq) = events[2]
    let several = try tampered(
      "UPDATE event SET payload = payload || ' ' WHERE origin > '\(origin)' OR (origin = '\(origin)' AND seq >= \(seq))"
    )
    try assertFirstProblem(several, .eventEdited(origin: origin, seq: seq))
    let all = try tampered("UPDATE event SET payload = payload || ' '")
    try assertFirstProblem(all, .eventEdited(origin: events[0].origin, seq: events[0].seq))
  }

  /// A hash mismatch and a broken link, one early in the bundle and one late: the early one is
  /// reported, whichever thread finds it.
  func testAHashMismatchAndABrokenLinkInBundleOrder() throws {
    let events = try bundleEvents()
    let early = events[2]
    let late = events[events.count - 2]
    let zeros = String(repeating: "0", count: 64)
    func at(_ e: (origin: String, seq: Int64)) -> String {
      "WHERE origin = '\(e.origin)' AND seq = \(e.seq)"
    }
    let editFirst = try tampered(
      """
      UPDATE event SET payload = payload || ' ' \(at(early));
      UPDATE event SET prev_hash = '\(zeros)' \(at(late));
      """)
    try assertFirstProblem(editFirst, .eventEdited(origin: early.origin, seq: early.seq))
    let linkFirst = try tampered(
      """
      UPDATE event SET prev_hash = '\(zeros)' \(at(early));
      UPDATE event SET payload = payload || ' ' \(at(late));
      """)
    try assertFirstProblem(linkFirst, .chainBroken(origin: early.origin, seq: early.seq))
  }

  func testWithinOneEventTheChecksKeepTheirOrder() throws {
    let events = try bundleEvents()
    let (origin, seq) = events[3]
    // An empty actor also breaks the hash; the fields are checked first.
    let noActor = try tampered(
      "UPDATE event SET actor = '' WHERE origin = '\(origin)' AND seq = \(seq)")
    try assertFirstProblem(
      noActor, .malformed(path: noActor, detail: "\(origin) 第 \(seq) 号事件字段无效"))
    // A local-only stream is refused after the hash, which the new stream broke.
    let local = try tampered(
      "UPDATE event SET stream = 'nodesetting/x' WHERE origin = '\(origin)' AND seq = \(seq)")
    try assertFirstProblem(local, .eventEdited(origin: origin, seq: seq))
    // Hashed again: the local-only stream is what is left.
    let rehashedLocal = try unsealedCopy(of: bundle, label: "local") { db in
      try self.rehash(db, origin: origin, seq: seq, "stream = 'nodesetting/x'")
    }
    try seal(rehashedLocal)
    try assertFirstProblem(
      rehashedLocal, .localOnly(origin: origin, seq: seq, stream: "nodesetting/x"))
  }

  func testATextProblemOnTheCheckerAndABrokenLinkKeepBundleOrder() throws {
    let events = try bundleEvents()
    let (origin, seq) = events[3]
    // A control character in the actor, hashed again: refused by the text rules (on the
    // checking thread) at this event, before the fork its known hash makes and the broken link
    // the next event has.
    let text = try unsealedCopy(of: bundle, label: "text") { db in
      try self.rehash(db, origin: origin, seq: seq, "actor = actor || char(7)")
    }
    try seal(text)
    let problem = try XCTUnwrap(try validationProblem(text, batch: 1))
    guard case .malformed(_, let detail) = problem, detail.hasPrefix("\(origin) 第 \(seq) 号事件不符合")
    else { return XCTFail("\(problem)") }
    try assertFirstProblem(text, problem)
    // The same with a broken link before it: the link is reported.
    let zeros = String(repeating: "0", count: 64)
    let (firstOrigin, firstSeq) = events[1]
    let linkFirst = try unsealedCopy(of: bundle, label: "link-first") { db in
      try self.rehash(db, origin: origin, seq: seq, "actor = actor || char(7)")
      try db.run(
        "UPDATE event SET prev_hash = ? WHERE origin = ? AND seq = ?",
        [zeros, firstOrigin, firstSeq])
    }
    try seal(linkFirst)
    try assertFirstProblem(linkFirst, .chainBroken(origin: firstOrigin, seq: firstSeq))
  }
}
