extension Schema {
  /// The 督办 drill-down reads the index only (issue 26): its page was read in order from
  /// `deadline_by_org` (org, paused, due_day, and the key), but each of its 200 rows was then
  /// looked up in `deadline` for what the line shows — once an organisation had more than a page
  /// of open deadlines, three pages a row at 1M cases against one at 10k. The index now holds
  /// every column the line shows (`Store.drillDownSQL`), so the page is a range of its leaves.
  /// Same name and the same leading columns, so the overview's seeks and counts that plan by it
  /// keep their plans. The table holds open deadlines only (about 25,000 at 1M cases): the
  /// step is one index built, no re-fold, and may run again.
  static let v27 = """
    DROP INDEX IF EXISTS deadline_by_org;
    CREATE INDEX deadline_by_org ON deadline
      (org, paused, due_day, stream, purpose, kind, case_id, handler, title, state, due_date);
    """
}
