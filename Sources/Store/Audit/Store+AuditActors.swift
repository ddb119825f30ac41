import Domain
import Foundation

extension Store {
  /// 操作人核查 — every case event's actor held, when the event was written (folded from the
  /// staff history), what the same step written here needs (`StaffHistory.refusal(for:)`). Events held at
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
    var history = StaffHistory(store: self)
    var out: [AuditFinding] = []
    var more = 0
    try db.forEach("SELECT \(Journal.columns) FROM journal ORDER BY origin, seq") { row in
      let e = Journal.read(row)
      let stream = e.stream
      guard SyncScope.isCase(stream: stream), e.actor != ApplicationMachine.systemActor else {
        return
      }
      let origin = e.origin
      let seq = e.seq
      guard !held.contains("\(origin)#\(seq)"), let reason = try history.refusal(for: e)
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
