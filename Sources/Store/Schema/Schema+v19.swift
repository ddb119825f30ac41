extension Schema {
  /// Screen statements read in page order (issue 26): each queue, view and sort a pane offers
  /// has an index in its ORDER BY, so a page reads its rows and stops, however many cases the
  /// database holds. Partial where the queue is (open applications, open complaints), so closed
  /// history costs them nothing; the indexes they replace are dropped (no two serve one
  /// statement). Indexes only: nothing projected changes, so no re-fold; every step may run
  /// again (a test that rolls `user_version` back).
  static let v19 = """
    DROP INDEX IF EXISTS application_open_by_org;
    DROP INDEX IF EXISTS application_open_by_desk;
    DROP INDEX IF EXISTS application_closed;
    -- 受理登记: 本单位 and 已办结 are the organisation's own cases merged with those its desk
    -- registered for another organisation; 全部 one range. Per sort: 按剩余时间, 按登记时间.
    CREATE INDEX IF NOT EXISTS application_org_by_time ON application
      (org, paused, due_day IS NULL, due_day, registered_at, case_id) WHERE is_open = 1;
    CREATE INDEX IF NOT EXISTS application_desk_by_time ON application
      (registered_org, paused, due_day IS NULL, due_day, registered_at, case_id)
      WHERE is_open = 1 AND org <> registered_org;
    CREATE INDEX IF NOT EXISTS application_org_by_registered ON application
      (org, registered_at DESC, case_id) WHERE is_open = 1;
    CREATE INDEX IF NOT EXISTS application_desk_by_registered ON application
      (registered_org, registered_at DESC, case_id)
      WHERE is_open = 1 AND org <> registered_org;
    CREATE INDEX IF NOT EXISTS application_open_by_time ON application
      (paused, due_day IS NULL, due_day, registered_at, case_id) WHERE is_open = 1;
    CREATE INDEX IF NOT EXISTS application_open_by_registered ON application
      (registered_at DESC, case_id) WHERE is_open = 1;
    CREATE INDEX IF NOT EXISTS application_org_closed ON application
      (org, closed_on DESC, registered_at DESC, case_id) WHERE is_open = 0;
    CREATE INDEX IF NOT EXISTS application_desk_closed ON application
      (registered_org, closed_on DESC, registered_at DESC, case_id)
      WHERE is_open = 0 AND org <> registered_org;

    -- 投诉建议: 本单位 as the same two sides; 即将到期 and 已超期 by deadline.
    CREATE INDEX IF NOT EXISTS complaint_org_queue ON complaint
      (handling_org, due_day IS NULL, due_day, last_ts DESC, case_id)
      WHERE status IN ('awaitingDispatch', 'handling', 'rectifying', 'merged');
    CREATE INDEX IF NOT EXISTS complaint_desk_queue ON complaint
      (status, registering_org, due_day IS NULL, due_day, last_ts DESC, case_id)
      WHERE status = 'awaitingDispatch' AND handling_org <> registering_org;
    DROP INDEX IF EXISTS complaint_by_due;
    CREATE INDEX IF NOT EXISTS complaint_due_queue ON complaint (due_day, last_ts DESC, case_id)
      WHERE due_day IS NOT NULL;

    -- 差评整改: a phase's cases, or all of them (open first), each also per organisation.
    DROP INDEX IF EXISTS rectification_by_phase;
    DROP INDEX IF EXISTS rectification_by_org;
    CREATE INDEX IF NOT EXISTS rectification_phase_queue ON rectification
      (phase, due_date IS NULL, due_date, updated_at DESC, id);
    CREATE INDEX IF NOT EXISTS rectification_org_phase_queue ON rectification
      (org, phase, due_date IS NULL, due_date, updated_at DESC, id);
    CREATE INDEX IF NOT EXISTS rectification_queue ON rectification
      (phase = 'closed', due_date IS NULL, due_date, updated_at DESC, id);
    CREATE INDEX IF NOT EXISTS rectification_org_queue ON rectification
      (org, phase = 'closed', due_date IS NULL, due_date, updated_at DESC, id);

    -- 督办通知: unanswered first by reply date, then the answered newest first.
    DROP INDEX IF EXISTS supervision_by_org;
    DROP INDEX IF EXISTS supervision_by_issued;
    CREATE INDEX IF NOT EXISTS supervision_queue ON supervision
      (replied, (CASE WHEN replied = 0 THEN reply_due END), issued_on DESC, id DESC);
    CREATE INDEX IF NOT EXISTS supervision_org_queue ON supervision
      (org, replied, (CASE WHEN replied = 0 THEN reply_due END), issued_on DESC, id DESC);
    """
}
