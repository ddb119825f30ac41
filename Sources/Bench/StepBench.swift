import Domain
import Foundation
import Store

/// 单步写入: one clerk's step as the counter takes it — `Store.perform` in its own transaction
/// (`synchronous = FULL`, so each commit waits for its fsync) — on the database of each size.
/// Applications are registered for it first (not timed), then each is accepted (timed).
enum StepBench {
  /// Wall time of each step (fsync included) and its CPU time; as many steps again with the
  /// WAL's automatic checkpoint off (a step that crosses 1000 WAL pages copies them into the
  /// database and fsyncs it before it returns); and the disk's own floor: a one-row
  /// transaction committed the same way in a scratch database beside it.
  struct Result: Codable {
    var time: Percentiles
    var cpu: Percentiles
    var withoutCheckpoint: Percentiles
    var commitFloor: Percentiles
  }

  static func run(store: Store, actor: Staff, steps: Int, scratch: String) throws -> Result {
    let ids = try register(2 * steps, store: store, actor: actor)
    var wall: [Double] = []
    var cpu: [Double] = []
    for id in ids[..<steps] {
      let (w, c) = try wallAndCPU {
        _ = try store.perform(ApplicationCommand.accept, on: id, as: actor)
      }
      wall.append(w)
      cpu.append(c)
    }
    try store.db.execute("PRAGMA wal_autocheckpoint = 0")
    var unchecked: [Double] = []
    for id in ids[steps...] {
      unchecked.append(
        try seconds { _ = try store.perform(ApplicationCommand.accept, on: id, as: actor) })
    }
    try store.db.execute("PRAGMA wal_autocheckpoint = 1000")
    try store.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    return Result(
      time: Percentiles(wall), cpu: Percentiles(cpu), withoutCheckpoint: Percentiles(unchecked),
      commitFloor: try commitFloor(scratch: scratch, runs: steps))
  }

  /// One row per transaction into a scratch database configured as the store's (WAL,
  /// `synchronous = FULL`): what the disk takes to make a commit durable.
  static func commitFloor(scratch path: String, runs: Int) throws -> Percentiles {
    func remove() {
      for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) }
    }
    remove()
    defer { remove() }
    let db = try Connection(path: path)
    try db.configureForStore()
    try db.execute("CREATE TABLE step (n INTEGER PRIMARY KEY, body TEXT)")
    var samples: [Double] = []
    for n in 0..<runs {
      samples.append(
        try seconds {
          try db.inTransaction(.immediate) {
            try db.run(
              "INSERT INTO step (n, body) VALUES (?, ?)", [n, String(repeating: "步", count: 200)])
          }
        })
    }
    return Percentiles(samples)
  }

  /// Registers `count` applications (not timed), each its own transaction.
  static func register(_ count: Int, store: Store, actor: Staff) throws -> [String] {
    let codes = try store.db.fetchAll("SELECT code FROM catalog_item ORDER BY code") { $0.text(0) }
    let items = try codes.compactMap { try store.directoryItem(code: $0) }
      .filter { $0.registrationRefusal == nil }
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
