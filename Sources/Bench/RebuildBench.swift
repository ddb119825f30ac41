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
  }

  static func run(store: Store, scratch: String) throws -> Result {
    var streams = 0
    let (elapsed, cpu) = try wallAndCPU {
      try store.rebuild { streams = $0.total }
    }
    let floor = try WriteFloor.run(
      source: store.db, scratch: scratch, only: Set(store.projectionTables), indexesAfter: true)
    return Result(
      seconds: elapsed, cpuSeconds: cpu, streams: streams, floor: floor,
      ratio: elapsed / floor.seconds, cpuRatio: cpu / floor.cpuSeconds)
  }
}
