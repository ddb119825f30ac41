extension Schema {
  /// 我的 = assigned to me, on every kind of case (issue 19 item 3): applications and
  /// rectification cases project their assignee (`CaseWork.assignee`, the `case.assigned` events
  /// already on their streams), and 受理登记's 我的 reads it in page order instead of "every case
  /// I took a step on" (`application_actor`, which had to be sorted after reading). A complaint
  /// concluded without a callback (anonymous, `complaint.notCalledBack`) is marked, so its row
  /// says 无法回访 rather than 已回访.
  ///
  /// `application_mine_count` now counts a login's 我的 from the `application` row itself: its
  /// assignee's while it is open, or, while nobody is assigned and the intake decision is still
  /// the desk's, the clerk who registered it (`mineLogin`). Its triggers on `application_actor`
  /// go, and `application_count`'s are made again without the actors' share.
  ///
  /// New columns: the next open folds every stream again (`refold_pending`) and recounts.
  static let v24 = """
    ALTER TABLE application ADD COLUMN assignee TEXT;
    ALTER TABLE rectification ADD COLUMN assignee TEXT;
    ALTER TABLE complaint ADD COLUMN no_callback INTEGER NOT NULL DEFAULT 0
      CHECK (no_callback IN (0, 1));

    -- 受理登记 我的: what is assigned to me, and what I registered that nobody was assigned
    -- yet while it waits for the intake decision; per sort, like 本单位.
    CREATE INDEX IF NOT EXISTS application_assignee_by_time ON application
      (assignee, paused, due_day IS NULL, due_day, registered_at, case_id)
      WHERE is_open = 1 AND assignee IS NOT NULL;
    CREATE INDEX IF NOT EXISTS application_assignee_by_registered ON application
      (assignee, registered_at DESC, case_id) WHERE is_open = 1 AND assignee IS NOT NULL;
    CREATE INDEX IF NOT EXISTS application_registrar_by_time ON application
      (registered_by, paused, due_day IS NULL, due_day, registered_at, case_id)
      WHERE assignee IS NULL AND status IN \(applicationIntakeStatuses);
    CREATE INDEX IF NOT EXISTS application_registrar_by_registered ON application
      (registered_by, registered_at DESC, case_id)
      WHERE assignee IS NULL AND status IN \(applicationIntakeStatuses);
    -- 差评整改 我的: the open cases assigned to me, in the queue's order.
    CREATE INDEX IF NOT EXISTS rectification_assignee_queue ON rectification
      (assignee, due_date IS NULL, due_date, updated_at DESC, id)
      WHERE phase <> 'closed' AND assignee IS NOT NULL;

    DROP TRIGGER IF EXISTS application_mine_count_insert;
    DROP TRIGGER IF EXISTS application_mine_count_delete;
    DROP TRIGGER IF EXISTS application_mine_count_update;
    DROP TRIGGER IF EXISTS application_count_insert;
    DROP TRIGGER IF EXISTS application_count_delete;
    DROP TRIGGER IF EXISTS application_count_update;
    \(applicationCountTriggers(add: applicationCountAdd, remove: applicationCountRemove))
    \(counterTriggers(
        "application_assigned_count", on: "application",
        update: "UPDATE OF is_open, assignee, status, registered_by",
        when: "\(mineLogin("old")) IS NOT \(mineLogin("new"))", add: mineAdd, remove: mineRemove))

    DELETE FROM application_mine_count;
    \(mineCountFill)
    INSERT OR IGNORE INTO refold_pending (id) VALUES (1);
    """

  /// Before the intake decision (the desk's to take): 待预审, 待受理, 待补正
  /// (`ApplicationStatus.isIntake`, and the applicant's return with the supplement).
  static let applicationIntakeStatuses =
    "('awaitingPreReview', 'awaitingAcceptance', 'awaitingSupplement')"

  /// Whose 我的 an application row is in (NULL: nobody's): its assignee's while open; else,
  /// unassigned and waiting for the intake decision, the clerk who registered it.
  static func mineLogin(_ row: String) -> String {
    """
    (CASE WHEN \(row).assignee IS NOT NULL THEN (CASE WHEN \(row).is_open = 1 THEN \(row).assignee END) \
    WHEN \(row).status IN \(applicationIntakeStatuses) THEN \(row).registered_by END)
    """
  }

  private static let mineAdd = """
      INSERT INTO application_mine_count (login, n) SELECT \(mineLogin("new")), 1
        WHERE \(mineLogin("new")) IS NOT NULL
        ON CONFLICT (login) DO UPDATE SET n = n + 1;
    """

  private static let mineRemove = """
      DELETE FROM application_mine_count WHERE login = \(mineLogin("old")) AND n = 1;
      UPDATE application_mine_count SET n = n - 1 WHERE login = \(mineLogin("old"));
    """

  /// 我的 of 受理登记 recounted from the rows.
  static let mineCountFill = """
    INSERT INTO application_mine_count (login, n)
      SELECT login, count(*) FROM (SELECT \(mineLogin("a")) AS login FROM application a)
      WHERE login IS NOT NULL GROUP BY login;

    """
}
