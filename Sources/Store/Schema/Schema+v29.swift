extension Schema {
  /// 受理登记's `/` search in index order (issue 26): it matched any fragment of the case
  /// number, the applicant's name and the ID number with `LIKE '%…%'` and so read every
  /// application in the queue's scope, sorting them after. `application_search` holds each
  /// application's character pairs and characters (`ApplicationSearchIndex`); a search reads the
  /// fragment's list newest first and fetches each case by its rowid until the page is full.
  ///
  /// External content: the words are computed from the row (`application_search_text`), not
  /// stored twice. Triggers on `application` keep the index in the statement that changes a
  /// row, so in the same transaction as the event (like the counters of v22); they fire only
  /// when one of the three texts changes. A rebuild drops them with the other projection
  /// triggers, folds, then rebuilds the index from the rows (`applicationSearchFill`) and creates
  /// them again; `audit verify` checks the index against its rows (FTS5's `integrity-check`).
  ///
  /// Filled here by plain SQL from the rows, no re-fold. Every statement may run again.
  static let v29 = """
    CREATE VIEW IF NOT EXISTS application_search_text AS
      SELECT rowid AS rowid, \(applicationGrams("application")) AS grams FROM application;
    CREATE VIRTUAL TABLE IF NOT EXISTS application_search USING fts5 (
      grams, content = 'application_search_text', content_rowid = 'rowid', columnsize = 0,
      tokenize = 'ascii tokenchars _');

    \(counterTriggers(
      "application_search", on: "application",
      update: "UPDATE OF case_id, applicant_name, applicant_id", when: textsChanged,
      add: applicationSearchAdd, remove: applicationSearchRemove))

    \(applicationSearchFill)
    """

  /// The index made again from every row (emptied first): the migration's fill, and a rebuild's
  /// after its fold (`ProjectionCounters`). Then merged into one segment: a fill of 1M rows leaves
  /// about a dozen, and every search looks each of its words up in each, which made the 1M search
  /// page read 587 pages instead of 431 and fail the page rule (issue 26).
  static let applicationSearchFill = """
    INSERT INTO application_search (application_search) VALUES ('rebuild');
    INSERT INTO application_search (application_search) VALUES ('optimize');
    """

  /// The words of `row`'s case number, name and ID number (`ApplicationSearchIndex.grams`).
  private static func applicationGrams(_ row: String) -> String {
    "zwfw_application_grams(\(row).case_id || char(31) || \(row).applicant_name || char(31) || "
      + "\(row).applicant_id)"
  }

  /// The update trigger fires only when a text changed (a step rewrites no text).
  private static let textsChanged = """
    old.case_id IS NOT new.case_id OR old.applicant_name IS NOT new.applicant_name
      OR old.applicant_id IS NOT new.applicant_id
    """

  private static let applicationSearchAdd = """
    INSERT INTO application_search (rowid, grams) VALUES (new.rowid, \(applicationGrams("new")));
    """

  /// An external-content row is taken out by naming the words it was given.
  private static let applicationSearchRemove = """
    INSERT INTO application_search (application_search, rowid, grams)
        VALUES ('delete', old.rowid, \(applicationGrams("old")));
    """
}
