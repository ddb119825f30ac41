extension Schema {
  /// 常用语 (issue 19 item 6): the templates projected from `phrase/…` streams. `org` is NULL for
  /// a 全区通用 template. No foreign key to `org`: a township's template arrives by sync, and a
  /// projection must not fail on an event the import already judged (an unknown organisation is
  /// held by the import's authority check, never projected). The picker reads one kind and one
  /// scope in the admins' order, the in-use ones only; the 系统管理 list reads every template in
  /// the order it shows.
  static let v18 = """
    CREATE TABLE IF NOT EXISTS phrase (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      org TEXT,
      text TEXT NOT NULL,
      position INTEGER NOT NULL,
      retired INTEGER NOT NULL CHECK (retired IN (0, 1))
    );
    CREATE INDEX IF NOT EXISTS phrase_in_use ON phrase (kind, org, position) WHERE retired = 0;
    CREATE INDEX IF NOT EXISTS phrase_by_scope ON phrase (org, kind, position);
    """
}
