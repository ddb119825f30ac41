extension Schema {
  /// 一件事 (issue 20 item 1, 第十九条): the package cases and their member sub-cases, so a
  /// member's case finds its package and the 督办 board lists the open packages. New tables of a
  /// new stream kind: nothing recorded before has such events, so no re-fold.
  static let v23 = """
    CREATE TABLE IF NOT EXISTS package_case (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      applicant_name TEXT NOT NULL,
      registered_org TEXT NOT NULL,
      registered_on TEXT NOT NULL,
      registered_at INTEGER NOT NULL,
      promised_days INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS package_case_by_registered ON package_case (registered_at);
    CREATE TABLE IF NOT EXISTS package_member (
      package_id TEXT NOT NULL REFERENCES package_case (id),
      case_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (package_id, case_id)
    );
    CREATE INDEX IF NOT EXISTS package_member_by_case ON package_member (case_id);
    """
}
