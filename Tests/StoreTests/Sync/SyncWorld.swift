import Domain
import Foundation
import TestSupport
import XCTest

@testable import Store

/// A clock the nodes of one test share; every action moves it on, so events have distinct times.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date

  init(_ start: Date) { current = start }

  var now: Date { lock.withLock { current } }

  func advance(_ seconds: TimeInterval = 60) { lock.withLock { current += seconds } }
}

/// The district (the demo database's shared data) and townships enrolled from it, each a database file in one
/// temporary directory, all folding the test-only `probe` case kind.
final class SyncWorld {
  let dir: URL
  let clock: TestClock
  let district: Store
  let admin: Staff
  private var files = 0

  init(start: String = "2026-11-02T09:00", seeds: [DemoSeed] = [Demo.catalog]) throws {
    dir = temporaryDirectory()
    let clock = TestClock(beijing(start))
    self.clock = clock
    let path = dir.appendingPathComponent("district.db").path
    // The shared data of the demo (organisations, staff, calendar, catalog) without its cases, so
    // a township's projections can be compared with the district's whole.
    try DemoCopies.copy(to: path, share: repositoryShare, now: clock.now, seeds: seeds)
    district = try Self.open(path, clock: clock)
    admin = try XCTUnwrap(try district.staff(login: "tester"))
  }

  static func open(_ path: String, clock: TestClock) throws -> Store {
    let store = try Store.open(
      path: path, clock: { clock.now }, extraProjectors: [ProbeProjector()])
    try store.db.execute(ProbeProjector.createTable)
    return store
  }

  func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

  func newBundlePath(_ label: String) -> String {
    files += 1
    return path("\(files)-\(label).zwfb")
  }

  /// `node add` for a demo township (its organisation already names the node), then `init`.
  func enrol(_ code: String, name: String) throws -> Store {
    let file = newBundlePath("enrol-\(code)")
    _ = try district.enrolNode(
      code: code, name: name, organisations: [code], path: file, by: admin)
    let clock = self.clock
    let (store, _) = try Store.createFromEnrolment(
      path: path("\(code).db"), enrolment: file, clock: { clock.now },
      extraProjectors: [ProbeProjector()], actor: "tester")
    try store.db.execute(ProbeProjector.createTable)
    return store
  }

  func export(_ from: Store, to peer: String) throws -> String {
    let file = newBundlePath("\(from.node.code)-\(peer)")
    _ = try from.exportBundle(to: peer, path: file, by: admin)
    return file
  }

  @discardableResult
  func deliver(_ file: String, to store: Store) throws -> ImportSummary {
    try store.importBundle(path: file, by: admin)
  }

  /// One exchange each way, then once more so each side has the other's latest marks.
  func sync(_ a: Store, _ b: Store) throws {
    try deliver(try export(a, to: b.node.code), to: b)
    try deliver(try export(b, to: a.node.code), to: a)
    try deliver(try export(a, to: b.node.code), to: b)
  }

  // MARK: - Probe cases

  /// Opens a probe for `org` at `store`; returns its stream.
  @discardableResult
  func open(at store: Store, org: String, title: String = "测试事项", days: Int = 10) throws -> String {
    clock.advance()
    return try store.write(actor: "tester") { tx in
      let stream = ProbeReducer.stream(try tx.nextCaseID())
      try tx.append([
        EventDraft(
          stream: stream, type: .probeOpened,
          body: ProbeOpened(org: org, title: title, limitDays: days, received: tx.today))
      ])
      return stream
    }
  }

  func act(at store: Store, _ stream: String, _ type: EventType, _ body: some Encodable) throws {
    clock.advance()
    try store.write(actor: "tester") { tx in
      try tx.append([EventDraft(stream: stream, type: type, body: body)])
    }
  }

  func probe(_ store: Store, _ stream: String) throws -> ProbeState? {
    ProbeReducer.fold(try store.events(stream: stream), store.foldContext).state
  }
}

extension Store {
  /// Streams of the journal (for "never received" checks).
  func journalStreams() throws -> Set<String> {
    Set(try db.fetchAll("SELECT DISTINCT stream FROM journal") { $0.text(0) })
  }

  /// Counts of the sync bookkeeping rows, to show an import changed nothing.
  func syncTableCounts() throws -> [Int] {
    try [
      "sync_peer_mark", "sync_export", "sync_import", "chain_elided", "sync_quarantine",
      "sync_alarm", "origin_head",
    ].map { try db.fetchInt("SELECT count(*) FROM \($0)") }
  }

  /// Everything an import may change, as text.
  func stateFingerprint() throws -> String {
    try projectionDump() + "\nevents \(try eventCount())\nsync \(try syncTableCounts())"
  }
}

/// A copy of a bundle's SQLite image without its authentication trailer, changed by `edit`.
func unsealedCopy(of bundle: String, label: String, _ edit: (Connection) throws -> Void) throws
  -> String
{
  let copy = (bundle as NSString).deletingLastPathComponent + "/\(label)-\(UUID().uuidString).zwfb"
  let data = try XCTUnwrap(FileManager.default.contents(atPath: bundle))
  try data.prefix(data.count - BundleSeal.size).write(to: URL(fileURLWithPath: copy))
  do {
    let db = try Connection(path: copy, mode: .readWrite(create: false))
    try edit(db)
  }
  return copy
}

extension SyncWorld {
  /// Complaints registered at the district by 陈静, dispatched to 王岘镇 and delivered to
  /// `township` in one bundle: the set-up of the township authority tests. One per subject.
  func complaintsDispatched(
    to township: Store, subjects: [String] = ["村口垃圾堆积"]
  ) throws -> [String] {
    clock.advance()
    let chenjing = try district.demoStaff("chenjing")
    var ids: [String] = []
    for (n, subject) in subjects.enumerated() {
      ids.append(
        try district.complaintDispatchedToWXZ(
          subject: subject, content: "\(subject),请处理。", complainant: "李某",
          contact: "1391234000\(n)", by: chenjing))
    }
    try deliver(try export(district, to: "WXZ"), to: township)
    return ids
  }
}
