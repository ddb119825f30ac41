extension Schema {
  /// 视为受理 candidates from an index that holds their filter: the sweep that runs when the
  /// 受理登记 pane opens reads the few online applications awaiting pre-review, not every open
  /// case of the district (which grows with the database: 20,000 at a million cases).
  static let v16 = """
    CREATE INDEX application_awaiting_prereview ON application (status, is_open, case_id)
      WHERE status = 'awaitingPreReview';
    """
}
