import Foundation
import XCTest

@testable import Domain
@testable import Store

/// A reproducible random source (SplitMix64): a failing seed can be replayed.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Guarantee 4: two nodes that have exchanged everything show identical projections for every
/// shared case, whatever the interleaving of work on both sides and the order bundles arrive in.
final class SyncConvergenceTests: XCTestCase {
  struct Pending {
    var file: String
    var to: Store
  }

  func testRandomInterleavingsAndDeliveryOrdersConverge() throws {
    let runs = Int(ProcessInfo.processInfo.environment["ZWFW_SYNC_PROPERTY_RUNS"] ?? "") ?? 8
    var conflicts = 0
    for run in 0..<runs {
      let seed = UInt64(0x5EED_0000 + run)
      conflicts += try converge(seed: seed, steps: 40)
    }
    XCTAssertGreaterThan(conflicts, 0, "the runs should include concurrent edits that conflict")
  }

  /// - Returns: the conflicts the run produced.
  func converge(seed: UInt64, steps: Int) throws -> Int {
    var random = SeededRandom(seed: seed)
    let world = try SyncWorld()
    let d = world.district
    let w = try world.enrol("WXZ", name: "王岘镇")
    var pending: [Pending] = []
    for _ in 0..<steps {
      let roll = Int.random(in: 0..<100, using: &random)
      if random.next() % 3 == 0 {
        world.clock.advance(Double(Int.random(in: 1...90, using: &random)))
      }
      switch roll {
      case 0..<45:
        try work(at: random.next() % 2 == 0 ? d : w, world: world, random: &random)
      case 45..<52:
        try d.write(actor: "tester") { tx in
          try tx.append([
            EventDraft(
              stream: "setting/k\(random.next() % 3)", type: .settingChanged,
              body: SettingValue(value: "v\(random.next() % 100)"))
          ])
        }
      case 52..<75:
        let (from, to) = random.next() % 2 == 0 ? (d, w) : (w, d)
        pending.append(Pending(file: try world.export(from, to: to.node.code), to: to))
      default:
        guard !pending.isEmpty else { continue }
        let i = Int.random(in: 0..<pending.count, using: &random)
        try world.deliver(pending[i].file, to: pending[i].to)
        // Now and then a bundle is delivered twice.
        if random.next() % 5 != 0 { pending.remove(at: i) }
      }
    }
    pending.shuffle(using: &random)
    for p in pending { try world.deliver(p.file, to: p.to) }
    try world.sync(d, w)
    XCTAssertEqual(try d.projectionDump(), try w.projectionDump(), "seed \(seed)")
    for probe in try d.journalStreams() where probe.hasPrefix("probe/") {
      XCTAssertEqual(
        try d.events(stream: probe).map(\.hash), try w.events(stream: probe).map(\.hash),
        "seed \(seed): timeline of \(probe)")
    }
    for store in [d, w] {
      XCTAssertTrue(try store.verifyAudit().isIntact, "seed \(seed)")
      let live = try store.projectionDump()
      try store.rebuild()
      XCTAssertEqual(try store.projectionDump(), live, "seed \(seed): rebuild")
    }
    return try d.db.fetchInt("SELECT count(*) FROM conflict")
  }

  /// One thing a clerk might do at `store`, valid in the state that node sees.
  func work(at store: Store, world: SyncWorld, random: inout SeededRandom) throws {
    let probes = try store.db.fetchAll(
      "SELECT stream, concluded FROM probe ORDER BY stream"
    ) { ($0.text(0), $0.bool(1)) }
    guard !probes.isEmpty, random.next() % 4 != 0 else {
      try store.write(actor: "tester") { tx in
        let stream = ProbeReducer.stream(try tx.nextCaseID())
        try tx.append([
          EventDraft(
            stream: stream, type: .probeOpened,
            body: ProbeOpened(org: "WXZ", title: "随机", limitDays: 10, received: tx.today))
        ])
      }
      return
    }
    let (stream, concluded) = probes[Int(random.next() % UInt64(probes.count))]
    let choice = concluded ? 0 : random.next() % 4
    try store.write(actor: "tester") { tx in
      let draft: EventDraft
      switch choice {
      case 0: draft = EventDraft(stream: stream, type: .probeNoted, body: ProbeNote(text: "备注"))
      case 1:
        draft = EventDraft(
          stream: stream, type: .probeExtended, body: ProbeDays(days: Int(random.next() % 5) + 1))
      case 2:
        draft = EventDraft(
          stream: stream, type: .probeAssigned,
          body: ProbeOrg(org: random.next() % 2 == 0 ? "WXZ" : "ZWZX"))
      default: draft = EventDraft(stream: stream, type: .probeConcluded, body: NoPayload())
      }
      try tx.append([draft])
    }
  }
}
