extension Schema {
  /// 查找 (F7): every key a case can be found by — its number whole and backwards, the names,
  /// phones and ID numbers on it, an upstream ticket number — one row each, kept by the case
  /// projectors (`CaseFindIndex`). Ordered by key, so every search is a range of the index;
  /// by stream, so a re-projection replaces a case's own rows. Filled by the re-fold it asks for.
  static let v12 = """
    CREATE TABLE case_find (
      stream TEXT NOT NULL,
      key TEXT NOT NULL,
      PRIMARY KEY (stream, key)
    ) WITHOUT ROWID;
    CREATE INDEX case_find_by_key ON case_find (key, stream);
    INSERT OR IGNORE INTO refold_pending (id) VALUES (1);
    """
}
