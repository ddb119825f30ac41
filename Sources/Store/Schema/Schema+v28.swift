extension Schema {
  /// The journal as a rowid table (issue 26): a case's timeline was read from
  /// `journal_by_stream` in order, but each event was then looked up in a `WITHOUT ROWID`
  /// table keyed by (origin, seq) — a tree whose inner pages hold whole events (SQLite keeps
  /// the full record in every cell of such a tree, and compares a cell that spills to an
  /// overflow page by reading that page), so it was eight pages deep at 10k cases and fifteen
  /// at 1M, and opening a case cost twice as many pages at 1M as at 10k. SQLite advises
  /// `WITHOUT ROWID` only for rows far smaller than a page; an event is not. As a rowid table
  /// the inner pages hold only row numbers, events are stored in the order they were appended
  /// (a case's events next to each other when they were written together), (origin, seq) is
  /// still the primary key (its own index, which the chain's and sync's reads by origin use),
  /// and the journal takes half the space (5.4 GB at 1M cases became 2.6 GB).
  ///
  /// The events are copied in chain order, byte for byte (no event changes: the hash chains
  /// hold), and the triggers that keep the journal append-only are made again. No re-fold; at
  /// 1M cases the copy and its index take minutes, once. May run again.
  static let v28 = """
    DROP TABLE IF EXISTS journal_rowid;
    CREATE TABLE journal_rowid (
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq >= 1),
      \(Schema.eventColumns),
      PRIMARY KEY (origin, seq)
    );
    INSERT INTO journal_rowid (origin, seq, stream, type, payload, actor, node, ts, prev_hash, hash)
      SELECT origin, seq, stream, type, payload, actor, node, ts, prev_hash, hash
      FROM journal ORDER BY origin, seq;
    DROP TABLE journal;
    ALTER TABLE journal_rowid RENAME TO journal;
    CREATE INDEX journal_by_stream ON journal (stream, ts, origin, seq);

    CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
    BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
    CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
    BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
    """
}
