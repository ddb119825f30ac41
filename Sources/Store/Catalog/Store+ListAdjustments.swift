import Domain
import Foundation

extension Store {
  /// 登记清单调整 (第十条): opens a task due 10 working days after the adjustment date.
  @discardableResult
  public func recordListAdjustment(_ record: ListAdjustmentRecord, by staff: Staff) throws
    -> String
  {
    try write(as: staff, .recordListAdjustment, subject: "listadj") { tx in
      try requireDistrict(for: "事项库")
      var r = record
      r.document = r.document.trimmingSpacesAndNewlines()
      r.description = r.description.trimmingSpacesAndNewlines()
      if let refusal = ListAdjustmentRules.check(
        r, today: tx.today, organisations: Set(try organisationNames().keys))
      {
        throw refusal
      }
      let id = try tx.nextCaseID()
      try tx.append([
        EventDraft(stream: ListAdjustmentReducer.stream(id), type: .listAdjustmentRecorded, body: r)
      ])
      return id
    }
  }

  /// 核销 — closes an open task whose remaining items need no catalog update, with the reason.
  public func closeListAdjustment(id: String, reason: String, by staff: Staff) throws {
    try write(as: staff, .recordListAdjustment, subject: ListAdjustmentReducer.stream(id)) { tx in
      try requireDistrict(for: "事项库")
      let state = ListAdjustmentReducer.fold(
        try events(stream: ListAdjustmentReducer.stream(id)), foldContext
      ).state
      if let refusal = ListAdjustmentRules.checkClose(state, reason: reason) { throw refusal }
      try tx.append([
        EventDraft(
          stream: ListAdjustmentReducer.stream(id), type: .listAdjustmentClosed,
          body: ChangeNote(note: reason.trimmingSpacesAndNewlines()))
      ])
    }
  }

  public func listAdjustment(id: String) throws -> ListAdjustment? {
    try db.body(ListAdjustment.self, "SELECT id, body FROM list_adjustment WHERE id = ?", [id])
  }

  /// Open tasks by due date (most urgent first); with `openOnly` false, then the finished ones,
  /// latest first.
  /// - Complexity: O(log n + k) on `list_adjustment_by_state`.
  public func listAdjustments(openOnly: Bool, limit: Int = 500) throws -> [ListAdjustment] {
    var out = try db.bodies(ListAdjustment.self, Self.openListAdjustmentsSQL, [limit])
    if !openOnly {
      out += try db.bodies(ListAdjustment.self, Self.finishedListAdjustmentsSQL, [limit])
    }
    return out
  }

  static let openListAdjustmentsSQL =
    "SELECT id, body FROM list_adjustment WHERE state = 'open' ORDER BY due_date, id LIMIT ?"

  /// The finished ones (settled, closed) as two ranges of `list_adjustment_by_state` merged in
  /// page order, not every adjustment sorted.
  static let finishedListAdjustmentsSQL = """
    SELECT id, body, due_date FROM list_adjustment WHERE state = 'settled'
    UNION ALL SELECT id, body, due_date FROM list_adjustment WHERE state = 'closed'
    ORDER BY due_date DESC, id DESC LIMIT ?
    """

}
