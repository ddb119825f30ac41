extension Schema {
  /// Two-character search and the 全部 queue's order.
  ///
  /// `complaint_bigram` holds every adjacent pair of a complaint's characters (filled here from
  /// the trigram index's copy of the texts by the same Swift code the projector uses,
  /// `zwfw_bigrams`). `complaint_by_queue_order` is the queues' own ORDER BY, so a search that
  /// matches thousands of complaints reads them in order and stops at the first page.
  static let v8 = """
    CREATE VIRTUAL TABLE complaint_bigram USING fts5 (grams, tokenize = 'unicode61');
    INSERT INTO complaint_bigram (rowid, grams)
      SELECT rowid, zwfw_bigrams(subject) || ' ' || zwfw_bigrams(content) FROM complaint_text;
    CREATE INDEX complaint_by_queue_order
      ON complaint (due_day IS NULL, due_day, last_ts DESC, case_id);
    """
}
