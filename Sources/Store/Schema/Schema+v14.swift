extension Schema {
  /// 平台办件编号: the provincial platform's number of each application it handed over
  /// (`applications import`), to skip one handed over twice and to find it by that number.
  /// No application carried one before, so nothing needs folding again.
  static let v14 = """
    CREATE TABLE application_platform (
      number TEXT NOT NULL,
      case_id TEXT NOT NULL REFERENCES application (case_id),
      PRIMARY KEY (case_id, number)
    ) WITHOUT ROWID;
    CREATE INDEX application_platform_by_number ON application_platform (number);
    """
}
