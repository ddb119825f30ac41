extension Schema {
  /// 按时办结 of applications, for the timeliness statistics. The column is projected, so the
  /// step leaves a `refold_pending` mark in its own transaction and the next open rebuilds every
  /// projection (and clears the mark in the rebuild's transaction): a crash in between only
  /// means the rebuild runs at the following open.
  static let v7 = """
    ALTER TABLE application ADD COLUMN on_time INTEGER CHECK (on_time IN (0, 1));
    CREATE INDEX application_concluded ON application (closed_on, org) WHERE on_time IS NOT NULL;
    CREATE TABLE refold_pending (id INTEGER PRIMARY KEY CHECK (id = 1));
    INSERT INTO refold_pending (id) VALUES (1);
    """
}
