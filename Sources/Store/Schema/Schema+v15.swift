extension Schema {
  /// 延长审批告知书: the notice table's kinds gain `extension`. SQLite cannot change a CHECK in
  /// place, so the table is copied into its new shape (it holds a few rows per case).
  static let v15 = """
    CREATE TABLE application_notice_v15 (
      number TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES application (case_id),
      kind TEXT NOT NULL CHECK (kind IN ('acceptance', 'supplement', 'refusal', 'clockStop',
        'conclusion', 'denial', 'extension')),
      issued_on TEXT NOT NULL,
      issued_by TEXT NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO application_notice_v15 (number, case_id, kind, issued_on, issued_by)
      SELECT number, case_id, kind, issued_on, issued_by FROM application_notice;
    DROP TABLE application_notice;
    ALTER TABLE application_notice_v15 RENAME TO application_notice;
    CREATE INDEX application_notice_by_case ON application_notice (case_id);
    """
}
