import Domain
import Foundation

extension Store {
  /// 操作人核查 — every event's actor held, when the event was written (folded from the staff
  /// history), what the same step written here needs: a case event its step's action, asked of
  /// its machine on the case as it then stood (`StaffHistory.refusal(for:before:)`), an event of shared data the action of the command that
  /// writes it (`refusal(forShared:)`). Events held at import are already conflicts; the
  /// system's own steps (视为受理) have no staff actor; the node's first transaction (`init`,
  /// which creates the first administrator) has no staff before it.
  func actorFindings(limit: Int = 20) throws -> [AuditFinding] {
    var held = Set<String>()
    try db.forEach(
      "SELECT payload FROM journal WHERE stream >= ? AND stream < ?",
      [HeldEvent.streamKind + "/", HeldEvent.streamKind + "0"]
    ) { row in
      let h = try? JSONDecoder().decode(HeldEvent.self, from: Data(row.text(0).utf8))
      if let h { held.insert("\(h.origin)#\(h.seq)") }
    }
    let initialisation = try initialisationEnd()
    var history = StaffHistory(store: self)
    var out: [AuditFinding] = []
    var more = 0
    // Stream by stream in fold order, so a case step is judged on the case as the events
    // before it left it (its machine's availability), as the district judges a township's.
    var before: [Event] = []
    try db.forEach(
      "SELECT \(Journal.columns) FROM journal ORDER BY stream, ts, origin, seq"
    ) { row in
      let e = Journal.read(row)
      let stream = e.stream
      if before.first?.stream != stream { before.removeAll(keepingCapacity: true) }
      let reason: String?
      if SyncScope.isDistrictOnly(stream: stream) {
        defer { before.append(e) }
        guard e.origin != initialisation.origin || e.seq > initialisation.seq else { return }
        reason = try history.refusal(forShared: e, before: before)
      } else if SyncScope.isCase(stream: stream), !held.contains("\(e.origin)#\(e.seq)") {
        defer { before.append(e) }
        guard e.actor != ApplicationMachine.systemActor else { return }
        reason = try history.refusal(for: e, before: before)
      } else {
        return
      }
      guard let reason else { return }
      let origin = e.origin
      let seq = e.seq
      guard out.count < limit else {
        more += 1
        return
      }
      out.append(
        AuditFinding(
          "\(stream) 的事件(\(origin) 第 \(seq) 号)无权写入: \(reason)",
          fix: SyncScope.isCase(stream: stream)
            ? "由督办人员核查该案件;日志中的事件不能删改" : "由系统管理员核查这项共享数据的变更;日志中的事件不能删改"))
    }
    if more > 0 { out.append(AuditFinding("另有 \(more) 个事件的操作人无权写入")) }
    return out
  }

  /// The district's initialisation (`init`, the demo's foundation): from the first event of its
  /// first origin, what the installer wrote before anybody held a role — up to the installer's
  /// own account when `init` creates it, otherwise up to the first event of someone else (the
  /// installer's login need not be staff: `init --admin` names the first administrator).
  private func initialisationEnd() throws -> (origin: String, seq: Int64) {
    let origin = NodeIdentity(
      code: node.district, name: "", district: node.district, isDistrict: true
    ).origin
    guard
      let installer = try db.fetchOne(
        "SELECT actor FROM journal WHERE origin = ? AND seq = 1", [origin], { $0.text(0) })
    else { return (origin, 0) }
    let ownAccount =
      try db.fetchOne(
        "SELECT min(seq) FROM journal WHERE origin = ? AND stream = ? AND type = ?",
        [origin, StaffReducer.stream(installer), EventType.staffAdded.rawValue]
      ) { $0.isNull(0) ? nil : $0.int64(0) } ?? nil
    let someoneElse =
      try db.fetchOne(
        "SELECT min(seq) - 1 FROM journal WHERE origin = ? AND actor <> ?", [origin, installer]
      ) { $0.isNull(0) ? nil : $0.int64(0) } ?? nil
    let last = try db.fetchOne("SELECT max(seq) FROM journal WHERE origin = ?", [origin]) {
      $0.int64(0)
    }
    return (origin, [ownAccount ?? .max, someoneElse ?? .max, last ?? 0].min() ?? 0)
  }
}
