extension Schema {
  /// 因果时钟 — the hybrid logical clock's high-water mark: the latest timestamp of any event this
  /// node wrote or imported. A new event is stamped strictly after it, so a clock that runs behind
  /// (a township PC, NTP stepping back) can never fold a step before what its author saw. Started
  /// from the journal as it stands.
  static let v10 = """
    CREATE TABLE causal_clock (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_ts INTEGER NOT NULL
    );
    INSERT INTO causal_clock (id, last_ts) SELECT 1, coalesce(max(ts), 0) FROM journal;
    """
}
