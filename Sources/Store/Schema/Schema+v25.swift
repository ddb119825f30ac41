extension Schema {
  /// The first frame reads the index only (issue 26): 受理登记 opens on 本单位 by time left,
  /// and the service centre's 本单位 is the district's open queue. Read in page order from v19's
  /// indexes, each of its 200 rows was still looked up in the table, a tree level deeper from
  /// 100k cases (about 200 pages more of a first frame). The two sides of that page now hold
  /// every column a queue line shows (`applicationRowColumns`, and `is_open`, which SQLite
  /// asks an index for even when the partial index's WHERE fixes it), so the page is read from
  /// the indexes alone. Partial over open cases only: what they copy is the open queue, not
  /// the history. Same names, so nothing that plans by them changes; indexes only, no re-fold;
  /// every step may run again.
  static let v25 = """
    DROP INDEX IF EXISTS application_org_by_time;
    DROP INDEX IF EXISTS application_desk_by_time;
    CREATE INDEX application_org_by_time ON application
      (org, paused, due_day IS NULL, due_day, registered_at, case_id,
        \(queueLine))
      WHERE is_open = 1;
    CREATE INDEX application_desk_by_time ON application
      (registered_org, paused, due_day IS NULL, due_day, registered_at, case_id, org,
        \(queueLine))
      WHERE is_open = 1 AND org <> registered_org;
    """

  /// The columns of a queue line not already in the order (`Store.applicationRowColumns`).
  private static let queueLine = """
    is_open, item_name, applicant_name, applicant_kind, applicant_id, phone, channel, status,
        status_text, registered_on, registered_by, due_date, deemed, closed_on
    """
}
