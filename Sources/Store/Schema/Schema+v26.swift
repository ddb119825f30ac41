extension Schema {
  /// 待督办回复 in page order (issue 26): a complaint carries whether a 督办 notice on it waits
  /// for its reply (`supervised`), so the view is a range of an ordered partial index, like every
  /// other view, instead of the unanswered notices' cases read whole and sorted. The queue line's
  /// badge reads the same column (it was a seek of `supervision` per row).
  ///
  /// Kept by triggers, in the statement that changes a notice or inserts a complaint, so in the
  /// same transaction as the event (like the counters of v22): whichever of the two streams is
  /// projected first, the flag follows. A rebuild drops the triggers with the other projection
  /// triggers, folds, then sets the flags from the notices (`supervisedFill`) and creates them
  /// again; `audit verify` compares the column like any other.
  ///
  /// Unlike the index-only steps before it, this one cannot run again: a column cannot be added
  /// twice (a test that sets `user_version` back undoes it first).
  static let v26 = """
    ALTER TABLE complaint ADD COLUMN supervised INTEGER NOT NULL DEFAULT 0
      CHECK (supervised IN (0, 1));

    CREATE TRIGGER IF NOT EXISTS complaint_supervised_insert AFTER INSERT ON complaint
    WHEN EXISTS (SELECT 1 FROM supervision WHERE target_case = new.case_id AND replied = 0)
    BEGIN
      UPDATE complaint SET supervised = 1 WHERE rowid = new.rowid;
    END;
    CREATE TRIGGER IF NOT EXISTS supervision_flag_insert AFTER INSERT ON supervision
    WHEN new.replied = 0
    BEGIN
      UPDATE complaint SET supervised = 1 WHERE case_id = new.target_case AND supervised = 0;
    END;
    CREATE TRIGGER IF NOT EXISTS supervision_flag_delete AFTER DELETE ON supervision
    WHEN old.replied = 0
    BEGIN
      \(unflag("old"))
    END;
    CREATE TRIGGER IF NOT EXISTS supervision_flag_update AFTER UPDATE OF target_case, replied
    ON supervision
    BEGIN
      \(unflag("old"))
      UPDATE complaint SET supervised = 1
        WHERE case_id = new.target_case AND new.replied = 0 AND supervised = 0;
    END;

    -- The view for a supervisor; for a clerk, what their organisation handles and what its
    -- desk registered for another one (merged in order, as 本单位).
    CREATE INDEX IF NOT EXISTS complaint_supervised_queue ON complaint
      (due_day IS NULL, due_day, last_ts DESC, case_id) WHERE supervised = 1;
    CREATE INDEX IF NOT EXISTS complaint_org_supervised_queue ON complaint
      (handling_org, due_day IS NULL, due_day, last_ts DESC, case_id) WHERE supervised = 1;
    CREATE INDEX IF NOT EXISTS complaint_desk_supervised_queue ON complaint
      (registering_org, due_day IS NULL, due_day, last_ts DESC, case_id)
      WHERE supervised = 1 AND handling_org <> registering_org;

    UPDATE complaint SET supervised = 0 WHERE supervised = 1;
    \(supervisedFill)
    """

  /// Every complaint a notice waits on, flagged (on rows whose flags are all 0): the migration's
  /// fill, and a rebuild's after its fold (`ProjectionCounters`). Any kind of notice target with
  /// the complaint's number, as the view read it before.
  static let supervisedFill = """
    UPDATE complaint SET supervised = 1
      WHERE case_id IN (SELECT target_case FROM supervision WHERE replied = 0);
    """

  /// The flag of `row`'s target cleared unless another unanswered notice still waits on it.
  private static func unflag(_ row: String) -> String {
    """
    UPDATE complaint SET supervised = 0
        WHERE case_id = \(row).target_case AND supervised = 1
          AND NOT EXISTS (
            SELECT 1 FROM supervision WHERE target_case = \(row).target_case AND replied = 0);
    """
  }
}
