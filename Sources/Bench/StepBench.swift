import Domain
import Foundation
import Store

/// 单步写入: one clerk's step as the counter takes it — `Store.perform` in its own transaction
/// (`synchronous = FULL`, so each commit waits for its fsync) — on the database of each size.
/// Applications are registered for it first (not timed), then each is accepted (timed).
enum StepBench {
  /// Wall time of each step (fsync included) and its CPU time, with checkpoints deferred as
  /// the workstation defers them (each due checkpoint run after the step, as at a pause, and
  /// timed on its own); beside each step, the disk's own floor: a one-row transaction
  /// committed the same way in a scratch database beside it, interleaved with the steps so
  /// both meet the same disk. Then as many steps again with SQLite's automatic checkpoint
  /// inside the commit that crosses 1000 WAL frames (the way before issue 22).
  struct Result: Codable {
    var time: Percentiles
    var cpu: Percentiles
    var commitFloor: Percentiles
    /// The checkpoints run between steps (none when the WAL never reached the threshold).
    var checkpoints: Percentiles
    var checkpointInCommit: Percentiles

    /// The step's p99 over the disk floor's p99, measured side by side.
    var floorRatio: Double { commitFloor.p99 > 0 ? time.p99 / commitFloor.p99 : 0 }
  }

  static func run(store: Store, actor: Staff, steps: Int, scratch: String) throws -> Result {
    let ids = try register(2 * steps, store: store, actor: actor)
    let floor = try CommitFloor(path: scratch)
    defer { floor.remove() }
    var wall: [Double] = []
    var cpu: [Double] = []
    var floorSamples: [Double] = []
    var checkpoints: [Double] = []
    store.deferCheckpoints()
    for id in ids[..<steps] {
      let (w, c) = try wallAndCPU {
        _ = try store.perform(ApplicationCommand.accept, on: id, as: actor)
      }
      wall.append(w)
      cpu.append(c)
      floorSamples.append(try floor.commit())
      if store.checkpointDue { checkpoints.append(seconds { store.checkpointIfDue() }) }
    }
    store.db.checkpointInCommits()
    var inCommit: [Double] = []
    for id in ids[steps...] {
      inCommit.append(
        try seconds { _ = try store.perform(ApplicationCommand.accept, on: id, as: actor) })
    }
    return Result(
      time: Percentiles(wall), cpu: Percentiles(cpu), commitFloor: Percentiles(floorSamples),
      checkpoints: Percentiles(checkpoints), checkpointInCommit: Percentiles(inCommit))
  }

  /// One row per transaction into a scratch database configured as the store's (WAL,
  /// `synchronous = FULL`): what the disk takes to make a commit durable.
  final class CommitFloor {
    let path: String
    let db: Connection
    var n = 0

    init(path: String) throws {
      self.path = path
      for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) }
      db = try Connection(path: path)
      try db.configureForStore()
      try db.execute("CREATE TABLE step (n INTEGER PRIMARY KEY, body TEXT)")
    }

    /// Seconds one committed row takes.
    func commit() throws -> Double {
      n += 1
      return try seconds {
        try db.inTransaction(.immediate) {
          try db.run(
            "INSERT INTO step (n, body) VALUES (?, ?)", [n, String(repeating: "步", count: 200)])
        }
      }
    }

    func remove() {
      for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) }
    }
  }

  /// Registers `count` applications (not timed), each its own transaction.
  static func register(_ count: Int, store: Store, actor: Staff) throws -> [String] {
    let codes = try store.db.fetchAll("SELECT code FROM catalog_item ORDER BY code") { $0.text(0) }
    let items = try codes.compactMap { try store.directoryItem(code: $0) }
      // A 一件事 is registered as a package (`Store.registerPackage`), never as one case.
      .filter { $0.registrationRefusal == nil && $0.package == nil }
    guard !items.isEmpty else { throw BenchError(description: "没有可受理的事项") }
    var dice = Dice(seed: 22)
    var ids: [String] = []
    for n in 0..<count {
      let item = items[n % items.count]
      let applicant = Applicant(
        kind: .person, name: Words.personName(&dice), idNumber: Words.residentID(&dice),
        phone: Words.mobile(&dice))
      ids.append(
        try store.registerApplication(
          RegistrationInput(
            itemCode: item.snapshot.code, applicant: applicant, channel: .counter,
            materials: item.snapshot.materials.map { MaterialStatus.initial(for: $0) }),
          items: store, by: actor
        ).application.caseID)
    }
    return ids
  }
}
