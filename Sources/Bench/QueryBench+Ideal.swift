import Foundation
import Store

/// The floor of a queue's page or a search (issue 26): the ideal read — the rows the clerk is
/// shown, fetched by their keys with the columns the store reads for them. A statement that
/// reads in index order and stops at the page costs about this; one that walks or sorts the
/// queue does not, however close it comes to the same statement run directly.
extension QueryBench {
  static let complaintByKey = complaintColumns + " c.case_id = ?"
  static let deadlineByKey = """
    SELECT stream, purpose, kind, case_id, org, handler, title, state, due_date, paused
    FROM deadline WHERE stream = ? AND purpose = ?
    """
  static let applicationByKey = """
    SELECT case_id, item_name, org, applicant_name, applicant_kind, applicant_id, phone, channel,
      status, status_text, registered_on, registered_by, due_date, paused, deemed, closed_on
    FROM application WHERE case_id = ?
    """

  /// A page measured beside its ideal read: `keys` runs the store call and returns the keys of
  /// the rows it showed; the floor fetches each of them with `byKey` (prepared once).
  func queuePage(
    _ name: String, _ label: String, byKey: String, _ keys: () throws -> [[any SQLBindable]]
  ) throws -> QueryFigure {
    let shown = try keys()
    return try figure(
      name, label, floorSQL: shown.map { (byKey, $0) }, cachedFloor: true
    ) { try keys().count }
  }
}
