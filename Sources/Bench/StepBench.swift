import Domain
import Foundation
import Store

/// 单步写入: one clerk's step as the counter takes it — `Store.perform` in its own transaction
/// (`synchronous = FULL`, so each commit waits for its fsync) — on the database of each size.
/// Applications are registered for it first (not timed), then each is accepted (timed).
enum StepBench {
  /// Wall time of each step (fsync included) and its CPU time.
  struct Result: Codable {
    var time: Percentiles
    var cpu: Percentiles
  }

  static func run(store: Store, actor: Staff, steps: Int) throws -> Result {
    let codes = try store.db.fetchAll("SELECT code FROM catalog_item ORDER BY code") { $0.text(0) }
    let items = try codes.compactMap { try store.directoryItem(code: $0) }
      .filter { $0.registrationRefusal == nil }
    guard !items.isEmpty else { throw BenchError(description: "没有可受理的事项") }
    var dice = Dice(seed: 22)
    var ids: [String] = []
    for n in 0..<steps {
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
    var wall: [Double] = []
    var cpu: [Double] = []
    for id in ids {
      let (w, c) = try wallAndCPU {
        _ = try store.perform(ApplicationCommand.accept, on: id, as: actor)
      }
      wall.append(w)
      cpu.append(c)
    }
    return Result(time: Percentiles(wall), cpu: Percentiles(cpu))
  }
}
