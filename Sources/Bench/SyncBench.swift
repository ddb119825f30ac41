import Domain
import Foundation
import Store

/// 同步: the district writes cases concerning 王岘镇 until about `events` events, exports the
/// bundle for WXZ, and the township imports it.
enum SyncBench {
  struct Result: Codable {
    var events: Int
    var bundleBytes: Int
    var exportSeconds: Double
    var exportEventsPerSecond: Double
    var importSeconds: Double
    var importEventsPerSecond: Double
    /// The same rows the import left at the township (journal and projections), inserted with
    /// plain statements into a scratch database: what SQLite alone takes on this machine.
    var floorRows: Int
    var floorSeconds: Double
    /// CPU seconds of the import and of its floor (a shared machine's load moves wall time).
    var importCPUSeconds: Double? = nil
    var floorCPUSeconds: Double? = nil
    var floorEventsPerSecond: Double { Double(events) / floorSeconds }
    var importRatio: Double { importSeconds / floorSeconds }
    var importCPURatio: Double? {
      guard let a = importCPUSeconds, let b = floorCPUSeconds, b > 0 else { return nil }
      return a / b
    }
  }

  /// - Parameters:
  ///   - keep: leave the district database, the enrolment and the bundle (and what the export
  ///     measured) in `directory`.
  ///   - reuse: import a kept bundle again into a fresh township, without generating or exporting.
  static func run(directory: String, events target: Int, keep: Bool = false, reuse: Bool = false)
    throws -> Result
  {
    let now = DatabaseBuilder.todayInstant()
    let files = ["sync-district.db", "sync-WXZ.db", "enrol-WXZ.zwfb", "WXZ.zwfb", "sync.json"].map {
      (directory as NSString).appendingPathComponent($0)
    }
    func remove(_ f: String) {
      for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: f + s) }
    }
    remove(files[1])
    defer { remove(files[1]) }
    let kept = FileManager.default.contents(atPath: files[4]).flatMap {
      try? JSONDecoder().decode(Result.self, from: $0)
    }
    var result: Result
    if reuse, var saved = kept, FileManager.default.fileExists(atPath: files[3]) {
      saved.importSeconds = 0
      result = saved
    } else {
      for f in files { remove(f) }
      result = try export(files: files, events: target, now: now)
      if keep { try Sidecar.save(result, at: files[4]) }
    }
    defer { if !keep { for f in files { remove(f) } } }
    let (township, _) = try Store.createFromEnrolment(
      path: files[1], enrolment: files[2], clock: { now }, actor: DatabaseBuilder.login)
    guard let admin = try township.staff(login: DatabaseBuilder.login) else {
      throw StoreError.invalid("演示管理员缺失")
    }
    var imported = 0
    let (importSeconds, importCPU) = try wallAndCPU {
      imported = try township.importBundle(path: files[3], by: admin).totalApplied
    }
    guard imported > 0 else { throw StoreError.invalid("同步导入没有应用任何事件") }
    result.events = imported
    result.importSeconds = importSeconds
    result.importCPUSeconds = importCPU
    result.importEventsPerSecond = Double(imported) / importSeconds
    let floor = try WriteFloor.run(source: township.db, scratch: files[1] + ".floor")
    result.floorRows = floor.rows
    result.floorSeconds = floor.seconds
    result.floorCPUSeconds = floor.cpuSeconds
    return result
  }

  /// The district writes the cases and exports them; the import is measured by the caller.
  private static func export(files: [String], events target: Int, now: Date) throws -> Result {
    let district = try Demo.create(
      path: files[0], share: try ShareDirectory.locate(), login: DatabaseBuilder.login,
      clock: { now })
    guard let admin = try district.staff(login: DatabaseBuilder.login) else {
      throw StoreError.invalid("演示管理员缺失")
    }
    _ = try district.enrolNode(
      code: "WXZ", name: "王岘镇", organisations: ["WXZ"], path: files[2], by: admin)
    let before = try district.db.fetchInt("SELECT count(*) FROM journal")
    var generator = try Generator(
      store: district, actor: admin, today: district.zone.civilDate(now), seed: 42, onlyOrg: "WXZ")
    while try district.db.fetchInt("SELECT count(*) FROM journal") - before < target {
      let have = try district.db.fetchInt("SELECT count(*) FROM journal") - before
      try generator.run(count: max(200, (target - have) / 4))
    }
    district.clock = { now }
    var exported = 0
    let exportSeconds = try seconds {
      exported = try district.exportBundle(to: "WXZ", path: files[3], by: admin).totalEvents
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: files[3])[.size] as? Int) ?? 0
    return Result(
      events: exported, bundleBytes: size, exportSeconds: exportSeconds,
      exportEventsPerSecond: Double(exported) / exportSeconds, importSeconds: 0,
      importEventsPerSecond: 0, floorRows: 0, floorSeconds: 0)
  }
}
