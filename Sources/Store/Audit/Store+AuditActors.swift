import Domain
import Foundation

extension Store {
  /// 操作人核查 — every case event's actor held a case role, enabled, when the event was
  /// written (folded from the staff history), as the permission function decides. Events held at
  /// import are already conflicts, and the system's own steps (视为受理) have no staff actor.
  func actorFindings(limit: Int = 20) throws -> [AuditFinding] {
    var held = Set<String>()
    try db.forEach(
      "SELECT payload FROM journal WHERE stream >= ? AND stream < ?",
      [HeldEvent.streamKind + "/", HeldEvent.streamKind + "0"]
    ) { row in
      let h = try? JSONDecoder().decode(HeldEvent.self, from: Data(row.text(0).utf8))
      if let h { held.insert("\(h.origin)#\(h.seq)") }
    }
    var history = StaffHistory(db: db, fold: foldContext)
    var out: [AuditFinding] = []
    var more = 0
    try db.forEach("SELECT origin, seq, stream, actor, ts FROM journal ORDER BY origin, seq") {
      row in
      let stream = row.text(2)
      let actor = row.text(3)
      guard SyncScope.isCase(stream: stream), actor != ApplicationMachine.systemActor else {
        return
      }
      let origin = row.text(0)
      let seq = row.int64(1)
      guard !held.contains("\(origin)#\(seq)"),
        let reason = try history.caseWorkRefusal(actor, at: row.int64(4))
      else { return }
      guard out.count < limit else {
        more += 1
        return
      }
      out.append(
        AuditFinding(
          "\(stream) 的事件(\(origin) 第 \(seq) 号)无权写入: \(reason)",
          fix: "由督办人员核查该案件;日志中的事件不能删改"))
    }
    if more > 0 { out.append(AuditFinding("另有 \(more) 个事件的操作人无权写入")) }
    return out
  }
}
