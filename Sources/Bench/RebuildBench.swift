import Foundation
import Store

/// 重建: `Store.rebuild` on the generated database, beside its floor — the rows the rebuild
/// leaves (every projection table, full-text tables included, with their indexes) inserted with
/// plain prepared statements into a scratch database.
enum RebuildBench {
  struct Result: Codable {
    var seconds: Double
    var streams: Int
    var floor: WriteFloor.Result
    /// The rebuild's time over the floor's.
    var ratio: Double
  }

  static func run(store: Store, scratch: String) throws -> Result {
    var streams = 0
    let elapsed = try seconds {
      try store.rebuild { streams = $0.total }
    }
    let floor = try WriteFloor.run(
      source: store.db, scratch: scratch, only: Set(store.projectionTables))
    return Result(
      seconds: elapsed, streams: streams, floor: floor, ratio: elapsed / floor.seconds)
  }
}
