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
  }

  static func run(directory: String, events target: Int) throws -> Result {
    let now = DatabaseBuilder.todayInstant()
    let files = ["sync-district.db", "sync-WXZ.db", "enrol-WXZ.zwfb", "WXZ.zwfb"].map {
      (directory as NSString).appendingPathComponent($0)
    }
    func clean() {
      for f in files {
        for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: f + s) }
      }
    }
    clean()
    defer { clean() }
    let district = try Demo.create(
      path: files[0], share: try ShareDirectory.locate(), login: DatabaseBuilder.login,
      clock: { now })
    guard let admin = try district.staff(login: DatabaseBuilder.login) else {
      throw StoreError.invalid("演示管理员缺失")
    }
    _ = try district.enrolNode(
      code: "WXZ", name: "王岘镇", organisations: ["WXZ"], path: files[2], by: admin)
    let (township, _) = try Store.createFromEnrolment(
      path: files[1], enrolment: files[2], clock: { now }, actor: DatabaseBuilder.login)
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
    var imported = 0
    let importSeconds = try seconds {
      imported = try township.importBundle(path: files[3], by: admin).totalApplied
    }
    guard imported > 0 else { throw StoreError.invalid("同步导入没有应用任何事件") }
    let size = (try? FileManager.default.attributesOfItem(atPath: files[3])[.size] as? Int) ?? 0
    return Result(
      events: imported, bundleBytes: size, exportSeconds: exportSeconds,
      exportEventsPerSecond: Double(exported) / exportSeconds, importSeconds: importSeconds,
      importEventsPerSecond: Double(imported) / importSeconds)
  }
}
