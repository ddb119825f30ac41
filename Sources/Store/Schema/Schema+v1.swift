extension Schema {
  /// The journal, the local node, and the foundation's projections.
  static let v1 = """
    CREATE TABLE local_node (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      code TEXT NOT NULL CHECK (length(code) BETWEEN 2 AND 8),
      name TEXT NOT NULL,
      district TEXT NOT NULL,
      is_district INTEGER NOT NULL CHECK (is_district IN (0, 1)),
      epoch INTEGER NOT NULL CHECK (epoch >= 1),
      training INTEGER NOT NULL CHECK (training IN (0, 1)),
      created_at INTEGER NOT NULL
    );

    -- The journal: append-only, one hash chain per origin (node code + epoch).
    CREATE TABLE journal (
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq >= 1),
      \(Schema.eventColumns),
      PRIMARY KEY (origin, seq)
    ) WITHOUT ROWID;
    CREATE INDEX journal_by_stream ON journal (stream, ts, origin, seq);

    CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
    BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
    CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
    BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

    -- Per-origin high-water mark and chain head, maintained with every append.
    CREATE TABLE origin_head (
      origin TEXT PRIMARY KEY,
      last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
      last_hash TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Refused attempts: what was tried and why it was refused (等保 2.0 asks for both).
    CREATE TABLE refusal_log (
      id INTEGER PRIMARY KEY,
      ts INTEGER NOT NULL,
      actor TEXT NOT NULL,
      node TEXT NOT NULL,
      action TEXT NOT NULL,
      subject TEXT,
      reason TEXT NOT NULL
    );

    -- Case numbers per node and year: BYQ-2026-000123.
    CREATE TABLE case_counter (
      prefix TEXT NOT NULL,
      year INTEGER NOT NULL,
      last INTEGER NOT NULL CHECK (last >= 0),
      PRIMARY KEY (prefix, year)
    ) WITHOUT ROWID;

    -- Projections below are caches of the journal (`zwfw rebuild` recomputes them).
    CREATE TABLE org (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('district', 'township', 'street', 'department')),
      node TEXT,
      position INTEGER NOT NULL
    );

    CREATE TABLE staff (
      login TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      org TEXT NOT NULL REFERENCES org (code),
      roles TEXT NOT NULL,
      disabled INTEGER NOT NULL CHECK (disabled IN (0, 1))
    );
    CREATE INDEX staff_by_org ON staff (org);

    CREATE TABLE calendar_year (
      year INTEGER PRIMARY KEY,
      entries INTEGER NOT NULL,
      source TEXT NOT NULL
    );
    CREATE TABLE calendar_day (
      date TEXT PRIMARY KEY,
      year INTEGER NOT NULL REFERENCES calendar_year (year),
      kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE peer_node (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      is_district INTEGER NOT NULL CHECK (is_district IN (0, 1))
    ) WITHOUT ROWID;

    -- One row per open deadline of any kind of case: every countdown, the 督办 pane, the
    -- statistics and the benchmarks read this. Due dates carry their working-day ordinal so
    -- "overdue by N working days" is a subtraction and "all overdue" a range scan.
    CREATE TABLE deadline (
      stream TEXT NOT NULL,
      purpose TEXT NOT NULL DEFAULT 'main',
      kind TEXT NOT NULL,
      case_id TEXT NOT NULL,
      org TEXT NOT NULL,
      handler TEXT,
      title TEXT NOT NULL,
      state TEXT NOT NULL,
      start_date TEXT,
      limit_days INTEGER,
      due_date TEXT NOT NULL,
      due_day INTEGER NOT NULL,
      due_ordinal INTEGER NOT NULL,
      paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
      PRIMARY KEY (stream, purpose)
    ) WITHOUT ROWID;
    CREATE INDEX deadline_by_due ON deadline (paused, due_day);
    CREATE INDEX deadline_by_org ON deadline (org, paused, due_day);
    CREATE INDEX deadline_by_kind ON deadline (kind, paused, due_day);

    -- Which organisations a case stream concerns (folded from its events): sync sends a
    -- township only the streams of the organisations its node serves.
    CREATE TABLE stream_scope (
      stream TEXT NOT NULL,
      org TEXT NOT NULL,
      PRIMARY KEY (stream, org)
    ) WITHOUT ROWID;
    CREATE INDEX stream_scope_by_org ON stream_scope (org, stream);

    -- Events that could not apply in the state they landed in, awaiting a supervisor.
    CREATE TABLE conflict (
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL,
      stream TEXT NOT NULL,
      message TEXT NOT NULL,
      resolved_by TEXT,
      resolution TEXT,
      PRIMARY KEY (origin, seq)
    ) WITHOUT ROWID;
    CREATE INDEX conflict_by_stream ON conflict (stream);
    """
}
