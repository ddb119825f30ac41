import Domain
import Foundation

/// 演示投诉建议 — the rule table's defaults, then `demo/complaints.tsv` played step by step through
/// the same commands a clerk uses, each at its own time and by its own clerk: the journal holds
/// a month of history whose story is "today is 2026-11-26".
public enum ComplaintDemo {
  public static let seed = DemoSeed("投诉建议") { store, env in
    try store.loadDefaultRules(rows: try env.share.table("rules.tsv"), actor: env.login)
    let saved = store.clock
    defer { store.clock = saved }
    var player = Player(store: store, env: env)
    for (i, row) in try env.share.table("demo/complaints.tsv").enumerated() {
      do {
        try player.play(row)
      } catch {
        throw StoreError.invalid(
          "demo/complaints.tsv 第\(i + 1)条: \((error as? UserFacingError)?.userMessage ?? "\(error)")"
        )
      }
    }
  }

  struct Player {
    let store: Store
    let env: DemoEnvironment
    /// Script keys (A, B …) to case numbers.
    var cases: [String: String] = [:]
    var spotCheck: String?

    mutating func play(_ row: [String]) throws {
      guard row.count >= 4, let when = store.zone.parseLocal(row[0]),
        let staff = env.staff(row[1])
      else { throw StoreError.invalid("时间或登录名无效") }
      store.clock = { when }
      let args = Array(row.dropFirst(3))
      func arg(_ i: Int) throws -> String {
        guard i < args.count else { throw StoreError.invalid("\(row[2]) 缺少参数") }
        return args[i]
      }
      func id() throws -> String {
        guard let id = cases[try arg(0)] else { throw StoreError.invalid("未知案件代号 \(args[0])") }
        return id
      }
      func value<T: RawRepresentable>(_ i: Int) throws -> T where T.RawValue == String {
        guard let v = T(rawValue: try arg(i)) else { throw StoreError.invalid("无效取值 \(args[i])") }
        return v
      }
      switch row[2] {
      case "register":
        let draft = ComplaintDraft(
          channel: try value(1), type: try value(2), urgency: try value(3),
          subject: try arg(8), content: try arg(9), complainant: try arg(6), contact: try arg(7),
          concernedOrg: try arg(4), confidentiality: try value(5))
        cases[try arg(0)] = try store.registerComplaint(draft, by: staff)
      case "dispatch":
        try store.perform(ComplaintCommand.dispatch(org: try arg(1)), on: try id(), as: staff)
      case "return":
        try store.perform(ComplaintCommand.return(reason: try arg(1)), on: try id(), as: staff)
      case "reject":
        try store.perform(
          ComplaintCommand.reject(try value(1), note: try arg(2)), on: try id(), as: staff)
      case "extend":
        try store.perform(
          ComplaintCommand.requestExtension(days: Int(try arg(1)) ?? 0, reason: try arg(2)),
          on: try id(), as: staff
        )
      case "decide":
        try store.perform(
          ComplaintCommand.decideExtension(approved: try arg(1) == "approve", note: try arg(2)),
          on: try id(),
          as: staff)
      case "conclude":
        try store.perform(
          ComplaintCommand.conclude(.resolved, text: try arg(1)), on: try id(), as: staff)
      case "invalid":
        try store.perform(
          ComplaintCommand.conclude(.invalid, text: try arg(1)), on: try id(), as: staff)
      case "callback":
        try store.perform(
          ComplaintCommand.callBack(
            try value(1), try value(2), notes: try arg(3),
            reopenDays: args.count > 4 ? Int(args[4]) : nil), on: try id(), as: staff)
      case "merge":
        guard let primary = cases[try arg(1)] else { throw StoreError.invalid("未知主件代号") }
        try store.perform(ComplaintCommand.merge(into: primary), on: try id(), as: staff)
      case "split": try store.perform(ComplaintCommand.split, on: try id(), as: staff)
      case "view": try store.perform(ComplaintCommand.viewContent, on: try id(), as: staff)
      case "supervise": try supervise(args, by: staff, id: try id())
      case "reply":
        guard let s = try store.supervisions(caseID: try id()).last(where: { $0.reply == nil })
        else {
          throw StoreError.invalid("没有待回复的督办")
        }
        try store.replySupervision(id: s.id, reply: try arg(1), by: staff)
      case "spotcheck":
        guard let from = CivilDate(iso: args[0]), let to = CivilDate(iso: try arg(1)),
          let size = Int(try arg(2)), let seed = UInt64(try arg(3))
        else { throw StoreError.invalid("抽查参数无效") }
        spotCheck = try store.drawSpotCheck(from: from, to: to, size: size, seed: seed, by: staff)
      case "verdict":
        guard let check = spotCheck, let n = Int(args[0]),
          let item = try store.spotCheckItems(id: check).dropFirst(n - 1).first
        else { throw StoreError.invalid("抽查样本序号无效") }
        try store.recordSpotCheckVerdict(
          id: check, caseID: item.caseID, verdict: try value(1), note: try arg(2), by: staff)
      default:
        throw StoreError.invalid("未知动作 \(row[2])")
      }
    }

    func supervise(_ args: [String], by staff: Staff, id: String) throws {
      guard args.count >= 4, let method = SupervisionMethod(rawValue: args[1]),
        let days = Int(args[2]), let target = try store.supervisionTarget(caseID: id)
      else { throw StoreError.invalid("督办参数无效") }
      try store.issueSupervision(
        on: target, method: method, requirement: args[3], replyDays: days, by: staff)
    }
  }
}
