import Domain
import Foundation
import Store

/// 重建: `Store.rebuild` on the generated database, beside its floor — the rows the rebuild
/// leaves (every projection table, full-text tables included) inserted with plain prepared
/// statements into a scratch database, their indexes created after the rows.
enum RebuildBench {
  struct Result: Codable {
    var seconds: Double
    var cpuSeconds: Double
    var streams: Int
    var floor: WriteFloor.Result
    /// The rebuild's time over the floor's, wall and CPU.
    var ratio: Double
    var cpuRatio: Double
    /// With `--compare-decoding`: the payloads decoded both ways.
    var decoding: Decoding?
  }

  /// Payloads the rebuild decoded on the fast path and through Foundation (same value), and
  /// those whose two decodings differed (must be none), by event type and Swift type.
  struct Decoding: Codable {
    var fast: Int
    var slow: [String: Int]
    var different: [String]
    var eventTypes: Int
  }

  static func run(store: Store, scratch: String, compareDecoding: Bool = false) throws -> Result {
    var streams = 0
    if compareDecoding { PayloadDecoding.comparison.start() }
    let (elapsed, cpu) = try wallAndCPU {
      try store.rebuild { streams = $0.total }
    }
    let decoding = compareDecoding ? PayloadDecoding.comparison.stop() : nil
    let floor = try WriteFloor.run(
      source: store.db, scratch: scratch, only: Set(store.projectionTables), indexesAfter: true)
    return Result(
      seconds: elapsed, cpuSeconds: cpu, streams: streams, floor: floor,
      ratio: elapsed / floor.seconds, cpuRatio: cpu / floor.cpuSeconds,
      decoding: decoding.map {
        Decoding(
          fast: $0.fast.values.reduce(0, +), slow: $0.slow, different: $0.different,
          eventTypes: $0.eventTypes.count)
      })
  }
}
