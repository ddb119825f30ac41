extension Schema {
  /// Indexes for the readers added with issue 20: the refusal log read newest first from a day
  /// or by one login (`audit refusals`, the 审计 view), and complaints by registration date (the
  /// complaint analysis of 第三十四条, which reads a period's complaints). Indexes only: nothing
  /// projected changes, so no re-fold.
  static let v17 = """
    CREATE INDEX IF NOT EXISTS refusal_log_by_ts ON refusal_log (ts);
    CREATE INDEX IF NOT EXISTS refusal_log_by_actor ON refusal_log (actor, ts);
    CREATE INDEX IF NOT EXISTS complaint_by_registered ON complaint (registered_on);
    """
}
