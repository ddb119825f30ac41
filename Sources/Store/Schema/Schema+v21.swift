extension Schema {
  /// 折叠状态: the fold of a long stream as an import left it (`Store+StoredFolds`), so the
  /// next import that extends the stream folds only the new events. A cache of the journal:
  /// emptied by a rebuild and whenever the calendar changes, never read without checking the
  /// events it folded (their digest). Starts empty: no re-fold.
  static let v21 = """
    CREATE TABLE IF NOT EXISTS fold_state (
      stream TEXT PRIMARY KEY,
      events INTEGER NOT NULL,
      digest TEXT NOT NULL,
      state TEXT NOT NULL,
      conflicts TEXT NOT NULL
    ) WITHOUT ROWID;
    """
}
