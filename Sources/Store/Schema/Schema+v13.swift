extension Schema {
  /// 导入 as one change: `catalog_change` admits the kind `batch` (an import holding several
  /// items) and the stage `refused` (an import the reviewer refused). SQLite cannot alter a
  /// CHECK, so the projection table is made again and the next open folds it from the journal.
  static let v13 = """
    DROP TABLE catalog_change;
    CREATE TABLE catalog_change (
      id TEXT PRIMARY KEY,
      item_code TEXT NOT NULL,
      item_name TEXT NOT NULL,
      org TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('open', 'modify', 'suspend', 'resume', 'terminate',
        'batch')),
      stage TEXT NOT NULL CHECK (stage IN ('draft', 'returned', 'testFailed', 'submitted',
        'approved', 'awaitingFiling', 'effective', 'withdrawn', 'refused')),
      open INTEGER NOT NULL CHECK (open IN (0, 1)),
      urgent INTEGER NOT NULL CHECK (urgent IN (0, 1)),
      imported INTEGER NOT NULL CHECK (imported IN (0, 1)),
      drafter TEXT NOT NULL,
      base_version INTEGER,
      result_version INTEGER,
      drafted_on TEXT NOT NULL,
      updated_on TEXT NOT NULL,
      body TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX catalog_change_by_open ON catalog_change (open, updated_on, id);
    CREATE INDEX catalog_change_by_item ON catalog_change (item_code, open);
    CREATE INDEX catalog_change_batches ON catalog_change (open, kind) WHERE kind = 'batch';
    INSERT OR IGNORE INTO refold_pending (id) VALUES (1);
    """
}
