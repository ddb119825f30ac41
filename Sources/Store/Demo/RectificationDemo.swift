import Domain
import Foundation

/// 好差评 demo: about sixty ratings across organisations from `demo/ratings.tsv` (mostly
/// satisfied), and the bad ones worked to different points as of 2026-11-26 — one closed after a
/// callback, one marked 无效差评, one overdue, one awaiting 复核, two awaiting 回访 (one anonymous),
/// two awaiting verification. Everything goes through the store's commands at the recorded times.
enum RectificationDemo {
  static let seed = DemoSeed("差评整改") { store, env in try run(store, env) }

  static func run(_ store: Store, _ env: DemoEnvironment) throws {
    let saved = store.clock
    defer { store.clock = saved }
    var cases: [String: String] = [:]
    var steps = try Self.steps(env.share.table("demo/rectifications.tsv"))
    for (i, row) in try env.share.table("demo/ratings.tsv").enumerated() {
      guard row.count >= 12, let when = DeploymentZone.shanghai.parseLocal(row[1]),
        let channel = RatingChannel(rawValue: row[2]), let level = RatingLevel(title: row[6]),
        let staff = env.staff(row[11])
      else { throw StoreError.invalid("demo/ratings.tsv 第\(i + 1)行格式错误") }
      // Steps of earlier cases that happened before this rating come first, in time order.
      try runSteps(until: when, &steps, cases, store, env)
      store.clock = { when }
      let input = RatingInput(
        channel: channel, itemCode: row[3], itemName: row[4], organisation: row[5], level: level,
        comment: row[10], realName: row[7] == "实名", reviewerName: row[8], reviewerPhone: row[9])
      let (_, caseID) = try store.registerRating(input, by: staff)
      if let caseID { cases[row[0]] = caseID }
    }
    try runSteps(until: .distantFuture, &steps, cases, store, env)
  }

  static func runSteps(
    until limit: Date, _ steps: inout [Step], _ cases: [String: String], _ store: Store,
    _ env: DemoEnvironment
  ) throws {
    while let next = steps.first, next.when < limit {
      steps.removeFirst()
      guard let id = cases[next.label], let staff = env.staff(next.login) else {
        throw StoreError.invalid("演示整改步骤引用了不存在的评价 \(next.label) 或人员 \(next.login)")
      }
      store.clock = { next.when }
      try store.perform(next.command, on: id, as: staff)
    }
  }

  /// One clerk's step on the case of a rating (labels are `ratings.tsv`'s first column).
  struct Step {
    var label: String
    var when: Date
    var login: String
    var command: RectificationCommand
  }

  /// `demo/rectifications.tsv`, in time order: each row a step and its event's payload as JSON,
  /// decoded as the journal decodes it.
  static func steps(_ rows: [[String]]) throws -> [Step] {
    try rows.enumerated().map { i, row in
      let bad = StoreError.invalid("demo/rectifications.tsv 第\(i + 1)行格式错误")
      guard row.count == 5, let when = DeploymentZone.shanghai.parseLocal(row[1]),
        let step = RectificationStep(rawValue: row[3])
      else { throw bad }
      do {
        return Step(
          label: row[0], when: when, login: row[2], command: try command(step, Data(row[4].utf8)))
      } catch {
        throw bad
      }
    }.sorted { $0.when < $1.when }
  }

  static func command(_ step: RectificationStep, _ json: Data) throws -> RectificationCommand {
    // A command's inputs are named as its event's payload keys: the payload under the step's
    // name is the command as `Decodable` reads it.
    let command = Data("{\"\(step.rawValue)\":".utf8) + json + Data("}".utf8)
    return try JSONDecoder().decode(RectificationCommand.self, from: command)
  }
}
